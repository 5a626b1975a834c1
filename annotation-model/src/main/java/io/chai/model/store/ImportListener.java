// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/** Progress of an import, called on the importing thread after each committed batch. */
@FunctionalInterface
public interface ImportListener {
    /** {@code done} of {@code total} files looked at so far in this run (including earlier sessions of it). */
    void progress(int done, int total, int imported, int duplicates, int skipped);

    ImportListener NONE = (done, total, imported, duplicates, skipped) -> { };
}
