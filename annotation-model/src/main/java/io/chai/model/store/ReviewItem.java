// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/**
 * A submitted (clip, aspect) waiting for review, as one reviewer's queue lists it ({@link ProjectStore#reviewQueue});
 * {@code assignedReviewer} is the {@code reviewer} named by its current assignment, or null.
 */
public record ReviewItem(long clipNo, String clipId, String aspect, String assignedReviewer) {
}
