// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the camera-motion estimator measured over a clip and what it suggests.
 *
 * @param steps the fitted transform between each pair of consecutive samples, in order
 * @param seconds the time spanned by the samples
 * @param panX net horizontal content displacement, fractions of the picture width (negative: content moved left)
 * @param tiltY net vertical content displacement, fractions of the picture height (positive: content moved down)
 * @param logScale net natural log of the content scale (positive: content grew)
 * @param rotation net content rotation in radians, positive clockwise on screen
 * @param jitter root-mean-square deviation of the per-step centre displacement from its local trend (five-step
 *        moving average), as a fraction of the picture size: high for shake, near zero for smooth moves
 * @param suggestions suggested motions, highest confidence first; empty when too few steps could be tracked
 */
public record MotionEstimate(List<FrameStep> steps, double seconds, double panX, double tiltY, double logScale,
        double rotation, double jitter, List<MotionSuggestion> suggestions) {

    public MotionEstimate {
        steps = List.copyOf(steps);
        suggestions = List.copyOf(suggestions);
    }

    /** Steps with a reliable fitted transform. */
    public long validSteps() {
        return steps.stream().filter(FrameStep::valid).count();
    }

    /** The most confident suggestion, if any. */
    public Optional<MotionSuggestion> primary() {
        return suggestions.isEmpty() ? Optional.empty() : Optional.of(suggestions.get(0));
    }

    /**
     * One paragraph for a model prompt or a tooltip, e.g. "Geometric motion analysis suggests: pan right
     * (confidence 0.93). Over 2.4 s the content shifted 31% of the frame width to the left, …".
     */
    public String sentence() {
        if (suggestions.isEmpty()) {
            return String.format(Locale.ROOT, "Geometric motion analysis could not track enough image features "
                    + "(%d of %d frame pairs) to suggest a camera motion.", validSteps(), steps.size());
        }
        String what = suggestions.stream().map(MotionSuggestion::describe).collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "Geometric motion analysis suggests: %s. Over %.1f s the picture content "
                + "shifted %.0f%% of the frame width %s and %.0f%% of its height %s, scaled by %.2f, rotated %.1f "
                + "degrees %s, with frame-to-frame jitter of %.1f%%.",
                what, seconds, Math.abs(panX) * 100, panX < 0 ? "left" : "right", Math.abs(tiltY) * 100,
                tiltY < 0 ? "up" : "down", Math.exp(logScale), Math.toDegrees(Math.abs(rotation)),
                rotation < 0 ? "counter-clockwise" : "clockwise", jitter * 100);
    }
}
