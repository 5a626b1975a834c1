// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The post-caption of a triplet (steps F, G; specification §4.3).
 *
 * @param text           the caption as accepted ({@code final_caption}), not empty
 * @param revised        the reviser model's output ({@code gpt_caption}); absent when written by hand or when the
 *                       pre-caption was kept (rating 5)
 * @param reviser        the reviser's provenance ({@code gpt_caption_llm}, {@code gpt_caption_prompt}); present
 *                       exactly when {@code revised} is
 * @param manuallyEdited true when {@code text} was typed or edited by hand rather than taken from the reviser or
 *                       the pre-caption (quality check "direct caption edit", §2.13)
 */
public record PostCaption(
        @JsonProperty("final_caption") String text,
        @JsonProperty("gpt_caption") Optional<String> revised,
        @JsonProperty("reviser") Optional<Provenance> reviser,
        @JsonProperty("manually_edited") boolean manuallyEdited) {

    public PostCaption {
        Checks.nonBlank(text, "post-caption");
        revised = Checks.opt(revised);
        reviser = Checks.opt(reviser);
        revised.ifPresent(r -> Checks.nonBlank(r, "revised caption"));
        if (revised.isPresent() != reviser.isPresent()) {
            throw new InvalidValueException("A revised caption and its reviser provenance go together.");
        }
    }

    /** The reviser's output taken as is. */
    public static PostCaption revisedBy(String text, Provenance reviser) {
        return new PostCaption(text, Optional.of(text), Optional.of(reviser), false);
    }

    /** The pre-caption kept verbatim (rating 5). */
    public static PostCaption keptPreCaption(PreCaption pre) {
        return new PostCaption(pre.text(), Optional.empty(), Optional.empty(), false);
    }

    /** A caption written by hand, with no reviser output. */
    public static PostCaption handWritten(String text) {
        return new PostCaption(text, Optional.empty(), Optional.empty(), true);
    }

    /** A copy whose text was edited by hand; flagged unless it equals the reviser's output again. */
    public PostCaption editedTo(String newText) {
        boolean edited = revised.map(r -> !r.equals(newText)).orElse(true);
        return new PostCaption(newText, revised, reviser, edited);
    }
}
