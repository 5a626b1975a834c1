// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collection;
import java.util.SortedSet;

/**
 * One answer of a primitive-labeling form (specification §2.3, §3.5). JSON: an object with a {@code kind}
 * discriminator ({@code choice}, {@code tri_state}, {@code start_end}, {@code multi_choice}, {@code free_text}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LabelValue.Choice.class, name = "choice"),
        @JsonSubTypes.Type(value = LabelValue.TriState.class, name = "tri_state"),
        @JsonSubTypes.Type(value = LabelValue.StartEnd.class, name = "start_end"),
        @JsonSubTypes.Type(value = LabelValue.MultiChoice.class, name = "multi_choice"),
        @JsonSubTypes.Type(value = LabelValue.FreeText.class, name = "free_text")
})
public sealed interface LabelValue {

    /** The value id the specification uses for N/A / not sure. */
    String UNKNOWN = "unknown";

    /** A single-choice answer: one value id of the group ({@code unknown} for N/A). */
    record Choice(@JsonProperty("value") String valueId) implements LabelValue {
        public Choice {
            Checks.identifier(valueId, "choice value");
        }
    }

    /** A yes / no / not-sure answer to a boolean question. */
    record TriState(@JsonProperty("value") Answer value) implements LabelValue {
        public TriState {
            Checks.required(value, "yes/no answer");
        }
    }

    /** The three answers of a boolean question; {@code UNSURE} is never a guess and derives to unknown. */
    enum Answer {
        @JsonProperty("yes") YES,
        @JsonProperty("no") NO,
        @JsonProperty("unsure") UNSURE
    }

    /**
     * A start/end pair (shot size, heights, angle, focus plane). The end question's N/A means "no change": an
     * end given as {@code unknown}, or {@code endUnchanged = true}, is normalised to {@code end = start,
     * endUnchanged = true} (specification §3.5).
     *
     * @param start        the start value id
     * @param end          the end value id (may be null when {@code endUnchanged})
     * @param endUnchanged whether the end was answered N/A, i.e. equals the start
     */
    record StartEnd(
            @JsonProperty("start") String start,
            @JsonProperty("end") String end,
            @JsonProperty("end_unchanged") boolean endUnchanged) implements LabelValue {
        public StartEnd {
            Checks.identifier(start, "start value");
            if (end == null && !endUnchanged) {
                throw new InvalidValueException("End value is missing; answer it, or mark it unchanged.");
            }
            if (endUnchanged || UNKNOWN.equals(end)) {
                if (end != null && !end.equals(start) && !UNKNOWN.equals(end)) {
                    throw new InvalidValueException("End value '" + end + "' contradicts 'unchanged' (start is '"
                            + start + "').");
                }
                end = start;
                endUnchanged = true;
            }
            Checks.identifier(end, "end value");
        }

        /** A pair whose end is N/A (unchanged). */
        public static StartEnd unchanged(String start) {
            return new StartEnd(start, null, true);
        }
    }

    /** A multi-select answer: any subset of the group's value ids (kept sorted). */
    record MultiChoice(@JsonProperty("values") SortedSet<String> valueIds) implements LabelValue {
        public MultiChoice {
            valueIds = Checks.sortedSet(valueIds, "multi-choice values");
            for (String v : valueIds) {
                Checks.identifier(v, "multi-choice value");
            }
        }

        public static MultiChoice of(Collection<String> valueIds) {
            return new MultiChoice(Checks.sortedSet(valueIds, "multi-choice values"));
        }
    }

    /** A free-text answer (the "describe if complex" fields); may be empty. */
    record FreeText(@JsonProperty("text") String text) implements LabelValue {
        public FreeText {
            Checks.required(text, "free text");
        }
    }
}
