// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.model.store.NewClip;
import io.chai.model.store.Revision;

/**
 * One entry that travels through a shared store: a clip's record (so that revisions about it can be applied on a
 * copy that never imported it) or a revision of the log.
 */
public sealed interface SyncRecord permits SyncRecord.ClipEntry, SyncRecord.RevisionEntry {

    /** A clip registered by content hash; applying it twice is harmless. */
    record ClipEntry(NewClip clip) implements SyncRecord {
    }

    /** A revision; applying it twice is harmless (identity = UUID). */
    record RevisionEntry(Revision revision) implements SyncRecord {
    }
}
