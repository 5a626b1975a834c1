// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.captions.viewmodel;

import io.chai.model.domain.Role;
import io.chai.model.domain.User;
import io.chai.model.domain.UserId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The roles a project records (user id → roles, from {@code io.chai.model.store.ProjectTeam}) and what they mean for
 * a workstation user. When the project records none, every user holds every role (today's behaviour: anyone may
 * annotate, review and rule on appeals; the workflow still refuses reviewing or ruling on one's own work). When it
 * records some, a user holds exactly the recorded roles, and a user it does not list holds none.
 */
public record TeamRoles(Map<String, SortedSet<Role>> recorded) {
    /** Said once in the review tab when the project records no roles. */
    public static final String NO_ROLES = "This project records no roles: every user may annotate, review and rule on"
            + " appeals (nobody reviews their own work). Record roles under Team… to enforce them.";

    public TeamRoles {
        recorded = Map.copyOf(recorded);
    }

    /** Whether the project records roles (and the UI enforces them). */
    public boolean enforced() {
        return !recorded.isEmpty();
    }

    /** The workstation user {@code id} with the roles this project gives them. */
    public User user(String id) {
        UserId uid = UserId.of(id);
        if (!enforced()) {
            return User.of(uid.value(), Role.ANNOTATOR, Role.REVIEWER, Role.ADMIN);
        }
        return new User(uid, uid.value(), new TreeSet<>(recorded.getOrDefault(uid.value(), new TreeSet<>())));
    }

    /** Whether {@code u} may see and act in the review queue (reviewer or admin). */
    public static boolean mayReview(User u) {
        return u.has(Role.REVIEWER) || u.has(Role.ADMIN);
    }

    /** "annotator, reviewer", or "no role". */
    public static String describe(User u) {
        return u.roles().isEmpty() ? "no role" : u.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /**
     * What the review tab says about roles for {@code u}: that none are recorded, or why {@code u} does not review;
     * empty when {@code u} reviews under recorded roles.
     */
    public Optional<String> reviewNotice(User u) {
        if (!enforced()) {
            return Optional.of(NO_ROLES);
        }
        if (!mayReview(u)) {
            return Optional.of("Only reviewers and admins see the review queue; " + u.id().value() + " has "
                    + describe(u) + " in this project.");
        }
        return Optional.empty();
    }
}
