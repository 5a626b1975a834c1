// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * The coarse state of one (clip, aspect) used by work queues and status counts, derived from the current values
 * only. The names of the last three match the export statuses of the reference records.
 */
public enum QueueState {
    /** No pre-caption, rating, critique, post-caption or review yet. */
    NOT_STARTED,
    /** Some work exists but no accepted post-caption. */
    IN_PROGRESS,
    /** An accepted post-caption and no review. */
    COMPLETED_NOT_REVIEWED,
    /** The current review approves. */
    APPROVED,
    /** The current review rejects (the reviewer's redo becomes the reference). */
    REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QueueState fromId(String id) {
        for (QueueState s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + id + "' (known: not_started, in_progress,"
                + " completed_not_reviewed, approved, rejected)");
    }

    /**
     * Derives the state from the current (non-cleared) values of one (clip, aspect), keyed by kind. A review whose
     * decision is neither approve nor reject does not count.
     */
    public static QueueState derive(Map<RevisionKind, JsonNode> current) {
        JsonNode review = current.get(RevisionKind.REVIEW);
        if (review != null) {
            String decision = review.path("decision").asText("");
            if (decision.equals("approve")) {
                return APPROVED;
            }
            if (decision.equals("reject")) {
                return REJECTED;
            }
        }
        JsonNode post = current.get(RevisionKind.POST_CAPTION);
        if (post != null && post.path("accepted").asBoolean(false)) {
            return COMPLETED_NOT_REVIEWED;
        }
        for (RevisionKind k : new RevisionKind[] {RevisionKind.PRE_CAPTION, RevisionKind.RATING,
                RevisionKind.CRITIQUE, RevisionKind.POST_CAPTION, RevisionKind.REVIEW}) {
            if (current.containsKey(k)) {
                return IN_PROGRESS;
            }
        }
        return NOT_STARTED;
    }
}
