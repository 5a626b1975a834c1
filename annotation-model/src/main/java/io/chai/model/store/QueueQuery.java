// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.workflow.WorkflowState;

/**
 * A work-queue filter; null means "any". {@code assignee} "" selects unassigned work. Results are ordered by
 * import order; {@code afterClipNo} is the cursor of the next page (0 for the first).
 */
public record QueueQuery(String aspect, WorkflowState state, String assignee, String tag, long afterClipNo, int limit) {
    public QueueQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static QueueQuery all(int limit) {
        return new QueueQuery(null, null, null, null, 0, limit);
    }
}
