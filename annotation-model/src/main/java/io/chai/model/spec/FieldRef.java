// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/** A stored field name and the group that declares it. */
record FieldRef(String field, PrimitiveGroup group) {
    PrimitiveKind kind() {
        return group.kind();
    }
}
