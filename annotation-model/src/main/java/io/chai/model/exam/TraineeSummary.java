// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One trainee's exam summary for the lead. Means are over what the trainee did: accuracies over the scored fields
 * of the clips whose labels they saved, caption measures over the aspects they submitted; {@code null} when there is
 * nothing to average.
 *
 * @param itemsDone          clips finished (see {@link ItemResult#done()})
 * @param itemsStarted       clips with at least one saved change
 * @param itemsTotal         clips in the exam
 * @param primitiveRight     right answers over all scored fields
 * @param primitiveScored    scored fields of the clips whose labels were saved
 * @param accuracyByForm     form id → accuracy (e.g. {@code cam_setup}, {@code cam_motion})
 * @param accuracyByGroup    primitive group id → accuracy
 * @param captionsSubmitted  (clip, aspect) pairs submitted that have a reference
 * @param meanAbsRatingDiff  mean |trainee rating − expert rating|
 * @param meanScore          mean of the per-aspect {@link CaptionScore#score()}
 * @param timeSpent          sum over clips of first-to-last saved change
 */
public record TraineeSummary(String trainee, int itemsDone, int itemsStarted, int itemsTotal, int primitiveRight,
        int primitiveScored, Double primitiveAccuracy, Map<String, Double> accuracyByForm,
        Map<String, Double> accuracyByGroup, int captionsSubmitted, Double meanCaptionF1, Double meanCritiqueF1,
        Double meanCoverage, Double meanAbsRatingDiff, Double meanScore, Duration timeSpent,
        List<ItemResult> items) {
    public TraineeSummary {
        accuracyByForm = Map.copyOf(accuracyByForm);
        accuracyByGroup = Map.copyOf(accuracyByGroup);
        items = List.copyOf(items);
    }
}
