// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The states of one (clip, aspect) work item; see {@link Workflow} for the transitions. */
public enum WorkflowState {
    /** Nothing yet. */
    @JsonProperty("not_started") NOT_STARTED("not started"),
    /** A pre-caption exists; not rated yet. */
    @JsonProperty("precaptioned") PRECAPTIONED("pre-captioned"),
    /** Rated below 5 with a critique; no post-caption yet (or the critique changed since the last one). */
    @JsonProperty("critiqued") CRITIQUED("critiqued"),
    /** A post-caption exists for the current critique (or the pre-caption was rated 5): ready to submit. */
    @JsonProperty("revised") REVISED("revised"),
    /** Accepted by the annotator; waiting for review. */
    @JsonProperty("submitted") SUBMITTED("submitted"),
    /** A reviewer (or an appeal ruling) approved the annotator's version. */
    @JsonProperty("approved") APPROVED("approved"),
    /** A reviewer rejected the annotator's version and redid it. */
    @JsonProperty("rejected") REJECTED("rejected");

    private final String phrase;

    WorkflowState(String phrase) {
        this.phrase = phrase;
    }

    /** Lowercase words for messages, e.g. {@code pre-captioned}. */
    public String phrase() {
        return phrase;
    }

    /**
     * Whether the item has a reference version later aspects may build on: the annotator's approved version or
     * the reviewer's redo after a rejection (specification §2.4).
     */
    public boolean isReference() {
        return this == APPROVED || this == REJECTED;
    }

    /** Whether the annotator may still change the item (steps B–G). */
    public boolean isDraft() {
        return this == NOT_STARTED || this == PRECAPTIONED || this == CRITIQUED || this == REVISED;
    }
}
