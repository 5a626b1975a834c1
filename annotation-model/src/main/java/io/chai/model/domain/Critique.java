// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * The critique of a pre-caption (steps D, E, G; specification §4.3).
 *
 * @param raw       what the annotator typed ({@code initial_feedback}), not empty
 * @param polished  the polisher model's rewrite ({@code gpt_feedback}), when one was run
 * @param polisher  the polisher's provenance ({@code gpt_feedback_llm}, {@code gpt_feedback_prompt}); present
 *                  exactly when {@code polished} is
 * @param finalText the critique as accepted ({@code final_feedback}), not empty
 * @param items     span-anchored findings on the pre-caption (may be empty)
 */
public record Critique(
        @JsonProperty("initial_feedback") String raw,
        @JsonProperty("gpt_feedback") Optional<String> polished,
        @JsonProperty("polisher") Optional<Provenance> polisher,
        @JsonProperty("final_feedback") String finalText,
        @JsonProperty("items") List<CritiqueItem> items) {

    public Critique {
        Checks.nonBlank(raw, "critique");
        polished = Checks.opt(polished);
        polisher = Checks.opt(polisher);
        polished.ifPresent(p -> Checks.nonBlank(p, "polished critique"));
        if (polished.isPresent() != polisher.isPresent()) {
            throw new InvalidValueException("A polished critique and its polisher provenance go together.");
        }
        Checks.nonBlank(finalText, "final critique");
        items = Checks.list(items, "critique items");
    }

    /** A critique as typed, not polished: the final text is the raw text. */
    public static Critique typed(String raw, List<CritiqueItem> items) {
        return new Critique(raw, Optional.empty(), Optional.empty(), raw, items);
    }

    /** A copy with the polisher's output, which also becomes the final text. */
    public Critique withPolished(String text, Provenance by) {
        return new Critique(raw, Optional.of(text), Optional.of(by), text, items);
    }

    /** A copy whose final text is {@code text} (an edit by hand). */
    public Critique withFinalText(String text) {
        return new Critique(raw, polished, polisher, text, items);
    }

    /** A copy with these span items. */
    public Critique withItems(List<CritiqueItem> newItems) {
        return new Critique(raw, polished, polisher, finalText, newItems);
    }
}
