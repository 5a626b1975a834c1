// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.diff;

import io.chai.model.quality.TextDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * A word-level diff for display: the old and new texts cut into equal, deleted and inserted runs, built on the
 * longest-common-subsequence diff of {@link TextDiff} (the same tokens the quality checks use). Equal and
 * inserted runs are cut from the new text (with its spacing), so the non-deleted runs concatenated give back the
 * new text exactly; deleted runs carry the old words with their following spaces.
 */
public final class WordDiff {
    private WordDiff() {
    }

    /** What happened to a run of text. */
    public enum Op {
        EQUAL, DELETE, INSERT
    }

    /** One run of text and what happened to it. */
    public record Segment(Op op, String text) {
    }

    /** The segments turning {@code before} into {@code after}, in reading order (deletions before insertions). */
    public static List<Segment> diff(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        List<TextDiff.Token> ta = TextDiff.tokens(a);
        List<TextDiff.Token> tb = TextDiff.tokens(b);
        List<TextDiff.Hunk> hunks = TextDiff.diff(ta.stream().map(TextDiff.Token::text).toList(),
                tb.stream().map(TextDiff.Token::text).toList());
        List<Segment> out = new ArrayList<>();
        int posB = 0; // character offset in b up to which output has been produced
        for (TextDiff.Hunk h : hunks) {
            int insStart = h.bStart() < tb.size() ? tb.get(h.bStart()).start() : b.length();
            add(out, Op.EQUAL, b.substring(posB, Math.max(posB, insStart)));
            if (h.aEnd() > h.aStart()) {
                int delStart = ta.get(h.aStart()).start();
                add(out, Op.DELETE, a.substring(delStart, spaceAfter(a, ta.get(h.aEnd() - 1).end())));
            }
            if (h.bEnd() > h.bStart()) {
                int insEnd = spaceAfter(b, tb.get(h.bEnd() - 1).end());
                add(out, Op.INSERT, b.substring(insStart, insEnd));
                posB = insEnd;
            } else {
                posB = Math.max(posB, insStart);
            }
        }
        add(out, Op.EQUAL, b.substring(Math.min(posB, b.length())));
        return out;
    }

    /** Counts of deleted and inserted words (punctuation included), for summaries. */
    public static int[] changedWords(List<Segment> segments) {
        int del = 0;
        int ins = 0;
        for (Segment s : segments) {
            int n = TextDiff.tokens(s.text()).size();
            if (s.op() == Op.DELETE) {
                del += n;
            } else if (s.op() == Op.INSERT) {
                ins += n;
            }
        }
        return new int[] {del, ins};
    }

    private static int spaceAfter(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static void add(List<Segment> out, Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }
}
