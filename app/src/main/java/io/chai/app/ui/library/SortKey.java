// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import java.util.Objects;

/** One level of the library's sort order. */
public record SortKey(LibraryColumn column, boolean ascending) {
    public SortKey {
        Objects.requireNonNull(column);
    }
}
