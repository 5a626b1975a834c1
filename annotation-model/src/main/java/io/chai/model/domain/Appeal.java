// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * An annotator's request to regrade a rejected item (step I; specification §2.11), and the admin's ruling once
 * made.
 *
 * @param author    the annotator whose work was rejected
 * @param note      why the rejection should be reconsidered, not empty
 * @param createdAt when the appeal was made
 * @param ruling    the admin's ruling, absent while the appeal is open
 */
public record Appeal(
        @JsonProperty("author") UserId author,
        @JsonProperty("note") String note,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("ruling") Optional<AppealRuling> ruling) {

    public Appeal {
        Checks.required(author, "appeal author");
        Checks.nonBlank(note, "appeal note");
        Checks.required(createdAt, "appeal time");
        ruling = Checks.opt(ruling);
    }

    /** An open appeal. */
    public static Appeal open(UserId author, String note, Instant at) {
        return new Appeal(author, note, at, Optional.empty());
    }

    /** Whether no ruling has been made yet. */
    @JsonIgnore
    public boolean isOpen() {
        return ruling.isEmpty();
    }

    /** A copy with this ruling. */
    public Appeal ruled(AppealRuling r) {
        return new Appeal(author, note, createdAt, Optional.of(r));
    }
}
