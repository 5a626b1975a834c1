// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import java.util.Locale;
import java.util.Objects;

/**
 * One suggested camera motion with a confidence in [0, 1]. A suggestion is shown to people and may be given to a
 * model as evidence; it is never written as a label.
 */
public record MotionSuggestion(CameraMotion motion, double confidence) {
    public MotionSuggestion {
        Objects.requireNonNull(motion);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** The derived label this suggestion is evidence for. */
    public String labelId() {
        return motion.labelId();
    }

    /** e.g. {@code pan right (confidence 0.93)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (confidence %.2f)", motion.phrase(), confidence);
    }
}
