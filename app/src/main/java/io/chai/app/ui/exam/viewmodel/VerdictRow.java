// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam.viewmodel;

import io.chai.model.exam.PrimitiveVerdict;

/**
 * One answered question of the exam as shown to the trainee: the question, their answer, the reference answer and
 * its definition (from the specification), and the verdict; with the answer that is scored, their first one (the
 * verdict showed the reference, so a later change is for learning and does not change the score).
 *
 * @param yourDefinition the definition of the trainee's answer (to compare with the reference's when wrong)
 * @param scoredAnswer   the trainee's first answer to the question (the same as {@code yours} when unchanged)
 * @param scoredVerdict  the verdict on {@code scoredAnswer}: the one the exam's scores count
 */
public record VerdictRow(String field, String question, String yours, String reference, String definition,
        String yourDefinition, PrimitiveVerdict.Verdict verdict, String scoredAnswer,
        PrimitiveVerdict.Verdict scoredVerdict) {

    public boolean right() {
        return verdict == PrimitiveVerdict.Verdict.RIGHT;
    }

    /** Whether the scored (first) answer is right. */
    public boolean scoredRight() {
        return scoredVerdict == PrimitiveVerdict.Verdict.RIGHT;
    }

    /** Whether the trainee changed the answer after its verdict (the first one still counts). */
    public boolean changed() {
        return !scoredAnswer.equals(yours);
    }

    /** "✓ Right" / "✗ Wrong" / "– No answer". */
    public String mark() {
        return switch (verdict) {
            case RIGHT -> "✓ Right";
            case WRONG -> "✗ Wrong";
            case UNANSWERED -> "– No answer";
        };
    }

    /** The scored answer with its mark: "✗ Human". */
    public String scoredText() {
        return (scoredRight() ? "✓ " : "✗ ") + scoredAnswer;
    }

    /**
     * One line: "✗ Wrong — Shot size (end): you said Medium; the reference is Close-up."; after a change, e.g.
     * "✓ Right — Shot type: you said Scenery. Your first answer, Human (wrong), is the one scored."
     */
    public String sentence() {
        return mark() + " — " + question + ": you said " + yours + (right() ? "." : "; the reference is " + reference
                + ".") + (changed() ? " Your first answer, " + scoredAnswer + " (" + (scoredRight() ? "right"
                : "wrong") + "), is the one scored." : "");
    }
}
