// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.SortedSet;

/**
 * A person working in a project.
 *
 * @param id          stable id
 * @param displayName name shown in the UI, not empty
 * @param roles       the roles held (kept in {@link Role} order); may be empty for a user who may only read
 */
public record User(
        @JsonProperty("id") UserId id,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("roles") SortedSet<Role> roles) {

    public User {
        Checks.required(id, "user id");
        Checks.nonBlank(displayName, "user display name");
        roles = Checks.sortedSet(roles, "user roles");
    }

    /** A user whose display name is the id. */
    public static User of(String id, Role... roles) {
        return new User(UserId.of(id), id, Checks.sortedSet(Arrays.asList(roles), "user roles"));
    }

    /** Whether the user holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
