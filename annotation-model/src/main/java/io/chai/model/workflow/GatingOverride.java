// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chai.model.domain.Aspect;
import io.chai.model.domain.Checks;
import io.chai.model.domain.UserId;
import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;

/**
 * A recorded decision to pre-caption an aspect before the aspects it depends on are approved.
 *
 * @param by       who overrode
 * @param reason   why, not empty
 * @param at       when
 * @param bypassed the dependencies that were not approved at that time (filled in by the workflow)
 */
public record GatingOverride(
        @JsonProperty("by") UserId by,
        @JsonProperty("reason") String reason,
        @JsonProperty("at") Instant at,
        @JsonProperty("bypassed") SortedSet<Aspect> bypassed) {

    public GatingOverride {
        Checks.required(by, "override author");
        Checks.nonBlank(reason, "override reason");
        Checks.required(at, "override time");
        bypassed = Checks.sortedSet(bypassed, "bypassed aspects");
    }

    /** An override request; the workflow records which dependencies it bypassed. */
    public static GatingOverride request(UserId by, String reason, Instant at) {
        return new GatingOverride(by, reason, at, null);
    }

    GatingOverride bypassing(Set<Aspect> aspects) {
        return new GatingOverride(by, reason, at, Checks.sortedSet(aspects, "bypassed aspects"));
    }
}
