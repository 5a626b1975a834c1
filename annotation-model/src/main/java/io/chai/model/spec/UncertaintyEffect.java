// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an uncertainty rule does to its target labels. */
public enum UncertaintyEffect {
    /** A target label that would be NO becomes UNKNOWN; YES stays. */
    NEGATIVES_UNKNOWN,
    /** Every target label becomes UNKNOWN. */
    ALL_UNKNOWN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UncertaintyEffect of(String id) {
        for (UncertaintyEffect e : values()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }

    TriState apply(TriState s) {
        return this == ALL_UNKNOWN || s == TriState.NO ? TriState.UNKNOWN : s;
    }
}
