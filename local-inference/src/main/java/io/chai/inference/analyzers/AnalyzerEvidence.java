// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers;

import io.chai.inference.analyzers.motion.MotionEstimate;
import io.chai.inference.analyzers.overlays.OverlayEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Analyzer results rendered as evidence for the pre-captioner's prompt: pass {@link #text()} as the
 * {@code analyzerEvidence} argument of {@code ModelRoles.precaption} (an option of the caller; {@code null} leaves
 * the prompt without it). The text becomes part of the rendered prompt, so the stored provenance (which keeps the
 * full prompt) records that evidence was given and what it said. Geometric motion cues help video-language models
 * that see camera motion poorly; the prompt tells the model to use them only where the video agrees.
 *
 * @param motion the camera-motion estimate, if it was run
 * @param overlays the overlay estimate, if it was run
 */
public record AnalyzerEvidence(Optional<MotionEstimate> motion, Optional<OverlayEstimate> overlays) {

    public AnalyzerEvidence {
        if (motion.isEmpty() && overlays.isEmpty()) {
            throw new IllegalArgumentException("evidence needs at least one analyzer result");
        }
    }

    public static AnalyzerEvidence of(MotionEstimate motion) {
        return new AnalyzerEvidence(Optional.of(motion), Optional.empty());
    }

    public static AnalyzerEvidence of(MotionEstimate motion, OverlayEstimate overlays) {
        return new AnalyzerEvidence(Optional.of(motion), Optional.of(overlays));
    }

    /** One line per analyzer, each a sentence from its estimate. */
    public String text() {
        List<String> lines = new ArrayList<>();
        motion.ifPresent(m -> lines.add("- " + m.sentence()));
        overlays.ifPresent(o -> lines.add("- " + o.sentence()));
        return String.join("\n", lines);
    }
}
