// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a primitive group is answered and stored. */
public enum PrimitiveKind {
    /** Exactly one value id, stored as a String. */
    SINGLE,
    /** true/false, stored as a Boolean. */
    BOOLEAN,
    /** Any subset of the values, stored as a Set of value ids. */
    MULTI,
    /** Two fields (start, end) sharing one value list, each stored as a String. */
    START_END,
    /** Free text, stored as a String. */
    TEXT;

    /** The id used in YAML and JSON ({@code start_end}). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code id}, or null. */
    static PrimitiveKind of(String id) {
        for (PrimitiveKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }

    /** Whether groups of this kind carry an enumerated value list. */
    public boolean hasValueList() {
        return this == SINGLE || this == MULTI || this == START_END;
    }

    /** How many stored fields a group of this kind has. */
    public int fieldCount() {
        return this == START_END ? 2 : 1;
    }
}
