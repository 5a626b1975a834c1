// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.FrameSource;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.player.viewmodel.StreamPlayback;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Plays one clip through libVLC (vlcj) into a {@link VideoSink}: our own {@link CallbackVideoSurface} asks for
 * BGRA ("RV32") at the clip's real picture size (the exact decoder's size when set, else the size libVLC
 * reports), and each picture libVLC displays is copied into a buffer the sink owns for as long as it likes.
 *
 * <p>Which frame is on screen is identified from the picture itself. A {@link SignatureAhead} decodes the clip's
 * exact frames ahead of playback on its own thread (its own exact decoder) and keeps a {@link PictureSignature}
 * of each; when libVLC displays a picture, its signature is taken (about 2,300 pixel reads) and
 * {@link FrameMatcher} compares it with the frames around the clock's estimate (a few microseconds each, on
 * libVLC's display thread, never waiting for the decoder). The frame it identifies is reported as exact
 * ({@link #onScreen()}). The clock's estimate is: libVLC's last reported playback time, advanced by the
 * wall-clock time since at the current rate, mapped to a frame through the clip's frame index
 * ({@link FrameSource#frameAt}), plus one frame (the clock at display time runs about one frame behind the
 * picture); usually right, sometimes off by a frame or more after dropped frames. Where the picture cannot be
 * identified (the decode-ahead has not reached those frames, e.g. 1080p at 4×; the picture matches none of
 * them, e.g. still from before a seek; the source is not a clip file) the estimate is reported as not exact, and
 * the player's readout marks it so. {@link #stop()} hands over the last picture's signature so the view model can
 * identify the paused frame among the exact decoder's frames when it was not identified already.
 *
 * <p>Every {@link #play} starts the media afresh at the frame's time ({@code :start-time}); libVLC's paused
 * seeks are not used (see stack notes: they land 1–4 frames early and can stop delivering pictures).
 */
public final class VlcStream implements StreamPlayback {
    private final EmbeddedMediaPlayer player;
    private final FrameSource source;
    private final String mrl;
    private final VideoSink sink;
    private final Object pictureLock = new Object();

    private volatile int wantWidth;
    private volatile int wantHeight;
    private volatile double rate = 1.0;
    private volatile double anchorMillis;
    private volatile long anchorNanos;
    private volatile boolean clockKnown;
    private static final OnScreen NONE = new OnScreen(-1, false);
    private final SignatureAhead ahead;
    private volatile OnScreen shown = NONE;
    // display thread only (reset by play and seek through the volatile flag)
    private volatile boolean forgetLastExact;
    private int lastExact = -1;
    private long lastExactNanos;
    private volatile boolean finished;
    private volatile String failure;
    private volatile boolean released;

    // guarded by pictureLock
    private ByteBuffer picture;
    private int pictureWidth;
    private int pictureHeight;
    private PictureSignature pictureSignature;

    /**
     * A stream whose pictures are identified through a decode-ahead of the clip's exact frames when
     * {@code source} is a clip file ({@link MediaFrameSource}); otherwise the frame on screen is the clock's
     * estimate.
     *
     * @param factory a loaded libVLC ({@link VlcLibrary#load})
     * @param source the clip's exact frames (for the frame index and times)
     * @param file the clip's file
     */
    public VlcStream(MediaPlayerFactory factory, FrameSource source, Path file, VideoSink sink) {
        this(factory, source, file, sink, source instanceof MediaFrameSource m
                ? SignatureAhead.forClip(file, m.index()) : null);
    }

    /**
     * @param ahead the decode-ahead that identifies pictures (closed with this stream); null: the frame on screen
     *     is always the clock's estimate
     */
    public VlcStream(MediaPlayerFactory factory, FrameSource source, Path file, VideoSink sink,
            SignatureAhead ahead) {
        this.ahead = ahead;
        this.source = source;
        this.mrl = file.toAbsolutePath().toString();
        this.sink = sink;
        try {
            this.player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        } catch (RuntimeException | LinkageError e) {
            if (ahead != null) {
                ahead.close();
            }
            throw e;
        }
        CallbackVideoSurface surface = factory.videoSurfaces().newVideoSurface(new Format(), new Render(), true);
        player.videoSurface().set(surface);
        player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
            @Override
            public void timeChanged(MediaPlayer mp, long newTime) {
                anchorMillis = newTime;
                anchorNanos = System.nanoTime();
                clockKnown = true;
            }

            @Override
            public void finished(MediaPlayer mp) {
                finished = true;
            }

            @Override
            public void error(MediaPlayer mp) {
                failure = "libVLC reported an error playing " + file.getFileName();
            }
        });
    }

    /**
     * The size pictures should have: the exact decoder's picture size, so that libVLC's pictures compare pixel
     * for pixel with exact frames (0 × 0: libVLC's own size). Takes effect at the next {@link #play}.
     */
    public void setPictureSize(int width, int height) {
        wantWidth = width;
        wantHeight = height;
    }

    @Override
    public String name() {
        return "libVLC";
    }

    @Override
    public void play(int frame, double r) {
        checkOpen();
        int f = Math.max(0, Math.min(source.frameCount() - 1, frame));
        rate = r;
        finished = false;
        failure = null;
        shown = NONE;
        forgetLastExact = true;
        synchronized (pictureLock) {
            pictureSignature = null;
        }
        if (ahead != null) {
            ahead.start(f, r);
        }
        double startSeconds = source.seconds(f);
        anchorMillis = startSeconds * 1000;
        anchorNanos = System.nanoTime();
        clockKnown = false;
        boolean ok = player.media().play(mrl, String.format(Locale.ROOT, ":start-time=%.6f", startSeconds),
                String.format(Locale.ROOT, ":rate=%.4f", r));
        if (!ok) {
            failure = "libVLC cannot open " + Path.of(mrl).getFileName();
            return;
        }
        player.controls().setRate((float) r);
    }

    @Override
    public void setRate(double r) {
        checkOpen();
        anchorMillis = clockMillis(System.nanoTime());
        anchorNanos = System.nanoTime();
        rate = r;
        if (ahead != null) {
            ahead.setRate(r);
        }
        player.controls().setRate((float) r);
    }

    @Override
    public void seek(int frame) {
        checkOpen();
        int f = Math.max(0, Math.min(source.frameCount() - 1, frame));
        double ms = source.seconds(f) * 1000;
        anchorMillis = ms;
        anchorNanos = System.nanoTime();
        finished = false;
        // until libVLC displays a picture from the new time, say the target is on screen (so a loop jump is
        // not repeated while older pictures drain); it is not what is shown yet
        shown = new OnScreen(f, false);
        forgetLastExact = true;
        if (ahead != null) {
            ahead.start(f, rate);
        }
        player.controls().setTime(Math.round(ms));
    }

    @Override
    public int frameOnScreen() {
        return shown.frame();
    }

    @Override
    public OnScreen onScreen() {
        return shown;
    }

    /** The decode-ahead identifying pictures, if any. */
    public Optional<SignatureAhead> signatureAhead() {
        return Optional.ofNullable(ahead);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public Stop stop() {
        OnScreen now = shown;
        PictureMatch distance = null;
        synchronized (pictureLock) {
            if (pictureSignature != null) {
                distance = new PictureMatch(pictureSignature);
            }
        }
        if (ahead != null) {
            ahead.stop();
        }
        if (!released) {
            player.controls().setPause(true);
        }
        if (now.frame() < 0) {
            return new Stop(Math.max(0, frameAtMillis(anchorMillis)), false, distance);
        }
        return new Stop(now.frame(), now.exact() && distance != null, distance);
    }

    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        if (ahead != null) {
            ahead.close();
        }
        player.controls().stop();
        player.release();
    }

    /** libVLC's playback time now, in milliseconds from the first frame (its last report advanced at the rate). */
    private double clockMillis(long now) {
        return anchorMillis + (now - anchorNanos) / 1e6 * rate;
    }

    private int frameAtMillis(double ms) {
        return source.frameAt(ms / 1000.0);
    }

    private void checkOpen() {
        if (released) {
            throw new IllegalStateException("libVLC player already released");
        }
    }

    /** Asks libVLC for BGRA at the real picture size. */
    private final class Format implements BufferFormatCallback {
        @Override
        public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
            int w = wantWidth > 0 ? wantWidth : sourceWidth;
            int h = wantHeight > 0 ? wantHeight : sourceHeight;
            synchronized (pictureLock) {
                if (picture == null || pictureWidth != w || pictureHeight != h) {
                    picture = ByteBuffer.allocateDirect(4 * w * h);
                    pictureWidth = w;
                    pictureHeight = h;
                    sink.format(picture, w, h);
                }
            }
            return new RV32BufferFormat(w, h);
        }

        @Override
        public void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
        }

        @Override
        public void allocatedBuffers(ByteBuffer[] buffers) {
        }
    }

    /** Copies each displayed picture (opaque) and identifies its frame (or notes the clock's estimate). */
    private final class Render implements RenderCallback {
        @Override
        public void lock(MediaPlayer mp) {
        }

        @Override
        public void display(MediaPlayer mp, ByteBuffer[] nativeBuffers, BufferFormat format, int displayWidth,
                int displayHeight) {
            long now = System.nanoTime();
            PictureSignature signature;
            synchronized (pictureLock) {
                if (picture == null || format.getWidth() != pictureWidth || format.getHeight() != pictureHeight) {
                    return;
                }
                ByteBuffer src = nativeBuffers[0].duplicate();
                src.rewind();
                src.limit(Math.min(src.capacity(), picture.capacity()));
                ByteBuffer dst = picture.duplicate();
                dst.rewind();
                dst.put(src);
                // RV32 leaves the fourth byte undefined: make every pixel opaque for BGRA_PRE
                for (int o = 3, n = picture.capacity(); o < n; o += 4) {
                    picture.put(o, (byte) 0xFF);
                }
                signature = PictureSignature.ofBgra(-1, picture, pictureWidth, pictureHeight);
                pictureSignature = signature;
            }
            double frameMs = 1000.0 / source.timing().fps();
            double ms = clockKnown ? clockMillis(now) : anchorMillis;
            // measured (VlcStreamTest): the clock at display time is about one frame behind the picture
            int estimate = frameAtMillis(ms + frameMs);
            if (ahead == null) {
                shown = new OnScreen(estimate, false);
            } else {
                if (forgetLastExact) {
                    forgetLastExact = false;
                    lastExact = -1;
                }
                // further guesses where the picture may be: before libVLC reports its clock, the wall clock since
                // play; after a picture was identified, that frame advanced at the rate (dropped frames, a clock
                // report that lags)
                int wall = frameAtMillis(clockMillis(now) + frameMs);
                int fromLast = lastExact < 0 ? estimate
                        : lastExact + (int) Math.round((now - lastExactNanos) / 1e9 * rate * source.timing().fps());
                FrameMatcher.Match m = FrameMatcher.match(new PictureMatch(signature),
                        new int[] {estimate, fromLast, wall}, source.frameCount(), ahead::get);
                if (m.exact()) {
                    lastExact = m.frame();
                    lastExactNanos = now;
                }
                shown = new OnScreen(m.frame(), m.exact());
                // decode ahead of where the picture is (before libVLC's first clock report, the wall clock's guess)
                ahead.moveTo(m.exact() || clockKnown ? m.frame() : Math.max(m.frame(), wall));
            }
            sink.picture();
        }

        @Override
        public void unlock(MediaPlayer mp) {
        }
    }
}
