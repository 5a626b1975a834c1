// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.exam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Critique;
import io.chai.model.domain.PostCaption;
import io.chai.model.domain.PreCaption;
import io.chai.model.domain.Rating;
import java.util.Objects;

/**
 * The expert's reference for one (clip, aspect) of an exam: the pre-caption the expert critiqued (the trainee gets
 * the same one), the expert's rating, critique (with its span items) and post-caption.
 */
public record ReferenceCaption(
        @JsonProperty("pre_caption") PreCaption preCaption,
        @JsonProperty("rating") Rating rating,
        @JsonProperty("critique") Critique critique,
        @JsonProperty("post_caption") PostCaption postCaption) {
    public ReferenceCaption {
        Objects.requireNonNull(preCaption, "pre_caption");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(critique, "critique");
        Objects.requireNonNull(postCaption, "post_caption");
    }
}
