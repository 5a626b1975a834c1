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

    /** The frame estimated to be on screen now; -1 before the first picture since the last {@link #play}. */
    int frameOnScreen();

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
     * What was on screen when playback stopped.
     *
     * @param estimate the frame the player's clock says was on screen
     * @param distance distance of a decoded frame's picture from the picture that was on screen; null when no
     *     picture was shown
     */
    record Stop(int estimate, ToLongFunction<FramePicture> distance) {
    }
}
