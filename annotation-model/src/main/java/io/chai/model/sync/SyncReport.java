// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import java.util.List;

/**
 * What one sync did: clips and revisions pushed, records pulled, revisions newly applied here, revisions still
 * waiting for their clip's record to arrive, and the conflicts among what was pulled.
 */
public record SyncReport(long pushedClips, long pushedRevisions, long pulledRecords, long appliedRevisions,
        int waitingRevisions, List<Conflict> conflicts) {
    public SyncReport {
        conflicts = List.copyOf(conflicts);
    }
}
