// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player.viewmodel;

import io.chai.app.ui.frames.FramePicture;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A real-time player (libVLC in the app) that plays a clip forward, with audio, while {@link PlayerViewModel}
 * is playing. It only ever plays: paused and stepped frames come from the exact decoder. Its picture goes to the
 * view by its own path; the view model only asks which frame is on screen. Methods are called on one thread
 * (the JavaFX thread in the app); implementations must not block it for long.
 */
public interface StreamPlayback extends AutoCloseable {
    /** Short name for the player's notice, e.g. "libVLC". */
    String name();

    /** Starts (or restarts) playing forward from {@code frame} at {@code rate} (0.1–4, 1 = real time). */
    void play(int frame, double rate);

    /** Changes the rate while playing. */
    void setRate(double rate);

    /** Jumps to {@code frame} while playing (loop playback). */
    void seek(int frame);

    /** The frame on screen now; -1 before the first picture since the last {@link #play}. */
    int frameOnScreen();

    /**
     * The frame on screen now and whether it was identified from the picture itself (exact) or is the clock's
     * estimate; both from the same picture. The default says "estimate".
     */
    default OnScreen onScreen() {
        return new OnScreen(frameOnScreen(), false);
    }

    /** Whether playback reached the end of the clip since the last {@link #play}. */
    boolean finished();

    /** A one-line reason when playback failed since the last {@link #play} (file not playable, decoder error). */
    Optional<String> failure();

    /**
     * Stops playing (audio stops too) and says what was on screen: the estimated frame and, when a picture was
     * shown, a distance from that picture to a decoded frame (0 = identical) to identify the exact frame.
     */
    Stop stop();

    /** Releases the player. */
    @Override
    void close();

    /**
     * The frame on screen.
     *
     * @param frame the frame (-1 before the first picture)
     * @param exact true when the picture was identified among the exact decoder's frames; false when
     *     {@code frame} is the player's clock's estimate (the readout then says so)
     */
    record OnScreen(int frame, boolean exact) {
    }

    /**
     * What was on screen when playback stopped.
     *
     * @param estimate the frame on screen: identified from the picture when {@code exact}, else the player's
     *     clock's estimate
     * @param exact whether {@code estimate} was identified from the picture (no need to resolve it again)
     * @param distance distance of a decoded frame's picture from the picture that was on screen (0 = identical);
     *     null when no picture was shown
     */
    record Stop(int estimate, boolean exact, ToLongFunction<FramePicture> distance) {
        /** A stop whose frame is the clock's estimate. */
        public Stop(int estimate, ToLongFunction<FramePicture> distance) {
            this(estimate, false, distance);
        }
    }
}
