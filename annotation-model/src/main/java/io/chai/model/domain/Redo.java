// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reviewer's replacement version on rejection (step H "reject and redo"): their own rating, critique and
 * caption of the same pre-caption, which become the ground truth.
 *
 * @param rating  the reviewer's rating of the pre-caption
 * @param critique the reviewer's critique
 * @param caption the reviewer's post-caption
 */
public record Redo(
        @JsonProperty("initial_caption_rating_score") Rating rating,
        @JsonProperty("critique") Critique critique,
        @JsonProperty("post_caption") PostCaption caption) {

    public Redo {
        Checks.required(rating, "reviewer's rating");
        Checks.required(critique, "reviewer's critique");
        Checks.required(caption, "reviewer's caption");
    }
}
