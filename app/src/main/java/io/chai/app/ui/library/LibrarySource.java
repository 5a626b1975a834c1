// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.model.store.ClipTable;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.SearchHit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Where the library's data comes from (blocking calls; the view model makes them off the UI thread). */
public interface LibrarySource {
    /** Every clip of the project. */
    ClipTable load();

    /**
     * {@code table} with the rows of {@code clipIds} read again (states, assignees, tags); empty when one of them
     * is not in the table (load it again instead).
     */
    Optional<ClipTable> update(ClipTable table, Collection<String> clipIds);

    /** Ids of clips whose current captions, critiques or reviews match {@code text} (at most {@code limit} hits). */
    Set<String> search(String text, int limit);

    /**
     * The next clip after {@code afterClipNo} (import order, wrapping) with an aspect assigned to {@code user} that
     * still needs work.
     */
    Optional<String> nextAssigned(String user, long afterClipNo);

    /** A source over a project store. */
    static LibrarySource of(ProjectStore store) {
        return new LibrarySource() {
            @Override
            public ClipTable load() {
                return ClipTable.load(store);
            }

            @Override
            public Optional<ClipTable> update(ClipTable table, Collection<String> clipIds) {
                return table.withClips(store, clipIds);
            }

            @Override
            public Set<String> search(String text, int limit) {
                Set<String> ids = new HashSet<>();
                for (SearchHit h : store.search(text, limit)) {
                    ids.add(h.clipId());
                }
                return ids;
            }

            @Override
            public Optional<String> nextAssigned(String user, long afterClipNo) {
                return ClipTable.nextAssigned(store, user, afterClipNo);
            }
        };
    }
}
