// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Rating;

/** The authors' {@code workflow_type} (specification §4.6). */
public enum WorkflowType {
    /** Rated 5: the pre-caption is kept verbatim. */
    @JsonProperty("perfect_precaption") PERFECT_PRECAPTION("perfect_precaption"),
    /** Rated 1–4: critique and revision. */
    @JsonProperty("improved_precaption") IMPROVED_PRECAPTION("improved_precaption");

    private final String key;

    WorkflowType(String key) {
        this.key = key;
    }

    /** The exported string. */
    public String key() {
        return key;
    }

    /** The type a rating implies. */
    public static WorkflowType of(Rating rating) {
        return rating.isPerfect() ? PERFECT_PRECAPTION : IMPROVED_PRECAPTION;
    }
}
