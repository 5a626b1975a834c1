// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/** A stored field name and the group that declares it (start and end of a start_end group share the group). */
public record FieldRef(String field, PrimitiveGroup group) {
    public PrimitiveKind kind() {
        return group.kind();
    }
}
