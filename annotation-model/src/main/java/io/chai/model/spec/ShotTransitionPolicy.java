// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an aspect caption does for a clip with a shot transition. */
public enum ShotTransitionPolicy {
    /** Describe each segment. */
    DESCRIBE_SEGMENTS,
    /** The clip is excluded from this aspect. */
    EXCLUDE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy named {@code id}, or null. */
    static ShotTransitionPolicy of(String id) {
        for (ShotTransitionPolicy p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
