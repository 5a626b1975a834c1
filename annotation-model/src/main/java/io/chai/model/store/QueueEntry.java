// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/** One (clip, aspect) of a work queue; {@code assignee} is null when unassigned. */
public record QueueEntry(long clipNo, String clipId, String aspect, QueueState state, String assignee) {
}
