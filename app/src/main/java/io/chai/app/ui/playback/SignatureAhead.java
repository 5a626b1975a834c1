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
 * on screen overtakes the decoder (the clip decodes slower than it plays, e.g. 1080p at 4×), chasing it is
 * pointless: decoding jumps {@value #LEAD_SECONDS} s of playback ahead and waits there for the picture, which is
 * identified again once it arrives. {@link #start} (play, seek) decodes from the new frame at once.
 *
 * <p>{@link #stop} (pause) lets the thread finish the frame it is decoding, close the decoder (its native
 * memory goes) and wait; {@link #close} ends the thread. The exact decoder used for paused and stepped frames is
 * a different one, so stepping never waits for this.
 */
public final class SignatureAhead implements AutoCloseable {
    /** Signatures kept (about 1.8 MB). */
    public static final int RING = 256;
    static final double AHEAD_SECONDS = 1.5;
    static final int MIN_AHEAD = 2 * FrameMatcher.RADIUS + 4;
    static final int MAX_AHEAD = RING - FrameMatcher.RADIUS - FrameMatcher.MAX_EXTEND - 8;
    static final double LEAD_SECONDS = 0.5;
    private static final long IDLE_NANOS = 10_000_000;

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

    private void work() {
        Decoder decoder = null;
        int last = -1;
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
                    last = -1;
                }
                int next = next(last);
                if (next < 0) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    continue;
                }
                if (decoder == null) {
                    decoder = opener.get();
                }
                PictureSignature s = decoder.signature(next);
                ring.set(next % RING, s);
                decoded++;
                last = next;
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
    private int next(int last) {
        int p = Math.max(0, Math.min(frameCount - 1, playhead));
        double r = Math.max(0.1, rate);
        int ahead = (int) Math.max(MIN_AHEAD, Math.min(MAX_AHEAD, Math.ceil(r * fps * AHEAD_SECONDS)));
        int to = Math.min(frameCount - 1, p + ahead);
        int next = firstMissing(Math.max(0, p - FrameMatcher.RADIUS), to);
        if (next >= 0 && last >= 0 && next > last + 1 && next <= p + FrameMatcher.RADIUS) {
            // the picture overtook the decoder: wait for it further ahead instead of chasing it
            int lead = (int) Math.ceil(r * fps * LEAD_SECONDS);
            next = firstMissing(Math.min(frameCount - 1, p + Math.max(lead, FrameMatcher.RADIUS + 1)), to);
        }
        return next;
    }

    private int firstMissing(int from, int to) {
        for (int f = from; f <= to; f++) {
            if (get(f) == null) {
                return f;
            }
        }
        return -1;
    }

    /** Signatures from a second exact decoder of the clip, BGRA at the size the player shows. */
    private static final class ClipDecoder implements Decoder {
        private final FrameDecoder decoder;

        ClipDecoder(Path file, FrameIndex index) {
            // a small cache: this decoder only moves forward
            this.decoder = new FrameDecoder(file, index, 32L << 20);
        }

        @Override
        public PictureSignature signature(int frame) {
            VideoFrame f = decoder.frame(frame, PixelLayout.BGRA, MediaFrameSource.MAX_DISPLAY_PIXELS);
            if (f.index() != frame) {
                throw new IllegalStateException("decoder returned frame " + f.index() + " for " + frame);
            }
            return PictureSignature.ofBgra(frame, f.pixels(), f.width(), f.height());
        }

        @Override
        public void close() {
            decoder.close();
        }
    }
}
