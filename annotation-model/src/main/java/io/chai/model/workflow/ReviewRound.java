// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Appeal;
import io.chai.model.domain.Checks;
import io.chai.model.domain.Review;
import io.chai.model.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A finished review round that an admin re-opened: everything it held, kept for the record.
 *
 * @param submitted          the submitted version
 * @param review             the decisive review of that round
 * @param appeal             its appeal, if any
 * @param supersededReviews  reviews that an appeal ruling replaced in that round
 * @param reopenedBy         the admin who re-opened it
 * @param reopenReason       why
 * @param reopenedAt         when
 */
public record ReviewRound(
        @JsonProperty("submitted") CaptionVersion submitted,
        @JsonProperty("review") Review review,
        @JsonProperty("appeal") Optional<Appeal> appeal,
        @JsonProperty("superseded_reviews") List<Review> supersededReviews,
        @JsonProperty("reopened_by") UserId reopenedBy,
        @JsonProperty("reopen_reason") String reopenReason,
        @JsonProperty("reopened_at") Instant reopenedAt) {

    public ReviewRound {
        Checks.required(submitted, "round submission");
        Checks.required(review, "round review");
        appeal = Checks.opt(appeal);
        supersededReviews = Checks.list(supersededReviews, "superseded reviews");
        Checks.required(reopenedBy, "re-opening admin");
        Checks.nonBlank(reopenReason, "re-open reason");
        Checks.required(reopenedAt, "re-open time");
    }
}
