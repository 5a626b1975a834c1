// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Critique precision and recall against a reviewer's rewrite (specification §5.1): both critiques are split
 * into points, points are matched one-to-one by content-word overlap (Dice coefficient at least
 * {@link #MIN_SIMILARITY}, best pairs first), and
 * precision = matched / annotator's points (how many of the annotator's points the reviewer kept),
 * recall = matched / reviewer's points (how many of the reviewer's points the annotator had).
 *
 * @param annotatorPoints the annotator's points
 * @param reviewerPoints  the reviewer's points
 * @param matches         matched pairs as {annotator index, reviewer index}, in annotator order
 * @param precision       empty when the annotator made no point
 * @param recall          empty when the reviewer made no point
 */
public record CritiqueAlignment(List<String> annotatorPoints, List<String> reviewerPoints, List<int[]> matches,
        OptionalDouble precision, OptionalDouble recall) {
    /** The least Dice similarity of content words for two points to count as the same point. */
    public static final double MIN_SIMILARITY = 0.4;

    private static final Pattern LINE = Pattern.compile("\\R+");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"“])");
    private static final Pattern MARKER = Pattern.compile("^\\s*(\\d+[.)]|[-*•])\\s*");

    public CritiqueAlignment {
        annotatorPoints = List.copyOf(annotatorPoints);
        reviewerPoints = List.copyOf(reviewerPoints);
        matches = List.copyOf(matches);
    }

    /**
     * Aligns two critiques; a critique equal to {@code sentinel} (no edits needed) has no points.
     */
    public static CritiqueAlignment align(String annotator, String reviewer, String sentinel) {
        List<String> a = annotator.strip().equals(sentinel.strip()) ? List.of() : points(annotator);
        List<String> r = reviewer.strip().equals(sentinel.strip()) ? List.of() : points(reviewer);
        List<Set<String>> wa = a.stream().map(CritiqueAlignment::bag).toList();
        List<Set<String>> wr = r.stream().map(CritiqueAlignment::bag).toList();
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < r.size(); j++) {
                double s = dice(wa.get(i), wr.get(j));
                if (s >= MIN_SIMILARITY) {
                    candidates.add(new double[] {s, i, j});
                }
            }
        }
        candidates.sort((x, y) -> x[0] != y[0] ? Double.compare(y[0], x[0])
                : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedR = new boolean[r.size()];
        int[] partner = new int[a.size()];
        java.util.Arrays.fill(partner, -1);
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!usedA[i] && !usedR[j]) {
                usedA[i] = true;
                usedR[j] = true;
                partner[i] = j;
            }
        }
        List<int[]> matches = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (partner[i] >= 0) {
                matches.add(new int[] {i, partner[i]});
            }
        }
        OptionalDouble p = a.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) matches.size() / a.size());
        OptionalDouble rc = r.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) matches.size() / r.size());
        return new CritiqueAlignment(a, r, matches, p, rc);
    }

    /** The points of a critique: its lines, each split into sentences, with list markers ("1.", "-") removed. */
    public static List<String> points(String critique) {
        List<String> out = new ArrayList<>();
        for (String line : LINE.split(critique.strip())) {
            for (String s : SENTENCE.split(line.strip())) {
                String p = MARKER.matcher(s).replaceFirst("").strip();
                if (!p.isEmpty() && p.chars().anyMatch(Character::isLetterOrDigit)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Set<String> bag(String point) {
        return new HashSet<>(TextDiff.contentWords(point));
    }

    private static double dice(Set<String> x, Set<String> y) {
        if (x.isEmpty() && y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : x) {
            if (y.contains(w)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }
}
