// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.diff.WordDiff.Op;
import io.chai.app.ui.diff.WordDiff.Segment;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void replacementDeletionAndInsertion() {
        assertThat(WordDiff.diff("A man in a red coat walks.", "A woman in a blue coat walks slowly."))
                .containsExactly(new Segment(Op.EQUAL, "A "), new Segment(Op.DELETE, "man "),
                        new Segment(Op.INSERT, "woman "), new Segment(Op.EQUAL, "in a "),
                        new Segment(Op.DELETE, "red "), new Segment(Op.INSERT, "blue "),
                        new Segment(Op.EQUAL, "coat walks "), new Segment(Op.INSERT, "slowly"),
                        new Segment(Op.EQUAL, "."));
        assertThat(WordDiff.diff("the red car", "the car"))
                .containsExactly(new Segment(Op.EQUAL, "the "), new Segment(Op.DELETE, "red "),
                        new Segment(Op.EQUAL, "car"));
        assertThat(WordDiff.diff("same text", "same text")).containsExactly(new Segment(Op.EQUAL, "same text"));
        assertThat(WordDiff.diff("", "new")).containsExactly(new Segment(Op.INSERT, "new"));
        assertThat(WordDiff.changedWords(WordDiff.diff("a b c", "a x y c"))).containsExactly(1, 2);
    }

    @Test
    void keptRunsRebuildTheNewTextAndDeletedWordsAreTheOldOnes() {
        Random r = new Random(7);
        String[] vocab = {"the", "a", "red", "coat", "walks", "slowly", ",", "camera", "pans", "left"};
        for (int n = 0; n < 300; n++) {
            String a = sentence(r, vocab);
            String b = sentence(r, vocab);
            List<Segment> d = WordDiff.diff(a, b);
            assertThat(d.stream().filter(s -> s.op() != Op.DELETE).map(Segment::text).collect(Collectors.joining()))
                    .isEqualTo(b);
            String old = d.stream().filter(s -> s.op() != Op.INSERT).map(Segment::text).collect(Collectors.joining());
            assertThat(old.replaceAll("\\s+", "")).isEqualTo(a.replaceAll("\\s+", ""));
        }
    }

    private static String sentence(Random r, String[] vocab) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(vocab[r.nextInt(vocab.length)]);
        }
        return sb.toString();
    }
}
