// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.quality;

import io.chai.model.domain.Aspect;

/**
 * The optional model judge of critique constructiveness, beside the rule-based detector
 * ({@link CritiqueChecks#nonConstructive}): asked about a critique the rules let pass, it says whether every point
 * states what is wrong and what the caption should say instead. Implemented outside this module (the app asks a
 * configured model server), so that annotation-model does not depend on a model client.
 */
public interface CritiqueJudge {
    /**
     * The judge's verdict.
     *
     * @param constructive whether the critique is constructive
     * @param reason       the judge's one-line reason (may be empty)
     * @param model        the model that judged, for the finding's detail
     */
    record Verdict(boolean constructive, String reason, String model) {
    }

    /**
     * Judges one critique of {@code caption}; failures (server down, an answer that is no verdict) surface as a
     * {@code UserFacingException} with one line.
     */
    Verdict judge(Aspect aspect, String caption, String critique);
}
