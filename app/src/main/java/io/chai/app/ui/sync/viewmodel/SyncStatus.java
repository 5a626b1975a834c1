// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync.viewmodel;

import io.chai.model.sync.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the sync indicator shows about the project's shared store, read off the UI thread.
 *
 * @param lastSync  when this copy last finished a sync with the store; empty when never
 * @param pending   revisions of this device the next sync would push ({@code SyncEngine.pendingPush})
 * @param conflicts the unresolved conflicts in the project's log
 */
public record SyncStatus(Optional<Instant> lastSync, long pending, List<Conflict> conflicts) {
    public SyncStatus {
        conflicts = List.copyOf(conflicts);
    }
}
