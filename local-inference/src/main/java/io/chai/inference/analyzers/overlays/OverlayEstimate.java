// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.overlays;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the overlay detector found and suggests for the {@value #LABEL_ID} label. A suggestion only: it is shown to
 * people and may be given to a model as evidence, never written as a label.
 *
 * @param regions fixed text-like regions, largest first
 * @param changingFraction fraction of the picture whose brightness changes across the samples (camera or scene
 *        motion); fixed text can only be told from scene text when this is high
 * @param overlaysSuggested whether on-screen overlays are suggested
 * @param confidence confidence in that suggestion, in [0, 1]
 * @param samples frames sampled
 */
public record OverlayEstimate(List<OverlayRegion> regions, double changingFraction, boolean overlaysSuggested,
        double confidence, int samples) {
    /** The derived label of the bundled specification this is evidence for. */
    public static final String LABEL_ID = "has_overlays";

    public OverlayEstimate {
        regions = List.copyOf(regions);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
    }

    /** One sentence for a prompt or a tooltip. */
    public String sentence() {
        String verdict = String.format(Locale.ROOT, "On-screen text analysis suggests: %s (confidence %.2f).",
                overlaysSuggested ? "overlays present" : "no overlays", confidence);
        String where = regions.isEmpty() ? "No text-like region stays fixed"
                : regions.size() + " text-like region" + (regions.size() == 1 ? "" : "s") + " stay"
                        + (regions.size() == 1 ? "s" : "") + " fixed ("
                        + regions.stream().map(OverlayRegion::place).distinct().collect(Collectors.joining(", "))
                        + ")";
        return String.format(Locale.ROOT, "%s %s while %.0f%% of the picture changes over %d sampled frames.",
                verdict, where, changingFraction * 100, samples);
    }
}
