// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.workflow.WorkflowState;

/** One (clip, aspect) of a work queue; {@code assignee} is null when unassigned. */
public record QueueEntry(long clipNo, String clipId, String aspect, WorkflowState state, String assignee) {
}
