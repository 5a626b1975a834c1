// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import io.chai.model.domain.CritiqueItem;
import io.chai.model.quality.TextDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text measures of the exam score.
 *
 * <ul>
 *   <li><b>Word F1</b> of a text against a reference: both are split into words (letters and digits, lower case,
 *       punctuation dropped); L = length of the longest common subsequence of the two word lists (the matched
 *       words of {@link TextDiff#diff}); precision = L / n(text), recall = L / n(reference), F1 = 2·L / (n(text) +
 *       n(reference)). Two empty texts score 1, one empty text 0.</li>
 *   <li><b>Coverage</b> of the expert's critique items: the share of the expert's span items that some trainee
 *       item overlaps (spans [start, end) in the same pre-caption share at least one character), whatever its
 *       type.</li>
 * </ul>
 */
public final class TextScores {
    private TextScores() {
    }

    /** Lower-case words and numbers of {@code text}, punctuation dropped. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (TextDiff.Token t : TextDiff.tokens(text)) {
            if (Character.isLetterOrDigit(t.text().charAt(0))) {
                out.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Length of the longest common subsequence of two word lists. */
    public static int commonWords(List<String> a, List<String> b) {
        int changed = 0;
        for (TextDiff.Hunk h : TextDiff.diff(a, b)) {
            changed += h.aEnd() - h.aStart();
        }
        return a.size() - changed;
    }

    /** Word F1 of {@code text} against {@code reference}: 2·L / (n + m). */
    public static double wordF1(String text, String reference) {
        List<String> a = words(text);
        List<String> b = words(reference);
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        return 2.0 * commonWords(a, b) / (a.size() + b.size());
    }

    /** Covered expert items / expert items; NaN when the expert marked none. */
    public static double coverage(List<CritiqueItem> trainee, List<CritiqueItem> expert) {
        if (expert.isEmpty()) {
            return Double.NaN;
        }
        return (double) coveredItems(trainee, expert).stream().filter(b -> b).count() / expert.size();
    }

    /** For each expert item, in order, whether a trainee item overlaps it. */
    public static List<Boolean> coveredItems(List<CritiqueItem> trainee, List<CritiqueItem> expert) {
        List<Boolean> out = new ArrayList<>();
        for (CritiqueItem e : expert) {
            out.add(trainee.stream().anyMatch(t -> t.start() < e.end() && e.start() < t.end()));
        }
        return out;
    }
}
