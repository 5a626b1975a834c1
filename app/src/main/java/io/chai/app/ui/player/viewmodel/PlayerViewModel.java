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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The player's state without any scene graph: the requested position, the frame on screen, play/shuttle
 * speed, loop in/out points. The frame on screen is a {@link FramePicture} (number and pixels in one object),
 * and every text shown (frame number, timecode, seconds) derives from it, so number and picture always agree.
 *
 * <p>Playback is driven by {@link #tick(long)} with a monotonic clock in nanoseconds (an AnimationTimer in the
 * view). Every frame shown while paused or stepping is requested from the exact decoder through the
 * {@code requestFrame} callback and arrives through {@link #frameDecoded(FramePicture)}. Without a
 * {@link StreamPlayback} (no libVLC), playing does the same frame by frame. With one, playing forward runs on
 * it (real-time decode with audio, {@link #streamOnScreenProperty()} true once its picture is up, the readout
 * showing the frame the stream identified its picture as, or its clock's estimate marked as such:
 * {@link #displayedExactProperty()} false, "≈" in {@link #frameText()}); on pause the exact frame it showed
 * (identified then if it was not already, among the exact decoder's frames around its estimate), with its number,
 * replaces the stream's picture. Reverse play always uses the exact decoder.
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

    private final ReadOnlyIntegerWrapper displayed = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper displayedExact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper streamOnScreen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper engine = new ReadOnlyStringWrapper("FFmpeg");
    private final ReadOnlyStringWrapper engineNotice = new ReadOnlyStringWrapper("");

    private long anchorNanos = -1;
    private int anchorFrame;
    private StreamPlayback stream;
    private boolean streaming;
    private boolean loopJumpPending;
    private Resolve resolve;
    private int pendingStep;

    /** Candidates tried around the stream's estimate when identifying the paused frame (estimate ± this). */
    public static final int RESOLVE_RADIUS = 4;
    /** Further frames tried past the edge of the first window when the estimate was off (see Resolve). */
    public static final int RESOLVE_EXTEND = 60;

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

    // ---- engines ---------------------------------------------------------------------------------------

    /**
     * Plays forward through {@code s} from now on (null: the exact decoder plays, as without libVLC). A stream
     * already in use is stopped and closed.
     */
    public void useStream(StreamPlayback s) {
        boolean wasPlaying = playing.get();
        double sp = speed.get();
        if (streaming) {
            pause();
        }
        if (stream != null && stream != s) {
            stream.close();
        }
        stream = s;
        engine.set(s == null ? "FFmpeg" : s.name());
        if (s != null) {
            engineNotice.set("");
        }
        if (wasPlaying && sp != 0) {
            play(sp);
        }
    }

    /** The stream in use, if any. */
    public Optional<StreamPlayback> stream() {
        return Optional.ofNullable(stream);
    }

    /** Sets the one-line notice shown in the player (e.g. why playback is from FFmpeg); "" for none. */
    public void setEngineNotice(String notice) {
        engineNotice.set(notice == null ? "" : notice);
    }

    /** Stops and releases the stream (window closing). */
    public void closeStream() {
        if (streaming) {
            streaming = false;
            stream.stop();
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
        engine.set("FFmpeg");
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
        cancelResolve();
        if (s > 0 && stream != null) {
            if (!streaming) {
                stream.play(position.get(), s);
                streaming = true;
                loopJumpPending = false;
            } else {
                stream.setRate(s);
            }
        } else if (streaming) {
            // reverse play: the exact decoder takes over from the stream's frame
            int f = stopStream().estimate();
            position.set(f);
            showExact(f);
        }
        playing.set(true);
        setSpeed(s);
    }

    /** K: pause on the current frame (after playing through the stream: the exact frame that was on screen). */
    public void pause() {
        playing.set(false);
        speed.set(0);
        anchorNanos = -1;
        if (streaming) {
            StreamPlayback.Stop stop = stopStream();
            position.set(stop.estimate());
            if (stop.exact() || stop.distance() == null) {
                showExact(stop.estimate());
            } else {
                startResolve(stop);
            }
        }
    }

    /** Whether the paused frame is still being identified among the exact decoder's frames. */
    public boolean resolving() {
        return resolve != null;
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
        if (resolve != null) {
            // the frame that was on screen is still being identified: step from it once it is known
            pendingStep += delta;
            return;
        }
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
        cancelResolve();
        if (f != position.get()) {
            position.set(f);
        }
        if (streaming) {
            loopJumpPending = false;
            stream.seek(f);
            return;
        }
        showExact(f);
    }

    /** Shows exact frame {@code f}: requests it unless it is already the exact picture on screen. */
    private void showExact(int f) {
        if (shown.get() != null && shown.get().index() == f) {
            if (streamOnScreen.get()) {
                streamOnScreen.set(false);
                displayedExact.set(true);
                displayed.set(f);
            }
            return;
        }
        requestFrame.accept(f);
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
        if (streaming) {
            tickStream();
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

    private void tickStream() {
        Optional<String> failure = stream.failure();
        if (failure.isPresent()) {
            // the stream cannot play this clip: the exact decoder plays on from the same frame
            StreamPlayback failed = stream;
            int f = stopStream().estimate();
            failed.close();
            stream = null;
            engine.set("FFmpeg");
            engineNotice.set("Playing from the FFmpeg decoder: " + failed.name() + " cannot play this clip ("
                    + failure.get() + ").");
            position.set(Math.max(0, Math.min(frameCount() - 1, f < 0 ? position.get() : f)));
            showExact(position.get());
            anchorNanos = -1;
            return;
        }
        if (stream.finished()) {
            if (loopActive()) {
                stream.play(loopIn.get(), Math.abs(speed.get()));
                loopJumpPending = false;
                position.set(loopIn.get());
                return;
            }
            streaming = false;
            stream.stop();
            pause();
            seek(frameCount() - 1);
            return;
        }
        StreamPlayback.OnScreen on = stream.onScreen();
        int f = on.frame();
        boolean exact = on.exact();
        if (f < 0) {
            return;
        }
        if (!streamOnScreen.get()) {
            streamOnScreen.set(true);
        }
        if (loopActive() && (f > loopOut.get() || f < loopIn.get())) {
            // past the out point: jump to the in point once; pictures from before the jump still arriving (now
            // identified exactly, so seen as outside the loop) must not trigger jump after jump
            if (!loopJumpPending) {
                stream.seek(loopIn.get());
                loopJumpPending = true;
            }
            f = loopIn.get();
            exact = false;
        } else {
            loopJumpPending = false;
        }
        displayedExact.set(exact);
        displayed.set(f);
        if (f != position.get()) {
            position.set(f);
        }
    }

    private StreamPlayback.Stop stopStream() {
        streaming = false;
        return stream.stop();
    }

    /** A decoded frame arrived: it becomes the frame on screen (unless it is a candidate being compared). */
    public void frameDecoded(FramePicture p) {
        if (resolve != null) {
            resolve.candidate(p);
            return;
        }
        shown.set(p);
        if (!streaming || !streamOnScreen.get()) {
            streamOnScreen.set(false);
            displayedExact.set(true);
            displayed.set(p.index());
        }
    }

    private void startResolve(StreamPlayback.Stop stop) {
        resolve = new Resolve(stop);
        resolve.next();
    }

    private void cancelResolve() {
        resolve = null;
        pendingStep = 0;
    }

    /**
     * Identifies the stream's last picture: exact frames around the estimate, nearest first, until identical. When
     * none within {@value #RESOLVE_RADIUS} of the estimate is identical and the closest lies at the edge of what was
     * tried (the estimate was off, e.g. before libVLC's clock was known, or after dropped frames), the search goes
     * on past that edge while frames keep getting closer, up to {@value #RESOLVE_EXTEND} frames further.
     */
    private final class Resolve {
        private final StreamPlayback.Stop stop;
        private final List<Integer> order = new ArrayList<>();
        private int tried;
        private int lo;
        private int hi;
        private int extended;
        private FramePicture best;
        private long bestDistance = Long.MAX_VALUE;

        Resolve(StreamPlayback.Stop stop) {
            this.stop = stop;
            int e = Math.max(0, Math.min(frameCount() - 1, stop.estimate()));
            order.add(e);
            lo = e;
            hi = e;
            for (int d = 1; d <= RESOLVE_RADIUS; d++) {
                for (int c : new int[] {e + d, e - d}) {
                    if (c >= 0 && c < frameCount()) {
                        order.add(c);
                        lo = Math.min(lo, c);
                        hi = Math.max(hi, c);
                    }
                }
            }
        }

        void next() {
            requestFrame.accept(order.get(tried++));
        }

        void candidate(FramePicture p) {
            if (p.index() != order.get(tried - 1)) {
                return; // a decode requested before the pause
            }
            long d = stop.distance().applyAsLong(p);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
            if (d == 0) {
                finish();
            } else if (tried < order.size()) {
                next();
            } else if (extend()) {
                next();
            } else {
                finish();
            }
        }

        /** Adds the next frame past the edge the closest frame sits on; false when the search should stop. */
        private boolean extend() {
            if (extended >= RESOLVE_EXTEND) {
                return false;
            }
            int b = best.index();
            if (b == hi && hi + 1 < frameCount()) {
                order.add(++hi);
            } else if (b == lo && lo - 1 >= 0) {
                order.add(--lo);
            } else {
                return false;
            }
            extended++;
            return true;
        }

        private void finish() {
            int delta = pendingStep;
            resolve = null;
            pendingStep = 0;
            position.set(best.index());
            shown.set(best);
            streamOnScreen.set(false);
            displayedExact.set(true);
            displayed.set(best.index());
            if (delta != 0) {
                seek(best.index() + delta);
            }
        }
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

    /**
     * The frame on screen: the exact picture's number, or while the stream's picture is up, the frame the stream
     * identified it as (or its clock's estimate, see {@link #displayedExactProperty()}); -1 before the first frame.
     */
    public ReadOnlyIntegerProperty displayedProperty() {
        return displayed.getReadOnlyProperty();
    }

    /**
     * Whether the frame number on screen is known exactly: always for the exact decoder's frames; while the
     * stream plays, when it identified its picture among exact frames (false: its clock's estimate).
     */
    public ReadOnlyBooleanProperty displayedExactProperty() {
        return displayedExact.getReadOnlyProperty();
    }

    /** True while the stream's (libVLC's) picture is on screen instead of an exact frame. */
    public ReadOnlyBooleanProperty streamOnScreenProperty() {
        return streamOnScreen.getReadOnlyProperty();
    }

    /** Which engine plays: "libVLC" (or the stream's name) or "FFmpeg". */
    public ReadOnlyStringProperty engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** One line saying why playback is from FFmpeg (libVLC missing, switched off or failing); "" when none. */
    public ReadOnlyStringProperty engineNoticeProperty() {
        return engineNotice.getReadOnlyProperty();
    }

    /** "Frame 120 / 1199" of the frame on screen; "Frame ≈120 / 1199" when the number is an estimate. */
    public StringBinding frameText() {
        return Bindings.createStringBinding(() -> displayed.get() < 0 ? "Frame – / " + (frameCount() - 1)
                : "Frame " + (displayedExact.get() ? "" : "≈") + displayed.get() + " / " + (frameCount() - 1),
                displayed, displayedExact);
    }

    /** The frame readout for screen readers, saying when the number is an estimate. */
    public StringBinding frameAccessibleText() {
        return Bindings.createStringBinding(() -> displayed.get() < 0 ? "No frame yet"
                : displayedExact.get() ? "Frame " + displayed.get() + " of " + (frameCount() - 1)
                : "Frame about " + displayed.get() + " of " + (frameCount() - 1)
                        + ", estimated while playing; exact when paused", displayed, displayedExact);
    }

    /** SMPTE timecode of the frame on screen. */
    public StringBinding timecodeText() {
        return Bindings.createStringBinding(() -> displayed.get() < 0 ? "--:--:--:--"
                : source.timecode(displayed.get()), displayed);
    }

    /** Seconds of the frame on screen, e.g. "5.005 s". */
    public StringBinding secondsText() {
        return Bindings.createStringBinding(() -> displayed.get() < 0 ? "– s"
                : String.format(Locale.ROOT, "%.3f s", source.seconds(displayed.get())), displayed);
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
        if (streaming) {
            stream.setRate(Math.abs(s));
        }
    }

    private static double clampSpeed(double s) {
        return Math.max(MIN_SPEED, Math.min(MAX_SPEED, s));
    }
}
