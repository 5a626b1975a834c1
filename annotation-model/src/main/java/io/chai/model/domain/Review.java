// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * A reviewer's decision on a submitted triplet (step H; specification §4.5). JSON also carries the derived
 * {@code reviewer_double_check} (true = approved), read-only.
 *
 * @param reviewer   who decided ({@code reviewer_name})
 * @param decision   approve or reject
 * @param reason     optional explanation ({@code decision_reason})
 * @param reviewedAt time of the decision ({@code review_timestamp})
 * @param redo       the reviewer's replacement version: required for a rejection, absent for an approval
 */
@JsonIgnoreProperties(value = "reviewer_double_check", allowGetters = true)
public record Review(
        @JsonProperty("reviewer_name") UserId reviewer,
        @JsonProperty("decision") Decision decision,
        @JsonProperty("decision_reason") Optional<String> reason,
        @JsonProperty("review_timestamp") Instant reviewedAt,
        @JsonProperty("redo") Optional<Redo> redo) {

    /** A reviewer's decision. */
    public enum Decision {
        @JsonProperty("approve") APPROVE,
        @JsonProperty("reject") REJECT
    }

    public Review {
        Checks.required(reviewer, "reviewer");
        Checks.required(decision, "review decision");
        reason = Checks.opt(reason);
        reason.ifPresent(r -> Checks.nonBlank(r, "review reason"));
        Checks.required(reviewedAt, "review time");
        redo = Checks.opt(redo);
        if (decision == Decision.REJECT && redo.isEmpty()) {
            throw new InvalidValueException("A rejection needs the reviewer's own critique and caption.");
        }
        if (decision == Decision.APPROVE && redo.isPresent()) {
            throw new InvalidValueException("An approval carries no replacement critique or caption.");
        }
    }

    /** The authors' {@code reviewer_double_check}: true when approved. */
    @JsonProperty("reviewer_double_check")
    public boolean reviewerDoubleCheck() {
        return decision == Decision.APPROVE;
    }
}
