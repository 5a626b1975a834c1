// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import io.chai.model.domain.CritiqueItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rule-based critique-quality detectors (specification §2.13). Each is a pure function of the texts; thresholds
 * are public constants so reports can state them. They flag for a person to look at; none blocks anything.
 */
public final class CritiqueChecks {
    /** A critique of at most this many words is "very short" (the reference gives 4–6). */
    public static final int SHORT_CRITIQUE_WORDS = 6;
    /** A direct edit needs at least this many content words changed that the critique never mentions … */
    public static final int DIRECT_EDIT_MIN_WORDS = 3;
    /** … making up at least this share of all content words changed. */
    public static final double DIRECT_EDIT_MIN_SHARE = 0.5;
    /** A global edit is the same replacement made at least this many times. */
    public static final int GLOBAL_EDIT_MIN_REPEATS = 2;

    private static final Pattern WRITING = Pattern.compile("\\b(grammar|grammatical|typo|typos|punctuation|"
            + "spelling|misspell\\w*|capitali[sz]\\w*|comma|commas|wording|reword\\w*|rephrase\\w*|phrasing|tense|"
            + "hyphen\\w*|formatting|format|style|stylistic|awkward|fluency|flow|sentence structure)\\b");
    private static final Pattern COMPLAINT = Pattern.compile("\\b(wrong|wrongly|incorrect|incorrectly|inaccurate|"
            + "inaccurately|not accurate|not correct|not right|mistaken|mistake|error|errors|misses|missing|omits|"
            + "fails|lacks|off|unclear|vague|misdescribe\\w*|misidentif\\w*|bad|poor)\\b");
    private static final Pattern FIX = Pattern.compile("(\\b(should|instead|actually|rather|in fact|really|"
            + "replace|change it to|correct (one|value|answer) is|it is|they are|there (is|are)|add|remove|delete|"
            + "say|mention that)\\b|[:\"“”→]|->|\\bnot\\b[^.]*\\bbut\\b|,\\s*not\\b)");

    private CritiqueChecks() {
    }

    /**
     * Nitpick-only: the critique is at most {@link #SHORT_CRITIQUE_WORDS} words and states no correction (a
     * six-word "The coat is blue, not red." is not a nitpick); or every marked item is typed
     * {@code writing}; or every point of it asks for a wording / formatting change; or the post-caption differs
     * from the pre-caption only in case, punctuation and spacing.
     */
    public static Optional<Finding> nitpickOnly(String pre, String critique, String post, List<CritiqueItem> items) {
        int words = TextDiff.wordCount(critique);
        if (words <= SHORT_CRITIQUE_WORDS && !FIX.matcher(lower(critique)).find()) {
            return Optional.of(new Finding(QualityFlag.NITPICK_ONLY, "very short critique (" + words + " words)"));
        }
        if (!items.isEmpty() && items.stream().allMatch(i -> i.type() == CritiqueItem.ErrorType.WRITING)) {
            return Optional.of(new Finding(QualityFlag.NITPICK_ONLY, "every marked span is a writing item"));
        }
        List<String> points = CritiqueAlignment.points(critique);
        if (!points.isEmpty() && points.stream().allMatch(p -> WRITING.matcher(lower(p)).find())) {
            return Optional.of(new Finding(QualityFlag.NITPICK_ONLY, "asks only for wording or formatting changes"));
        }
        if (!pre.equals(post) && normalized(pre).equals(normalized(post))) {
            return Optional.of(new Finding(QualityFlag.NITPICK_ONLY,
                    "the caption changed only in case, punctuation or spacing"));
        }
        return Optional.empty();
    }

    /**
     * Global edit: the same word replacement (case-insensitive) made {@link #GLOBAL_EDIT_MIN_REPEATS} or more
     * times between pre- and post-caption.
     */
    public static Optional<Finding> globalEdit(String pre, String post) {
        List<String> a = lowerWords(pre);
        List<String> b = lowerWords(post);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TextDiff.Hunk h : TextDiff.diff(a, b)) {
            if (h.isInsert() || h.isDelete()) {
                continue;
            }
            String key = "'" + String.join(" ", a.subList(h.aStart(), h.aEnd())) + "' → '"
                    + String.join(" ", b.subList(h.bStart(), h.bEnd())) + "'";
            counts.merge(key, 1, Integer::sum);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= GLOBAL_EDIT_MIN_REPEATS)
                .max(Map.Entry.comparingByValue())
                .map(e -> new Finding(QualityFlag.GLOBAL_EDIT, e.getKey() + " applied " + e.getValue() + " times"));
    }

    /**
     * Direct edit: content words added to or removed from the caption that the critique never mentions (a word
     * counts as mentioned when the critique has a word sharing its first five letters, or the whole word when
     * shorter) — at least {@link #DIRECT_EDIT_MIN_WORDS} of them and {@link #DIRECT_EDIT_MIN_SHARE} of all
     * changed content words.
     */
    public static Optional<Finding> directEdit(String pre, String critique, String post) {
        List<String> a = lowerWords(pre);
        List<String> b = lowerWords(post);
        Set<String> mentioned = new LinkedHashSet<>();
        for (String w : TextDiff.contentWords(critique)) {
            mentioned.add(stem(w));
        }
        Set<String> changed = new LinkedHashSet<>();
        for (TextDiff.Hunk h : TextDiff.diff(a, b)) {
            for (String w : a.subList(h.aStart(), h.aEnd())) {
                addContent(changed, w);
            }
            for (String w : b.subList(h.bStart(), h.bEnd())) {
                addContent(changed, w);
            }
        }
        List<String> unexplained = new ArrayList<>();
        for (String w : changed) {
            if (!mentioned.contains(stem(w))) {
                unexplained.add(w);
            }
        }
        if (unexplained.size() >= DIRECT_EDIT_MIN_WORDS
                && unexplained.size() >= DIRECT_EDIT_MIN_SHARE * changed.size()) {
            return Optional.of(new Finding(QualityFlag.DIRECT_EDIT, unexplained.size() + " of " + changed.size()
                    + " changed words not in the critique: "
                    + String.join(", ", unexplained.subList(0, Math.min(6, unexplained.size())))));
        }
        return Optional.empty();
    }

    /** Non-constructive: some point of the critique says something is wrong or missing without saying what instead. */
    public static Optional<Finding> nonConstructive(String critique) {
        for (String p : CritiqueAlignment.points(critique)) {
            String l = lower(p);
            if (COMPLAINT.matcher(l).find() && !FIX.matcher(l).find()) {
                return Optional.of(new Finding(QualityFlag.NON_CONSTRUCTIVE, "no fix given: \"" + abbreviate(p) + "\""));
            }
        }
        return Optional.empty();
    }

    private static void addContent(Set<String> out, String w) {
        if (Character.isLetterOrDigit(w.charAt(0)) && !TextDiff.STOP_WORDS.contains(w)) {
            out.add(w);
        }
    }

    private static String stem(String w) {
        return w.length() > 5 ? w.substring(0, 5) : w;
    }

    private static List<String> lowerWords(String s) {
        return TextDiff.words(s).stream().map(CritiqueChecks::lower).toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String normalized(String s) {
        return lower(s).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "…";
    }
}
