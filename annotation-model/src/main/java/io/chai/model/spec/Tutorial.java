// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.spec;

/** Annotator guidance for a primitive group; either part may be empty. */
public record Tutorial(String lookFor, String confusions) {
    public static final Tutorial NONE = new Tutorial("", "");
}
