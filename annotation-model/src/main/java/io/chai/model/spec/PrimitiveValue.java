// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/** One value of a primitive group: its stored id, the annotator-facing label and a one-line definition. */
public record PrimitiveValue(String id, String label, String definition) {
    /** The value id meaning N/A / not sure; never a guess. */
    public static final String UNKNOWN = "unknown";

    public boolean isUnknown() {
        return UNKNOWN.equals(id);
    }
}
