// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.media.FrameDecoder;
import io.chai.media.FrameIndex;
import io.chai.media.PixelLayout;
import io.chai.media.VideoFrame;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Decodes exact frames ahead of libVLC's playback, on its own thread with its own exact decoder, and keeps the
 * {@link PictureSignature} of each in a ring of the last {@value #RING} frames, so that {@link FrameMatcher} can
 * identify every picture libVLC displays without waiting for anything ({@link #get} is a lock-free array read).
 *
 * <p>Decoding runs from {@value FrameMatcher#RADIUS} frames before the frame on screen to about
 * {@value #AHEAD_SECONDS} s of playback ahead of it (at least {@value #MIN_AHEAD} frames, at most
 * {@value #MAX_AHEAD}), frames already in the ring skipped, then waits for the picture to move on. When the frame
 * on screen overtakes the decoder (the clip decodes slower than it plays: 1080p at 4×, or a busy machine),
 * chasing it is pointless: decoding jumps ahead (at first {@value #LEAD_SECONDS} s of playback; after each jump,
 * twice as far as the picture moved while the decoder reached the jump's first frame, so a slow decoder that
 * must seek to get there jumps far enough to be ahead when it arrives), frames before the jump are given up, and
 * the picture is identified again from when it reaches the decoded frames. {@link #start} (play, seek) decodes
 * from the new frame at once.
 *
 * <p>It must not take the CPU libVLC needs: the thread (and the decoder threads FFmpeg starts from it) runs at
 * a lower scheduling priority (nice {@value #NICE} on Linux, best effort), so on a busy machine it falls behind
 * rather than making libVLC drop pictures; and when, since playing started or the rate changed, the picture
 * overtook it {@value #GIVE_UP_JUMPS} times and over {@value #JUDGE_SECONDS} s of decoding it decoded fewer frames
 * per second than playback shows (it cannot keep up at this rate here, e.g. 1080p at 4× on two cores), it stops
 * decoding for 2 s, then tries again (waiting twice as long after each failure, up to 30 s; playing again or a
 * new rate starts afresh): meanwhile the readout says the numbers are estimates.
 *
 * <p>Pixels are decoded as BGR24 (the same RGB values as BGRA, measured, without the alpha pass; about a quarter
 * less work at 1080p).
 *
 * <p>{@link #stop} (pause) lets the thread finish the frame it is decoding, close the decoder (its native
 * memory goes) and wait; {@link #close} ends the thread. The exact decoder used for paused and stepped frames is
 * a different one, so stepping never waits for this.
 */
public final class SignatureAhead implements AutoCloseable {
    /** Signatures kept (about 7 MB). */
    public static final int RING = 1024;
    static final double AHEAD_SECONDS = 1.5;
    static final int MIN_AHEAD = 2 * FrameMatcher.RADIUS + 4;
    static final int MAX_AHEAD = 256;
    static final double LEAD_SECONDS = 0.5;
    /** The furthest a jump goes past the frame on screen (the ring must still hold what is behind it). */
    static final int MAX_LEAD = RING - MAX_AHEAD - FrameMatcher.RADIUS - FrameMatcher.MAX_EXTEND - 8;
    private static final long IDLE_NANOS = 10_000_000;
    /** Seconds of decoding after which the decode rate is compared with the playback rate. */
    static final double JUDGE_SECONDS = 1.0;
    /** Times the picture must have overtaken the decoder before it may give up. */
    static final int GIVE_UP_JUMPS = 2;
    static final int NICE = 5;
    static final long RETRY_FIRST_NANOS = 2_000_000_000L;
    static final long RETRY_MAX_NANOS = 30_000_000_000L;

    /** Signatures of exact frames, one frame at a time, moving forward; one thread uses it. */
    public interface Decoder extends AutoCloseable {
        /** The signature of exactly frame {@code frame}. */
        PictureSignature signature(int frame);

        @Override
        void close();
    }

    private final Supplier<Decoder> opener;
    private final int frameCount;
    private final double fps;
    private final AtomicReferenceArray<PictureSignature> ring = new AtomicReferenceArray<>(RING);
    private final Object lock = new Object();
    private final Thread thread;

    private volatile int playhead;
    private volatile double rate = 1;
    private volatile String failure;
    private volatile long decoded;
    private volatile boolean gaveUp;
    // guarded by lock
    private boolean active;
    private boolean restart;
    private boolean closed;
    private boolean running;

    /**
     * @param opener opens a decoder (on the decode-ahead thread, when playing starts)
     * @param frameCount frames in the clip
     * @param fps frames per second of the clip (for how far ahead to decode)
     */
    public SignatureAhead(Supplier<Decoder> opener, int frameCount, double fps, String name) {
        this.opener = opener;
        this.frameCount = frameCount;
        this.fps = fps > 0 ? fps : 25;
        this.thread = new Thread(this::work, "chai-signature-ahead " + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A decode-ahead for a clip file with its frame index: its own {@link FrameDecoder}, BGRA at display size. */
    public static SignatureAhead forClip(Path file, FrameIndex index) {
        return new SignatureAhead(() -> new ClipDecoder(file, index), index.frameCount(), index.frameRate().fps(),
                file.getFileName().toString());
    }

    /** The signature of {@code frame} when it has been decoded and is still kept; else null. Never blocks. */
    public PictureSignature get(int frame) {
        if (frame < 0) {
            return null;
        }
        PictureSignature s = ring.get(frame % RING);
        return s != null && s.frame() == frame ? s : null;
    }

    /** Playing starts (or jumps) at {@code frame} at {@code rate}: decode from there now. */
    public void start(int frame, double rate) {
        this.rate = rate;
        this.playhead = frame;
        synchronized (lock) {
            active = true;
            restart = true;
            lock.notifyAll();
        }
        LockSupport.unpark(thread);
    }

    /** The frame on screen moved to {@code frame} (called for every picture; cheap). */
    public void moveTo(int frame) {
        playhead = frame;
    }

    /** The playback rate changed. */
    public void setRate(double r) {
        rate = r;
        synchronized (lock) {
            restart = true; // re-arm after giving up; decode on from the frame on screen
        }
        LockSupport.unpark(thread);
    }

    /** Whether decoding ahead has paused because it could not keep up (it tries again later; see above). */
    public boolean gaveUp() {
        return gaveUp;
    }

    /** Playing stopped: decoding stops and the decoder is closed (signatures are kept). */
    public void stop() {
        synchronized (lock) {
            active = false;
            lock.notifyAll();
        }
        LockSupport.unpark(thread);
    }

    /** Whether the thread is decoding (or about to): false once a {@link #stop} took effect. */
    public boolean running() {
        synchronized (lock) {
            return running;
        }
    }

    /** Waits (up to {@code millis}) until the thread has stopped decoding and closed its decoder. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        synchronized (lock) {
            while (running) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            return true;
        }
    }

    /** Frames decoded so far (for tests and measurements). */
    public long decoded() {
        return decoded;
    }

    /** Why decoding ahead gave up (the decoder failed); empty while it works. Matching then says "estimated". */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Ends the thread (after the frame it is decoding) and releases its decoder. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            active = false;
            lock.notifyAll();
        }
        LockSupport.unpark(thread);
    }

    // worker thread only
    private int last = -1; // the frame decoded last (-1: none since the last start)
    private int floor; // frames before this were given up by a jump
    private int lead; // how far the next jump goes (0: not learned yet)
    private int jumpTarget = -1; // the first frame of the jump in progress
    private int jumpFrom; // the frame on screen when it began
    private long busyNanos; // time spent decoding since the last start, rate change or retry
    private long busyFrames; // frames decoded in that time (a jump's first frame, which may cost a seek, counts one)
    private int jumps; // times the picture overtook the decoder since then
    private long retryAt; // after giving up: when to try again
    private long retryNanos = RETRY_FIRST_NANOS; // how long the next give-up waits

    private void work() {
        Decoder decoder = null;
        lowerPriority();
        try {
            while (true) {
                boolean fresh;
                synchronized (lock) {
                    while (!closed && !active) {
                        if (decoder != null) {
                            Decoder d = decoder;
                            decoder = null;
                            d.close();
                        }
                        running = false;
                        lock.notifyAll();
                        lock.wait();
                    }
                    if (closed) {
                        return;
                    }
                    running = true;
                    fresh = restart;
                    restart = false;
                }
                if (fresh) {
                    retryNanos = RETRY_FIRST_NANOS;
                }
                if (fresh || (gaveUp && System.nanoTime() >= retryAt)) {
                    last = -1;
                    floor = 0;
                    jumpTarget = -1;
                    busyNanos = 0;
                    busyFrames = 0;
                    jumps = 0;
                    gaveUp = false;
                }
                int next = gaveUp ? -1 : next();
                if (next < 0) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    continue;
                }
                if (decoder == null) {
                    decoder = opener.get();
                }
                long t0 = System.nanoTime();
                PictureSignature s = decoder.signature(next);
                long t1 = System.nanoTime();
                busyNanos += t1 - t0;
                busyFrames++;
                if (jumps >= GIVE_UP_JUMPS && busyNanos >= JUDGE_SECONDS * 1e9
                        && busyFrames * 1e9 / busyNanos < Math.max(0.1, rate) * fps) {
                    // slower than playback: leave the CPU to libVLC, and try again later (the machine may have
                    // been busy), waiting twice as long each time up to half a minute
                    gaveUp = true;
                    retryAt = t1 + retryNanos;
                    retryNanos = Math.min(RETRY_MAX_NANOS, 2 * retryNanos);
                }
                ring.set(next % RING, s);
                decoded++;
                last = next;
                if (next == jumpTarget) {
                    // learn how far to jump: twice as far as the picture moved while getting here
                    int moved = Math.max(0, playhead - jumpFrom);
                    lead = Math.min(MAX_LEAD, Math.max(minLead(), 2 * moved + FrameMatcher.RADIUS + 1));
                    jumpTarget = -1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            failure = VlcLibrary.oneLine(e);
        } finally {
            if (decoder != null) {
                decoder.close();
            }
            synchronized (lock) {
                running = false;
                lock.notifyAll();
            }
        }
    }

    /** The next frame to decode, or -1 when everything wanted is there. */
    private int next() {
        int p = Math.max(0, Math.min(frameCount - 1, playhead));
        double r = Math.max(0.1, rate);
        int ahead = (int) Math.max(MIN_AHEAD, Math.min(MAX_AHEAD, Math.ceil(r * fps * AHEAD_SECONDS)));
        int from = Math.max(floor, Math.max(0, p - FrameMatcher.RADIUS));
        int to = Math.min(frameCount - 1, Math.max(p, floor) + ahead);
        int next = firstMissing(from, to);
        if (next >= 0 && last >= 0 && next > last + 1 && next <= p + FrameMatcher.RADIUS) {
            // the picture overtook the decoder: wait for it further ahead instead of chasing it
            jumps++;
            int jump = Math.min(frameCount - 1, p + Math.max(lead, minLead()));
            floor = jump;
            jumpTarget = jump;
            jumpFrom = p;
            next = firstMissing(jump, Math.min(frameCount - 1, jump + ahead));
        }
        return next;
    }

    /**
     * Lowers this thread's scheduling priority (threads it starts inherit it): nice on Linux through the C
     * library, Java's minimum priority elsewhere. Best effort: where it cannot, decoding runs at normal priority.
     */
    private static void lowerPriority() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!com.sun.jna.Platform.isLinux()) {
            return;
        }
        try {
            com.sun.jna.NativeLibrary c = com.sun.jna.NativeLibrary.getInstance("c");
            int tid = c.getFunction("gettid").invokeInt(new Object[0]);
            c.getFunction("setpriority").invokeInt(new Object[] {0, tid, NICE}); // PRIO_PROCESS on a thread id
        } catch (RuntimeException | LinkageError e) {
            // no gettid (glibc before 2.30) or no JNA: normal priority
        }
    }

    private int minLead() {
        return (int) Math.max(FrameMatcher.RADIUS + 1, Math.ceil(Math.max(0.1, rate) * fps * LEAD_SECONDS));
    }

    private int firstMissing(int from, int to) {
        for (int f = from; f <= to; f++) {
            if (get(f) == null) {
                return f;
            }
        }
        return -1;
    }

    /** Signatures from a second exact decoder of the clip, BGR24 at the size the player shows. */
    private static final class ClipDecoder implements Decoder {
        private final FrameDecoder decoder;

        ClipDecoder(Path file, FrameIndex index) {
            // a small cache: this decoder only moves forward
            this.decoder = new FrameDecoder(file, index, 32L << 20);
        }

        @Override
        public PictureSignature signature(int frame) {
            VideoFrame f = decoder.frame(frame, PixelLayout.BGR24, MediaFrameSource.MAX_DISPLAY_PIXELS);
            if (f.index() != frame) {
                throw new IllegalStateException("decoder returned frame " + f.index() + " for " + frame);
            }
            return PictureSignature.ofBgr(frame, f.pixels(), f.width(), f.height());
        }

        @Override
        public void close() {
            decoder.close();
        }
    }
}
