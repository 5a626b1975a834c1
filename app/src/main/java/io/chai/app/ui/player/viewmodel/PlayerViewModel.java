// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player.viewmodel;

import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.FrameSource;
import io.chai.app.ui.frames.FrameTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The player's state without any scene graph: the requested position, the frame on screen, play/shuttle
 * speed, loop in/out points. The frame on screen is a {@link FramePicture} (number and pixels in one object),
 * and every text shown (frame number, timecode, seconds) derives from it, so number and picture always agree.
 *
 * <p>Playback is driven by {@link #tick(long)} with a monotonic clock in nanoseconds (an AnimationTimer in the
 * view); every frame shown, paused or playing, is requested from the exact decoder through the
 * {@code requestFrame} callback and arrives through {@link #frameDecoded(FramePicture)}.
 */
public final class PlayerViewModel {
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 4.0;
    public static final int BIG_STEP = 10;

    private final FrameSource source;
    private final FrameTiming timing;
    private final IntConsumer requestFrame;

    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<FramePicture> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty baseSpeed = new SimpleDoubleProperty(1.0);
    private final ReadOnlyIntegerWrapper loopIn = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper loopOut = new ReadOnlyIntegerWrapper(-1);

    private long anchorNanos = -1;
    private int anchorFrame;

    /**
     * @param requestFrame called with each frame index that should be decoded and shown (the app passes a
     *     {@code FrameLoader}); the decoded frame comes back through {@link #frameDecoded}.
     */
    public PlayerViewModel(FrameSource source, IntConsumer requestFrame) {
        this.source = source;
        this.timing = source.timing();
        this.requestFrame = requestFrame;
        baseSpeed.addListener((obs, o, n) -> {
            double clamped = clampSpeed(n.doubleValue());
            if (clamped != n.doubleValue()) {
                baseSpeed.set(clamped);
                return;
            }
            if (playing.get() && speed.get() > 0) {
                setSpeed(clamped);
            }
        });
    }

    /** Requests the first frame; call once after construction (the callback may then refer to this model). */
    public void start() {
        requestFrame.accept(position.get());
    }

    public FrameSource source() {
        return source;
    }

    public int frameCount() {
        return source.frameCount();
    }

    public FrameTiming timing() {
        return timing;
    }

    // ---- transport -------------------------------------------------------------------------------------

    /** Space: pause when playing, else play forward at the base speed. */
    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play(baseSpeed.get());
        }
    }

    /** Plays at {@code signedSpeed} frames-per-frame (negative = reverse), clamped to ±{@value #MAX_SPEED}. */
    public void play(double signedSpeed) {
        double s = Math.copySign(clampSpeed(Math.abs(signedSpeed)), signedSpeed);
        if (s > 0 && position.get() >= frameCount() - 1 && !loopActive()) {
            seek(0);
        }
        if (s < 0 && position.get() <= 0 && !loopActive()) {
            seek(frameCount() - 1);
        }
        playing.set(true);
        setSpeed(s);
    }

    /** K: pause on the current frame. */
    public void pause() {
        playing.set(false);
        speed.set(0);
        anchorNanos = -1;
    }

    /** L: play forward; pressed again while playing forward, doubles the speed up to {@value #MAX_SPEED}x. */
    public void shuttleForward() {
        if (!playing.get() || speed.get() <= 0) {
            play(1.0);
        } else {
            play(Math.min(MAX_SPEED, speed.get() * 2));
        }
    }

    /** J: play in reverse; pressed again while reversing, doubles the reverse speed. */
    public void shuttleBackward() {
        if (!playing.get() || speed.get() >= 0) {
            play(-1.0);
        } else {
            play(-Math.min(MAX_SPEED, -speed.get() * 2));
        }
    }

    /** Left/Right (±1) and Shift+Left/Right (±{@value #BIG_STEP}): pauses and steps, clamped to the clip. */
    public void step(int delta) {
        pause();
        seek(position.get() + delta);
    }

    public void home() {
        pause();
        seek(0);
    }

    public void end() {
        pause();
        seek(frameCount() - 1);
    }

    /** Moves to {@code frame} (clamped) without changing play state. */
    public void seek(int frame) {
        int f = Math.max(0, Math.min(frameCount() - 1, frame));
        anchorNanos = -1;
        if (f != position.get()) {
            position.set(f);
        }
        if (shown.get() == null || shown.get().index() != f) {
            requestFrame.accept(f);
        }
    }

    /**
     * Go to a typed position: frame number, timecode or seconds (see {@link FrameTiming#parsePosition}).
     * Returns a one-line problem when the text is not a position or lies outside the clip.
     */
    public Optional<String> goTo(String text) {
        OptionalInt f = source.parsePosition(text);
        if (f.isEmpty()) {
            return Optional.of("'" + text + "' is not a frame number, timecode (HH:MM:SS:FF) or seconds (5.2s)");
        }
        if (f.getAsInt() >= frameCount()) {
            return Optional.of("'" + text + "' is past the last frame (" + (frameCount() - 1) + ", "
                    + source.timecode(frameCount() - 1) + ")");
        }
        pause();
        seek(f.getAsInt());
        return Optional.empty();
    }

    // ---- loop ------------------------------------------------------------------------------------------

    /** I: loop in at the current frame (an out point before it is cleared). */
    public void markIn() {
        loopIn.set(position.get());
        if (loopOut.get() >= 0 && loopOut.get() < loopIn.get()) {
            loopOut.set(-1);
        }
    }

    /** O: loop out at the current frame (an in point after it is cleared). */
    public void markOut() {
        loopOut.set(position.get());
        if (loopIn.get() > loopOut.get()) {
            loopIn.set(-1);
        }
    }

    public void clearLoop() {
        loopIn.set(-1);
        loopOut.set(-1);
    }

    /** Whether playback loops: both points set. */
    public boolean loopActive() {
        return loopIn.get() >= 0 && loopOut.get() >= 0;
    }

    // ---- clock -----------------------------------------------------------------------------------------

    /** Advances playback to the monotonic time {@code nowNanos}; does nothing while paused. */
    public void tick(long nowNanos) {
        if (!playing.get()) {
            return;
        }
        if (anchorNanos < 0) {
            anchorNanos = nowNanos;
            anchorFrame = position.get();
            return;
        }
        double elapsed = (nowNanos - anchorNanos) / 1e9;
        long advance = (long) Math.floor(elapsed * timing.fps() * Math.abs(speed.get()) + 1e-9);
        long target = speed.get() > 0 ? anchorFrame + advance : anchorFrame - advance;
        if (loopActive()) {
            int in = loopIn.get();
            int out = loopOut.get();
            int len = out - in + 1;
            if (target > out || target < in) {
                long rel = Math.floorMod(target - in, (long) len);
                target = in + rel;
                // re-anchor so the clock does not grow without bound
                anchorNanos = nowNanos;
                anchorFrame = (int) target;
            }
        } else if (speed.get() > 0 && target >= frameCount() - 1) {
            target = frameCount() - 1;
            pause();
        } else if (speed.get() < 0 && target <= 0) {
            target = 0;
            pause();
        }
        int f = (int) target;
        if (f != position.get()) {
            position.set(f);
            requestFrame.accept(f);
        } else if (!playing.get() && (shown.get() == null || shown.get().index() != f)) {
            requestFrame.accept(f);
        }
    }

    /** A decoded frame arrived: it becomes the frame on screen. */
    public void frameDecoded(FramePicture p) {
        shown.set(p);
    }

    // ---- filmstrip -------------------------------------------------------------------------------------

    /** {@code n} frame indices spread evenly over the clip (the centres of n equal parts), for the filmstrip. */
    public List<Integer> filmstripIndices(int n) {
        List<Integer> out = new ArrayList<>();
        int count = frameCount();
        int k = Math.max(1, Math.min(n, count));
        for (int i = 0; i < k; i++) {
            out.add((int) Math.min(count - 1, Math.floor((i + 0.5) * count / k)));
        }
        return out;
    }

    /** Where the current position lies in the clip, 0..1 (for the filmstrip marker). */
    public double fraction(int frame) {
        return frameCount() <= 1 ? 0 : (double) frame / (frameCount() - 1);
    }

    // ---- properties ------------------------------------------------------------------------------------

    /** The requested position (may run ahead of the shown frame while the decoder catches up). */
    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** The frame on screen (number and pixels). Null until the first frame is decoded. */
    public ReadOnlyObjectProperty<FramePicture> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The speed Space plays at, {@value #MIN_SPEED}x to {@value #MAX_SPEED}x. */
    public DoubleProperty baseSpeedProperty() {
        return baseSpeed;
    }

    public ReadOnlyIntegerProperty loopInProperty() {
        return loopIn.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty loopOutProperty() {
        return loopOut.getReadOnlyProperty();
    }

    /** "Frame 120 / 1199" of the frame on screen. */
    public StringBinding frameText() {
        return Bindings.createStringBinding(() -> shown.get() == null ? "Frame – / " + (frameCount() - 1)
                : "Frame " + shown.get().index() + " / " + (frameCount() - 1), shown);
    }

    /** SMPTE timecode of the frame on screen. */
    public StringBinding timecodeText() {
        return Bindings.createStringBinding(() -> shown.get() == null ? "--:--:--:--"
                : source.timecode(shown.get().index()), shown);
    }

    /** Seconds of the frame on screen, e.g. "5.005 s". */
    public StringBinding secondsText() {
        return Bindings.createStringBinding(() -> shown.get() == null ? "– s"
                : String.format(Locale.ROOT, "%.3f s", source.seconds(shown.get().index())), shown);
    }

    /** "▶ 2×", "◀ 1×", "❚❚" for the transport state. */
    public StringBinding speedText() {
        return Bindings.createStringBinding(() -> {
            double s = speed.get();
            if (!playing.get() || s == 0) {
                return "Paused";
            }
            return (s > 0 ? "▶ " : "◀ ") + formatSpeed(Math.abs(s));
        }, speed, playing);
    }

    /** Loop in/out text, empty when no point is set. */
    public StringBinding loopText() {
        return Bindings.createStringBinding(() -> {
            if (loopIn.get() < 0 && loopOut.get() < 0) {
                return "";
            }
            return "Loop " + (loopIn.get() < 0 ? "–" : Integer.toString(loopIn.get())) + " → "
                    + (loopOut.get() < 0 ? "–" : Integer.toString(loopOut.get()));
        }, loopIn, loopOut);
    }

    public static String formatSpeed(double s) {
        return (s == Math.rint(s) ? Integer.toString((int) s) : String.format(Locale.ROOT, "%.2g", s)) + "×";
    }

    private void setSpeed(double s) {
        // re-anchor at the current position so a speed change does not jump
        anchorNanos = -1;
        speed.set(s);
    }

    private static double clampSpeed(double s) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, s));
    }
}
