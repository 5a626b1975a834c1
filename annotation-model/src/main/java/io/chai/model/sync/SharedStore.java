// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import java.util.List;

/**
 * A place several copies of a project exchange their revision logs through: a shared folder ({@link FolderStore})
 * or a PostgreSQL database. Stores only ever add records; identity is the revision UUID (clips: content hash), so
 * every operation may be repeated after an interruption.
 */
public interface SharedStore extends AutoCloseable {

    /** Kind, location, id and specification version of the store. */
    StoreInfo info();

    /** How far the store has durably taken {@code deviceId}'s pushes ({@link PushCursor#START} when never). */
    PushCursor acknowledged(String deviceId);

    /**
     * Stores {@code records} made or held by {@code deviceId} and records {@code upTo} as its acknowledged cursor,
     * durably and all together, before returning. Clip entries come before the revisions that need them.
     */
    void push(String deviceId, List<SyncRecord> records, PushCursor upTo);

    /**
     * Up to about {@code limit} records from devices other than {@code deviceId} not yet covered by {@code cursor}
     * ({@code ""} = from the beginning).
     */
    PullBatch pull(String deviceId, String cursor, int limit);

    /**
     * True when this connection may push {@code r} (a store with per-person accounts takes only revisions authored
     * by the connected person; others stay local until their author syncs).
     */
    default boolean accepts(io.chai.model.store.Revision r) {
        return true;
    }

    /**
     * The account this connection pushes as ({@code ""} for stores without accounts); local sync state is kept per
     * account, since each person's push covers only their own revisions.
     */
    default String identity() {
        return "";
    }

    @Override
    void close();
}
