// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.chai.model.workflow.WorkflowState;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the store names and derives the {@link WorkflowState} of one (clip, aspect) from its current values, for
 * work queues and status counts. The stored name is the state's JSON name ({@code not_started}, {@code
 * precaptioned}, ...). The rules (docs/store.md) look only at current values and their clocks, so the derived
 * state is the same whatever order revisions arrive in.
 */
public final class WorkStates {
    private WorkStates() {
    }

    /** The current value of one kind: its payload (never JSON null here) and its clock. */
    public record Current(JsonNode payload, Hlc hlc) {
    }

    public static String id(WorkflowState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or typed state name; throws a user-facing error naming the known ones. */
    public static WorkflowState parse(String id) {
        for (WorkflowState s : WorkflowState.values()) {
            if (id(s).equals(id)) {
                return s;
            }
        }
        throw new ProjectStoreException("unknown state '" + id + "' (known: " + Arrays.stream(WorkflowState.values())
                .map(WorkStates::id).collect(Collectors.joining(", ")) + ")");
    }

    /** The 1-5 score of a rating payload ({@code 4} or {@code {"score": 4}}), 0 when absent. */
    static int score(JsonNode rating) {
        return rating.isInt() ? rating.asInt() : rating.path("score").asInt(0);
    }

    /**
     * Derives the state from the current non-cleared values of one (clip, aspect):
     * a review (approve/reject) newer than the last submission decides; else a submission with
     * {@code submitted: true} means submitted; else a post-caption newer than the critique (or a 5 rating of a
     * pre-caption) means revised; else a critique means critiqued; else a pre-caption means precaptioned.
     */
    public static WorkflowState derive(Map<RevisionKind, Current> current) {
        Current review = current.get(RevisionKind.REVIEW);
        Current sub = current.get(RevisionKind.SUBMISSION);
        if (review != null && (sub == null || review.hlc().compareTo(sub.hlc()) > 0)) {
            String decision = review.payload().path("decision").asText("");
            if (decision.equals("approve")) {
                return WorkflowState.APPROVED;
            }
            if (decision.equals("reject")) {
                return WorkflowState.REJECTED;
            }
        }
        if (sub != null && sub.payload().path("submitted").asBoolean(false)) {
            return WorkflowState.SUBMITTED;
        }
        Current post = current.get(RevisionKind.POST_CAPTION);
        Current crit = current.get(RevisionKind.CRITIQUE);
        Current rating = current.get(RevisionKind.RATING);
        Current pre = current.get(RevisionKind.PRE_CAPTION);
        if (post != null && (crit == null || post.hlc().compareTo(crit.hlc()) > 0)) {
            return WorkflowState.REVISED;
        }
        if (rating != null && pre != null && score(rating.payload()) == 5) {
            return WorkflowState.REVISED;
        }
        if (crit != null) {
            return WorkflowState.CRITIQUED;
        }
        if (pre != null) {
            return WorkflowState.PRECAPTIONED;
        }
        return WorkflowState.NOT_STARTED;
    }
}
