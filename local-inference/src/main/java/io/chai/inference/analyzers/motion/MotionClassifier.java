// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Turns the per-step similarity transforms into motion suggestions (pure arithmetic, no video).
 *
 * <p>Each of pan (centre displacement in x), tilt (in y), zoom (log scale) and roll (rotation) is summed over the
 * valid steps. Its <em>magnitude</em> is expressed as a fraction of the frame: |Σdx|, |Σdy|, and for zoom and
 * roll the displacement they cause at half the frame width (|Σ ln s| / 2, |Σθ| / 2). Its <em>consistency</em> is
 * |Σv| / Σ|v| (1 for a steady move, near 0 for back-and-forth shake). A motion is suggested when its magnitude
 * reaches {@link #MOVE_THRESHOLD} and its consistency {@link #MIN_CONSISTENCY}, with confidence
 * {@code consistency × (1 − exp(−magnitude / MOVE_THRESHOLD))}. Shake is suggested when the jitter (deviation of
 * each step's displacement from a five-step moving average) reaches {@link #JITTER_THRESHOLD}, with confidence
 * {@code 1 − exp(−jitter / JITTER_THRESHOLD)}. With neither, the camera is suggested static with confidence
 * {@code (1 − largest magnitude / MOVE_THRESHOLD) × (1 − jitter / JITTER_THRESHOLD)}.
 */
public final class MotionClassifier {
    /** Net movement (fraction of the frame) from which a pan, tilt, zoom or roll is suggested. */
    public static final double MOVE_THRESHOLD = 0.04;
    /** Minimum |Σv| / Σ|v| for a directional suggestion. */
    public static final double MIN_CONSISTENCY = 0.5;
    /** Jitter (fraction of the frame per step) from which shake is suggested. */
    public static final double JITTER_THRESHOLD = 0.006;
    /** Fraction of steps that must be tracked for any suggestion. */
    public static final double MIN_VALID_FRACTION = 0.5;

    private MotionClassifier() {
    }

    /** Classifies {@code steps} spanning {@code seconds}. */
    public static MotionEstimate classify(List<FrameStep> steps, double seconds) {
        List<FrameStep> valid = steps.stream().filter(FrameStep::valid).toList();
        double panX = sum(valid, FrameStep::dx);
        double tiltY = sum(valid, FrameStep::dy);
        double logScale = sum(valid, FrameStep::logScale);
        double rotation = sum(valid, FrameStep::rotation);
        double jitter = jitter(valid);
        List<MotionSuggestion> out = new ArrayList<>();
        if (valid.size() < 2 || valid.size() < MIN_VALID_FRACTION * steps.size()) {
            return new MotionEstimate(steps, seconds, panX, tiltY, logScale, rotation, jitter, out);
        }
        double[] magnitude = {Math.abs(panX), Math.abs(tiltY), Math.abs(logScale) / 2, Math.abs(rotation) / 2};
        double[] consistency = {consistency(valid, FrameStep::dx), consistency(valid, FrameStep::dy),
            consistency(valid, FrameStep::logScale), consistency(valid, FrameStep::rotation)};
        CameraMotion[] motion = {panX < 0 ? CameraMotion.PAN_RIGHT : CameraMotion.PAN_LEFT,
            tiltY > 0 ? CameraMotion.TILT_UP : CameraMotion.TILT_DOWN,
            logScale > 0 ? CameraMotion.ZOOM_IN : CameraMotion.ZOOM_OUT,
            rotation > 0 ? CameraMotion.ROLL_CCW : CameraMotion.ROLL_CW};
        double largest = 0;
        for (int k = 0; k < 4; k++) {
            largest = Math.max(largest, magnitude[k]);
            if (magnitude[k] >= MOVE_THRESHOLD && consistency[k] >= MIN_CONSISTENCY) {
                out.add(new MotionSuggestion(motion[k],
                        clamp(consistency[k] * (1 - Math.exp(-magnitude[k] / MOVE_THRESHOLD)))));
            }
        }
        if (jitter >= JITTER_THRESHOLD) {
            out.add(new MotionSuggestion(CameraMotion.SHAKY, clamp(1 - Math.exp(-jitter / JITTER_THRESHOLD))));
        }
        if (out.isEmpty()) {
            double c = (1 - Math.min(1, largest / MOVE_THRESHOLD)) * (1 - Math.min(1, jitter / JITTER_THRESHOLD));
            out.add(new MotionSuggestion(CameraMotion.STATIC, clamp(c)));
        }
        out.sort(Comparator.comparingDouble(MotionSuggestion::confidence).reversed());
        return new MotionEstimate(steps, seconds, panX, tiltY, logScale, rotation, jitter, out);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double sum(List<FrameStep> steps, ToDoubleFunction<FrameStep> f) {
        return steps.stream().mapToDouble(f).sum();
    }

    private static double consistency(List<FrameStep> steps, ToDoubleFunction<FrameStep> f) {
        double path = steps.stream().mapToDouble(s -> Math.abs(f.applyAsDouble(s))).sum();
        return path == 0 ? 0 : Math.abs(sum(steps, f)) / path;
    }

    /** RMS distance of each step's (dx, dy) from the centred five-step moving average. */
    static double jitter(List<FrameStep> steps) {
        int n = steps.size();
        if (n < 3) {
            return 0;
        }
        double acc = 0;
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - 2);
            int to = Math.min(n - 1, i + 2);
            double mx = 0;
            double my = 0;
            for (int j = from; j <= to; j++) {
                mx += steps.get(j).dx();
                my += steps.get(j).dy();
            }
            mx /= to - from + 1;
            my /= to - from + 1;
            double rx = steps.get(i).dx() - mx;
            double ry = steps.get(i).dy() - my;
            acc += rx * rx + ry * ry;
        }
        return Math.sqrt(acc / n);
    }
}
