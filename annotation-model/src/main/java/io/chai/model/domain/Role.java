// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a user may do (specification §2.2). A user may hold several roles. Annotators run steps B–G and may
 * appeal a rejection of their own work; reviewers approve or reject submitted work (never their own); admins
 * (meta-reviewers) settle appeals and may re-open reviewed items.
 */
public enum Role {
    @JsonProperty("annotator") ANNOTATOR,
    @JsonProperty("reviewer") REVIEWER,
    @JsonProperty("admin") ADMIN
}
