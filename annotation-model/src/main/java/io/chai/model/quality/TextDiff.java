// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level text helpers shared by the quality checks and the dense-diff export: a tokenizer (words and single
 * punctuation marks, with their character offsets), a longest-common-subsequence diff into hunks, and content
 * words (lower case, stop words removed).
 */
public final class TextDiff {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?|[^\\s\\p{L}\\p{N}]");

    /** Words too common to say anything about content. */
    public static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "but", "of", "in", "on",
            "at", "to", "for", "with", "by", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its",
            "this", "that", "these", "those", "there", "then", "than", "into", "onto", "while", "which", "who",
            "whom", "also", "very", "not", "no", "should", "would", "could", "can", "will", "caption", "instead",
            "rather", "say", "says", "said", "mention", "mentions", "describe", "describes", "video", "clip", "so",
            "if", "has", "have", "had", "does", "do", "did", "s");

    private TextDiff() {
    }

    /** One token: its text and UTF-16 offsets {@code [start, end)} in the source. */
    public record Token(String text, int start, int end) {
    }

    /** A change: tokens {@code [aStart, aEnd)} of the old text became {@code [bStart, bEnd)} of the new text. */
    public record Hunk(int aStart, int aEnd, int bStart, int bEnd) {
        public boolean isInsert() {
            return aStart == aEnd;
        }

        public boolean isDelete() {
            return bStart == bEnd;
        }
    }

    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group(), m.start(), m.end()));
        }
        return out;
    }

    public static List<String> words(String text) {
        return tokens(text).stream().map(Token::text).toList();
    }

    /** Lower-case words and numbers of {@code text}, punctuation and stop words dropped. */
    public static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text)) {
            String w = t.text().toLowerCase(Locale.ROOT);
            if (Character.isLetterOrDigit(w.charAt(0)) && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whitespace-separated word count. */
    public static int wordCount(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** The hunks that turn token list {@code a} into {@code b} (exact token comparison), in order. */
    public static List<Hunk> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Hunk> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        int hi = -1;
        int hj = -1;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                if (hi >= 0) {
                    out.add(new Hunk(hi, i, hj, j));
                    hi = -1;
                }
                i++;
                j++;
                continue;
            }
            if (hi < 0) {
                hi = i;
                hj = j;
            }
            if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        if (hi >= 0) {
            out.add(new Hunk(hi, n, hj, m));
        }
        return out;
    }
}
