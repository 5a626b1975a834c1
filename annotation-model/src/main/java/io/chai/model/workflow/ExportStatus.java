// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The authors' per-aspect export {@code status} (specification §4.6), derived from {@link WorkflowState}. */
public enum ExportStatus {
    /** No accepted triplet yet (not started … revised). */
    @JsonProperty("not_completed") NOT_COMPLETED("not_completed"),
    /** Submitted, not reviewed. */
    @JsonProperty("completed_not_reviewed") COMPLETED_NOT_REVIEWED("completed_not_reviewed"),
    /** Approved. */
    @JsonProperty("approved") APPROVED("approved"),
    /** Rejected and redone by the reviewer. */
    @JsonProperty("rejected") REJECTED("rejected");

    private final String key;

    ExportStatus(String key) {
        this.key = key;
    }

    /** The exported string. */
    public String key() {
        return key;
    }

    /** The status of a state. */
    public static ExportStatus of(WorkflowState state) {
        return switch (state) {
            case NOT_STARTED, PRECAPTIONED, CRITIQUED, REVISED -> NOT_COMPLETED;
            case SUBMITTED -> COMPLETED_NOT_REVIEWED;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
        };
    }
}
