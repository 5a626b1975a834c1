// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CritiqueAlignmentTest {
    private static final String SENTINEL = "The caption is accurate and requires no edits.";

    @Test
    void precisionAndRecallOnConstructedCritiques() {
        // annotator: 3 points, of which the reviewer kept 2 (horses, sky); reviewer: 4 points
        String annotator = "1. There are three horses, not one.\n2. The sky is cloudy, not clear.\n"
                + "3. The fence is wooden.";
        String reviewer = "1. There are three horses in the field, not one.\n2. The sky is cloudy and grey, not clear.\n"
                + "3. The nearest horse is black.\n4. A barn stands on the left.";
        CritiqueAlignment a = CritiqueAlignment.align(annotator, reviewer, SENTINEL);
        assertThat(a.annotatorPoints()).hasSize(3);
        assertThat(a.reviewerPoints()).hasSize(4);
        assertThat(a.matches()).hasSize(2);
        assertThat(a.matches().get(0)).containsExactly(0, 0);
        assertThat(a.matches().get(1)).containsExactly(1, 1);
        assertThat(a.precision().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.recall().getAsDouble()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void sentencesSplitIntoPointsAndSentinelHasNone() {
        assertThat(CritiqueAlignment.points("The coat is blue. He walks right!\n- Add the dog")).containsExactly(
                "The coat is blue.", "He walks right!", "Add the dog");
        CritiqueAlignment a = CritiqueAlignment.align("The coat is blue.", SENTINEL, SENTINEL);
        assertThat(a.precision().getAsDouble()).isEqualTo(0.0);
        assertThat(a.recall()).isEmpty();
    }
}
