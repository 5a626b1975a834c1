// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Checks;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;

/**
 * An intermediate critique / post-caption pair of the refinement loop (step G), kept when the critique is edited
 * or re-polished, or the caption regenerated, after a post-caption existed.
 *
 * @param critique the critique at that point
 * @param caption  the post-caption it produced
 */
public record Iteration(
        @JsonProperty("critique") Critique critique,
        @JsonProperty("post_caption") PostCaption caption) {

    public Iteration {
        Checks.required(critique, "iteration critique");
        Checks.required(caption, "iteration caption");
    }
}
