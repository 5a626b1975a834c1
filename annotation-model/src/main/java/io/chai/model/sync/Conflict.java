// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.util.List;

/**
 * Concurrent revisions of one (clip, aspect, kind): two or more "heads" (revisions no other revision of the same
 * value names as a parent) with different payloads, typically edits made offline on different workstations. All
 * heads stay in the log; the current value is the newest by clock until someone resolves the conflict with a merge
 * revision whose parents are all heads ({@link Conflicts#resolve}).
 */
public record Conflict(String clipId, String aspect, RevisionKind kind, List<Revision> heads) {
    public Conflict {
        heads = List.copyOf(heads);
    }

    /** The distinct authors of the heads. */
    public List<String> authors() {
        return heads.stream().map(Revision::author).distinct().sorted().toList();
    }
}
