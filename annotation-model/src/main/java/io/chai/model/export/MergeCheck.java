// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.export;

import io.chai.model.domain.Aspect;
import io.chai.model.quality.TextDiff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of a model-written merged caption (§4.10: "validate length after merging"): the word count is within
 * the limit, and every aspect caption is represented — at least {@link #MIN_COVERAGE} of that caption's content
 * words occur in the merged text.
 *
 * @param words     the merged caption's word count
 * @param maxWords  the limit
 * @param coverage  aspect key → share of its content words present
 * @param missing   aspects below {@link #MIN_COVERAGE}
 */
public record MergeCheck(int words, int maxWords, Map<String, Double> coverage, List<String> missing) {
    /** Least share of an aspect caption's content words that must appear in the merge. */
    public static final double MIN_COVERAGE = 0.25;

    public static MergeCheck of(String merged, Map<Aspect, String> captions, int maxWords) {
        Set<String> have = new HashSet<>(TextDiff.contentWords(merged));
        Map<String, Double> coverage = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        captions.forEach((a, c) -> {
            Set<String> words = new HashSet<>(TextDiff.contentWords(c));
            long hit = words.stream().filter(have::contains).count();
            double share = words.isEmpty() ? 1.0 : (double) hit / words.size();
            coverage.put(a.key(), Math.round(share * 1000) / 1000.0);
            if (share < MIN_COVERAGE) {
                missing.add(a.key());
            }
        });
        return new MergeCheck(TextDiff.wordCount(merged), maxWords, coverage, missing);
    }

    public boolean passed() {
        return words <= maxWords && missing.isEmpty();
    }

    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("max_words", maxWords);
        m.put("within_limit", words <= maxWords);
        m.put("coverage", coverage);
        m.put("missing_aspects", missing);
        return m;
    }
}
