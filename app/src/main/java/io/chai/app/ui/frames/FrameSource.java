// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

/**
 * Exact frames of one clip, addressed by frame index (0-based). {@link #frame(int)} must return exactly frame
 * {@code i} (never a neighbour), because the player shows its result under the number {@code i}. Implementations
 * may be slow (a seek per call) and are called from one background thread at a time.
 */
public interface FrameSource extends AutoCloseable {
    /** A short name for titles and task names (e.g. the clip's file name). */
    String name();

    /** Number of frames (frame indices are {@code 0 .. frameCount()-1}); at least 1. */
    int frameCount();

    /** The clip's timing: frame rate, timecode and seconds of a frame. */
    FrameTiming timing();

    /** Exactly frame {@code index}. */
    FramePicture frame(int index);

    /** SMPTE timecode of frame {@code index} (the clip's own timecode track where it has one). */
    default String timecode(int index) {
        return timing().timecode(index);
    }

    /** Presentation time of frame {@code index} in seconds from the first frame. */
    default double seconds(int index) {
        return timing().seconds(index);
    }

    /**
     * The frame a typed position names: a frame number, a timecode or seconds ({@code 5.2s}); empty when the text
     * is none of these or names no frame of this clip's timeline.
     */
    default java.util.OptionalInt parsePosition(String text) {
        return timing().parsePosition(text);
    }

    /**
     * A small picture of frame {@code index}, {@code width} pixels wide (the filmstrip's thumbnails). Blocking: call
     * it off the UI thread. Decodes holding this source's lock (as the frame loader does); sources of real files
     * keep the pictures in a cache, read without the lock, so that the next time costs a file read.
     */
    default FramePicture thumbnail(int index, int width) {
        synchronized (this) {
            return frame(index).scaledToWidth(width);
        }
    }

    /** The clip's file when it is a real file another player (libVLC) can open; empty for generated frames. */
    default java.util.Optional<java.nio.file.Path> file() {
        return java.util.Optional.empty();
    }

    /**
     * The frame on screen at {@code seconds} from the first frame: the last frame whose time is at most
     * {@code seconds} (0 before the first frame, the last frame after the end).
     */
    default int frameAt(double seconds) {
        int lo = 0;
        int hi = frameCount() - 1;
        if (seconds <= seconds(0)) {
            return 0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (seconds(mid) <= seconds + 1e-9) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    default void close() {
    }
}
