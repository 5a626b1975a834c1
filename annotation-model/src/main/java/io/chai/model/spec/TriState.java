// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Three-valued (Kleene) truth, also the state of a derived yes/no label: YES (true), NO (false), UNKNOWN.
 * {@code !UNKNOWN = UNKNOWN}, {@code NO && x = NO}, {@code YES || x = YES}.
 */
public enum TriState {
    YES, NO, UNKNOWN;

    public static TriState of(boolean b) {
        return b ? YES : NO;
    }

    public TriState not() {
        return this == YES ? NO : this == NO ? YES : UNKNOWN;
    }

    public TriState and(TriState o) {
        if (this == NO || o == NO) {
            return NO;
        }
        return this == YES && o == YES ? YES : UNKNOWN;
    }

    public TriState or(TriState o) {
        if (this == YES || o == YES) {
            return YES;
        }
        return this == NO && o == NO ? NO : UNKNOWN;
    }

    /** {@code yes}, {@code no}, {@code unknown}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
