// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An admin's (meta-reviewer's) decision on an appeal.
 *
 * @param admin     who ruled
 * @param outcome   upheld (the rejection stands) or overturned (the annotator's version is approved)
 * @param reason    why, not empty
 * @param decidedAt when
 */
public record AppealRuling(
        @JsonProperty("admin") UserId admin,
        @JsonProperty("outcome") Outcome outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("decided_at") Instant decidedAt) {

    /** The result of an appeal. */
    public enum Outcome {
        @JsonProperty("upheld") UPHELD,
        @JsonProperty("overturned") OVERTURNED
    }

    public AppealRuling {
        Checks.required(admin, "ruling admin");
        Checks.required(outcome, "ruling outcome");
        Checks.nonBlank(reason, "ruling reason");
        Checks.required(decidedAt, "ruling time");
    }
}
