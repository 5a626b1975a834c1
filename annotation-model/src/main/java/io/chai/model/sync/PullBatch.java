// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import java.util.List;
import java.util.Objects;

/**
 * Records from other devices after a pull cursor, the cursor to ask from next time, and whether more remain.
 * Cursors are opaque strings owned by the store kind.
 */
public record PullBatch(List<SyncRecord> records, String nextCursor, boolean more) {
    public PullBatch {
        records = List.copyOf(records);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
