// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.agreement;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Agreement on one primitive group over the clips that two or more annotators labelled.
 *
 * @param group          the group id
 * @param metric         {@code nominal} or {@code ordinal} (the metric of {@code alpha})
 * @param raters         the annotators who labelled at least one overlapping clip, sorted
 * @param units          how many units (clip, or clip × start/end for start/end groups) have two or more ratings
 * @param ratings        how many ratings those units hold (after the unsure policy)
 * @param unsure         how many answers were unsure / unknown (before the policy)
 * @param raw            share of agreeing rater pairs
 * @param cohenKappa     Cohen's kappa, only when exactly two annotators took part
 * @param fleissKappa    Fleiss' kappa over {@code fleissUnits} units with the same rater count
 * @param fleissUnits    how many units Fleiss' kappa used
 * @param alpha          Krippendorff's alpha with {@code metric}
 * @param categories     the categories seen, in value order
 * @param confusion      row value → column value → count over rater pairs (row = the rater whose id sorts first)
 */
public record GroupAgreement(String group, String metric, List<String> raters, int units, int ratings, int unsure,
        double raw, OptionalDouble cohenKappa, double fleissKappa, int fleissUnits, double alpha,
        List<String> categories, Map<String, Map<String, Integer>> confusion) {
    public GroupAgreement {
        raters = List.copyOf(raters);
        categories = List.copyOf(categories);
        confusion = Map.copyOf(confusion);
    }
}
