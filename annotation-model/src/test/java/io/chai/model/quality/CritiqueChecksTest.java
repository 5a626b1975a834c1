// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.domain.CritiqueItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CritiqueChecksTest {
    private static final String PRE = "A man in a red coat walks left across a snowy street. He carries a bag and he"
            + " looks at his phone.";

    @Test
    void nitpickShortCritique() {
        assertThat(CritiqueChecks.nitpickOnly(PRE, "Fix the comma.", PRE.replace("street.", "street,"), List.of()))
                .get().extracting(Finding::detail).asString().contains("very short");
    }

    @Test
    void nitpickFormattingOnlyCaptionChange() {
        String post = PRE.replace("A man in a red coat", "a man in a red coat,");
        assertThat(CritiqueChecks.nitpickOnly(PRE, "Please start with a lower-case article and add a pause after coat.",
                post, List.of())).get().extracting(Finding::detail).asString().contains("case, punctuation");
    }

    @Test
    void nitpickWordingOnlyCritique() {
        assertThat(CritiqueChecks.nitpickOnly(PRE, "The phrasing of the second sentence is awkward. Fix the grammar"
                + " in the first sentence.", PRE, List.of())).get().extracting(Finding::detail).asString()
                .contains("wording");
    }

    @Test
    void nitpickWritingItems() {
        var item = CritiqueItem.of(PRE, 0, 5, CritiqueItem.ErrorType.WRITING, "style");
        assertThat(CritiqueChecks.nitpickOnly(PRE, "The opening of this caption could sound much better overall.",
                PRE, List.of(item))).isPresent();
    }

    @Test
    void notNitpickForAVisualCorrection() {
        String post = PRE.replace("red", "blue");
        assertThat(CritiqueChecks.nitpickOnly(PRE, "The coat is blue, not red, and the man walks left.", post,
                List.of(CritiqueItem.of(PRE, 11, 14, CritiqueItem.ErrorType.IMPRECISION, "blue")))).isEmpty();
    }

    @Test
    void globalEditRepeatedPronounSwap() {
        String post = PRE.replace("A man", "A woman").replace("He ", "She ").replace("and he", "and she")
                .replace("his", "her");
        assertThat(CritiqueChecks.globalEdit(PRE, post)).get().extracting(Finding::detail).asString()
                .isEqualTo("'he' → 'she' applied 2 times");
    }

    @Test
    void noGlobalEditForOneFix() {
        assertThat(CritiqueChecks.globalEdit(PRE, PRE.replace("red", "blue"))).isEmpty();
    }

    @Test
    void directEditBeyondTheCritique() {
        String post = PRE.replace("red", "blue").replace("He carries a bag", "A dog barks at a passing taxi");
        assertThat(CritiqueChecks.directEdit(PRE, "The coat is blue, not red.", post)).get()
                .extracting(Finding::detail).asString().startsWith("7 of 9 changed words").contains("dog");
    }

    @Test
    void noDirectEditWhenTheCritiqueExplainsTheChange() {
        String post = PRE.replace("red", "blue").replace("walks left", "walks right");
        assertThat(CritiqueChecks.directEdit(PRE, "The coat is blue, not red. He walks right, not left.", post))
                .isEmpty();
    }

    @Test
    void nonConstructiveComplaintWithoutFix() {
        assertThat(CritiqueChecks.nonConstructive("The camera movement is described wrongly.")).isPresent();
        assertThat(CritiqueChecks.nonConstructive("1. The coat is blue, not red.\n2. The color of the bag is wrong."))
                .get().extracting(Finding::detail).asString().contains("bag");
    }

    @Test
    void constructiveCritiquesPass() {
        assertThat(CritiqueChecks.nonConstructive("1. There are three horses, not one. 2. The nearest horse is black;"
                + " the two behind it are brown.")).isEmpty();
        assertThat(CritiqueChecks.nonConstructive("The direction is wrong: he walks right.")).isEmpty();
        assertThat(CritiqueChecks.nonConstructive("The camera move is wrong; it should be a dolly in.")).isEmpty();
    }
}
