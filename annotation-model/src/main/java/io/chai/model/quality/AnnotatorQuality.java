// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Quality flags summed over one annotator's submitted items.
 *
 * @param annotator     the annotator
 * @param items         submitted items checked
 * @param flags         flag id → items flagged (every flag present, in {@link QualityFlag} order)
 * @param rewritten     items the reviewer rejected and redid
 * @param meanPrecision mean critique precision over rewritten items where it is defined
 * @param meanRecall    mean critique recall over rewritten items where it is defined
 */
public record AnnotatorQuality(String annotator, int items, Map<String, Integer> flags, int rewritten,
        OptionalDouble meanPrecision, OptionalDouble meanRecall) {
}
