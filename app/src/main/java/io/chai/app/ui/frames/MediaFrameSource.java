// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import io.chai.media.CancellationToken;
import io.chai.media.FrameIndex;
import io.chai.media.IndexStore;
import io.chai.media.MediaException;
import io.chai.media.PixelLayout;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.media.VideoFrame;
import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real clip's exact frames through {@code io.chai.media}: frame {@code i} is the media module's frame-exact
 * decode of index {@code i} (verified against the clip's frame index), converted to ARGB for display;
 * timecodes and times come from the frame index (the clip's own start timecode, drop-frame where it applies,
 * exact presentation times for variable frame rate clips).
 */
public final class MediaFrameSource implements FrameSource {
    /** Frames are decoded at most this large for display (a 4K frame is scaled to about 1440p). */
    public static final long MAX_DISPLAY_PIXELS = 2560L * 1440L;
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*s");

    private final VideoClip clip;
    private final FrameIndex index;
    private final FrameTiming timing;
    private final String name;
    private final Path thumbnails;
    /** The last frame decoded (guarded by this source's lock, which every caller holds while decoding). */
    private FramePicture last;
    private int decodes;

    private MediaFrameSource(VideoClip clip, Path thumbnails) {
        this.clip = clip;
        this.thumbnails = thumbnails;
        this.index = clip.index();
        this.timing = new FrameTiming(index.frameRate());
        this.name = clip.path().getFileName().toString();
    }

    /**
     * Opens {@code file}, loading its frame index from {@code store} (or scanning and storing it; {@code store}
     * may be null). Throws {@link MediaException} (one line) for a missing, unreadable or video-less file.
     */
    public static MediaFrameSource open(Path file, IndexStore store, ProgressListener progress,
            CancellationToken cancel) {
        VideoClip clip = VideoClip.open(file, store, progress, cancel);
        if (clip.index().frameCount() < 1) {
            clip.close();
            throw new MediaException(MediaException.Kind.EMPTY, file + " has no video frames");
        }
        // thumbnails beside the frame-index cache (a project's cache/thumbnails/filmstrip)
        Path thumbs = store == null ? null : store.directory().resolveSibling("thumbnails").resolve("filmstrip");
        return new MediaFrameSource(clip, thumbs);
    }

    public FrameIndex index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int frameCount() {
        return index.frameCount();
    }

    @Override
    public FrameTiming timing() {
        return timing;
    }

    /**
     * Starts decoding frame {@code i} on a thread of its own (holding this source's lock), so that a window being
     * built meanwhile finds it decoded: {@link #frame} returns the last decoded frame again without decoding. A
     * failure is left for the real request to report. Completes when the decode has finished (or failed).
     */
    public java.util.concurrent.CompletableFuture<Void> prefetch(int i) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            synchronized (this) {
                try {
                    frame(i);
                } catch (RuntimeException e) {
                    // the window's own request decodes again and reports it
                } finally {
                    done.complete(null);
                }
            }
        }, "chai-prefetch");
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** How many frames this source has decoded (not counting those returned again); for tests. */
    int decodes() {
        return decodes;
    }

    @Override
    public FramePicture frame(int i) {
        FramePicture known = last;
        if (known != null && known.index() == i) {
            return known;
        }
        VideoFrame f = clip.decoder().frame(i, PixelLayout.BGRA, MAX_DISPLAY_PIXELS);
        if (f.index() != i) {
            throw new IllegalStateException("decoder returned frame " + f.index() + " for " + i);
        }
        byte[] b = f.pixels();
        int[] argb = new int[f.width() * f.height()];
        for (int p = 0, o = 0; p < argb.length; p++, o += 4) {
            argb[p] = 0xFF000000 | (b[o + 2] & 0xFF) << 16 | (b[o + 1] & 0xFF) << 8 | (b[o] & 0xFF);
        }
        decodes++;
        last = new FramePicture(i, f.width(), f.height(), argb);
        return last;
    }

    /**
     * As {@link FrameSource#thumbnail}, kept in {@code thumbnails/filmstrip} beside the frame-index cache (keyed by
     * the clip's fingerprint, so a changed file never shows old pictures). A cached picture is read without this
     * source's lock (stepping is not held up); a decode takes the lock, as the frame loader does.
     */
    @Override
    public FramePicture thumbnail(int i, int width) {
        if (thumbnails == null) {
            return FrameSource.super.thumbnail(i, width);
        }
        Path file = thumbnails.resolve(index.fingerprint().key() + "-" + i + "-" + width + ".png");
        java.util.Optional<FramePicture> cached = PictureFiles.read(file, i);
        if (cached.isPresent()) {
            return cached.get();
        }
        FramePicture p;
        synchronized (this) {
            p = frame(i).scaledToWidth(width);
        }
        PictureFiles.write(file, p);
        return p;
    }

    @Override
    public java.util.Optional<Path> file() {
        return java.util.Optional.of(clip.path());
    }

    @Override
    public String timecode(int i) {
        return index.timecode(i).toString();
    }

    @Override
    public double seconds(int i) {
        return index.time(i).toDouble();
    }

    @Override
    public OptionalInt parsePosition(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.indexOf(':') >= 0 || t.indexOf(';') >= 0) {
                return OptionalInt.of(index.indexOf(Timecode.parse(t, index.frameRate())));
            }
            Matcher m = SECONDS.matcher(t);
            if (m.matches()) {
                return OptionalInt.of(index.indexAt(Rational.parse(m.group(1))));
            }
        } catch (IllegalArgumentException | MediaException e) {
            return OptionalInt.empty();
        }
        return timing.parsePosition(t);
    }

    @Override
    public void close() {
        last = null;
        clip.close();
    }
}
