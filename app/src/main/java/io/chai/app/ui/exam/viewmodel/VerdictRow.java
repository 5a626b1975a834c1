// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.model.exam.PrimitiveVerdict;

/**
 * One answered question of the exam as shown to the trainee: the question, their answer, the reference answer and
 * its definition (from the specification), and the verdict.
 *
 * @param yourDefinition the definition of the trainee's answer (to compare with the reference's when wrong)
 */
public record VerdictRow(String field, String question, String yours, String reference, String definition,
        String yourDefinition, PrimitiveVerdict.Verdict verdict) {

    public boolean right() {
        return verdict == PrimitiveVerdict.Verdict.RIGHT;
    }

    /** "✓ Right" / "✗ Wrong" / "– No answer". */
    public String mark() {
        return switch (verdict) {
            case RIGHT -> "✓ Right";
            case WRONG -> "✗ Wrong";
            case UNANSWERED -> "– No answer";
        };
    }

    /** One line: "✗ Wrong — Shot size (end): you said Medium; the reference is Close-up." */
    public String sentence() {
        return mark() + " — " + question + ": you said " + yours + (right() ? "." : "; the reference is " + reference
                + ".");
    }
}
