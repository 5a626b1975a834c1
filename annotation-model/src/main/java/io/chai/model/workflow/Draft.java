// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Checks;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import java.util.List;
import java.util.Optional;

/**
 * Work on a pre-caption that was replaced by a regeneration before submission (append-only history, so no
 * generation or critique is ever lost; specification §4.2 [I]).
 *
 * @param preCaption     the replaced pre-caption
 * @param gatingOverride the override it was generated under, if any
 * @param rating         its rating, if given
 * @param critique       its critique, if given
 * @param caption        its post-caption, if any
 * @param iterations     its refinement history
 */
public record Draft(
        @JsonProperty("precaption") PreCaption preCaption,
        @JsonProperty("gating_override") Optional<GatingOverride> gatingOverride,
        @JsonProperty("initial_caption_rating_score") Optional<Rating> rating,
        @JsonProperty("critique") Optional<Critique> critique,
        @JsonProperty("post_caption") Optional<PostCaption> caption,
        @JsonProperty("iterations") List<Iteration> iterations) {

    public Draft {
        Checks.required(preCaption, "draft pre-caption");
        gatingOverride = Checks.opt(gatingOverride);
        rating = Checks.opt(rating);
        critique = Checks.opt(critique);
        caption = Checks.opt(caption);
        iterations = Checks.list(iterations, "draft iterations");
    }
}
