// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One author's answers to the primitive-labeling forms of a clip (step A).
 *
 * <p>Keys are stored field names of the specification, except for a {@link LabelValue.StartEnd}, which is keyed
 * by the stem {@code X} of its two fields {@code X_start} / {@code X_end} (e.g. {@code shot_size}).
 *
 * @param values    field → answer, kept sorted by field
 * @param author    who answered (a person or a model's id)
 * @param labeledAt when the answers were saved
 */
public record PrimitiveLabels(
        @JsonProperty("values") SortedMap<String, LabelValue> values,
        @JsonProperty("author") UserId author,
        @JsonProperty("labeled_at") Instant labeledAt) {

    public PrimitiveLabels {
        values = Checks.sortedMap(values, "primitive labels");
        for (String field : values.keySet()) {
            Checks.identifier(field, "primitive field");
        }
        for (Map.Entry<String, LabelValue> e : values.entrySet()) {
            if (e.getValue() instanceof LabelValue.StartEnd) {
                for (String suffix : new String[] {"_start", "_end", "_end_was_na"}) {
                    if (values.containsKey(e.getKey() + suffix)) {
                        throw new InvalidValueException("Primitive field '" + e.getKey() + suffix
                                + "' clashes with the start/end pair '" + e.getKey() + "'.");
                    }
                }
            }
        }
        Checks.required(author, "label author");
        Checks.required(labeledAt, "label time");
    }

    /** Builds labels from any map. */
    public static PrimitiveLabels of(Map<String, LabelValue> values, UserId author, Instant labeledAt) {
        return new PrimitiveLabels(Checks.sortedMap(values, "primitive labels"), author, labeledAt);
    }

    /** A copy with {@code field} set to {@code value}. */
    public PrimitiveLabels with(String field, LabelValue value) {
        TreeMap<String, LabelValue> copy = new TreeMap<>(values);
        copy.put(field, value);
        return new PrimitiveLabels(copy, author, labeledAt);
    }

    /**
     * The plain stored form the derivation engine evaluates rules on: field → {@code String} (a value id or free
     * text), {@code Boolean}, or {@code Set<String>}. A {@link LabelValue.TriState} {@code UNSURE} is left out
     * (unset = unknown); a start/end pair keyed {@code X} becomes {@code X_start}, {@code X_end} and the Boolean
     * {@code X_end_was_na}. Sorted by field; unmodifiable.
     */
    public SortedMap<String, Object> toStoredMap() {
        TreeMap<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, LabelValue> e : values.entrySet()) {
            String field = e.getKey();
            LabelValue value = e.getValue();
            if (value instanceof LabelValue.Choice c) {
                out.put(field, c.valueId());
            } else if (value instanceof LabelValue.TriState t) {
                if (t.value() != LabelValue.Answer.UNSURE) {
                    out.put(field, t.value() == LabelValue.Answer.YES);
                }
            } else if (value instanceof LabelValue.StartEnd se) {
                out.put(field + "_start", se.start());
                out.put(field + "_end", se.end());
                out.put(field + "_end_was_na", se.endUnchanged());
            } else if (value instanceof LabelValue.MultiChoice m) {
                out.put(field, m.valueIds());
            } else if (value instanceof LabelValue.FreeText f) {
                out.put(field, f.text());
            }
        }
        return Collections.unmodifiableSortedMap(out);
    }
}
