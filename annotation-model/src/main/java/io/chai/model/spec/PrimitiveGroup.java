// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A primitive group: one question on a form, stored under {@code fields} (two for {@link PrimitiveKind#START_END}).
 * Boolean groups carry the values {@code true}/{@code false}; text groups none. {@code defaultValues} holds the
 * default value id ("true"/"false" for booleans; any number of ids for multi groups), empty when there is none.
 */
public record PrimitiveGroup(String id, String form, String name, String question, PrimitiveKind kind,
        List<String> fields, boolean ordered, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> defaultValues,
        List<String> tags, String describeIfComplex, Tutorial tutorial, List<PrimitiveValue> values) {

    public PrimitiveGroup {
        fields = List.copyOf(fields);
        defaultValues = List.copyOf(defaultValues);
        tags = List.copyOf(tags);
        values = List.copyOf(values);
    }

    public Optional<PrimitiveValue> value(String valueId) {
        return values.stream().filter(v -> v.id().equals(valueId)).findFirst();
    }

    public boolean hasValue(String valueId) {
        return value(valueId).isPresent();
    }

    /** Position of a value in the list (its rank for ordered groups), or -1. */
    public int rank(String valueId) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).id().equals(valueId)) {
                return i;
            }
        }
        return -1;
    }

    /** The values an annotator can pick, {@code unknown} excluded. */
    @JsonIgnore
    public List<PrimitiveValue> knownValues() {
        return values.stream().filter(v -> !v.isUnknown()).toList();
    }

    /** The single default value id, or empty (multi groups may have several: see {@link #defaultValues()}). */
    @JsonIgnore
    public Optional<String> defaultValue() {
        return defaultValues.size() == 1 && kind != PrimitiveKind.MULTI ? Optional.of(defaultValues.get(0))
                : Optional.empty();
    }

    /** The start field of a start_end group (the only field otherwise). */
    @JsonIgnore
    public String startField() {
        return fields.get(0);
    }

    /** The end field of a start_end group; throws for other kinds. */
    @JsonIgnore
    public String endField() {
        if (kind != PrimitiveKind.START_END) {
            throw new IllegalStateException("group " + id + " is not start_end");
        }
        return fields.get(1);
    }

    /** The field recording that a start_end group's end was N/A and was replaced by the start. */
    @JsonIgnore
    public String endWasNaField() {
        return endField() + "_was_na";
    }
}
