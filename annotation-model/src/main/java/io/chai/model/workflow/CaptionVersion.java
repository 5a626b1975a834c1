// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Checks;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.Rating;
import io.chai.model.domain.UserId;
import java.time.Instant;

/**
 * One accepted version of a triplet's human part: the annotator's submission or a reviewer's redo. This is what
 * an export writes as {@code caption_data} or {@code negative_example} (with the pre-caption fields added).
 *
 * @param author   who accepted it ({@code user}; for a redo the reviewer)
 * @param at       when ({@code timestamp})
 * @param rating   rating of the pre-caption ({@code initial_caption_rating_score})
 * @param critique the critique ({@code final_feedback} and friends)
 * @param caption  the post-caption ({@code final_caption} and friends)
 */
public record CaptionVersion(
        @JsonProperty("user") UserId author,
        @JsonProperty("timestamp") Instant at,
        @JsonProperty("initial_caption_rating_score") Rating rating,
        @JsonProperty("critique") Critique critique,
        @JsonProperty("post_caption") PostCaption caption) {

    public CaptionVersion {
        Checks.required(author, "version author");
        Checks.required(at, "version time");
        Checks.required(rating, "rating");
        Checks.required(critique, "critique");
        Checks.required(caption, "post-caption");
    }

    /** {@code perfect_precaption} for rating 5, else {@code improved_precaption}. */
    public WorkflowType workflowType() {
        return WorkflowType.of(rating);
    }
}
