// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.domain.Role;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team record of a real SQLite project: empty by default, set per user, kept across reopening. */
class ProjectTeamTest {
    @TempDir
    Path dir;

    @Test
    void rolesAreRecordedPerUserAndSurviveReopening() {
        try (ProjectStore s = ProjectStore.create(dir, "t", "chai", "1.0.0")) {
            assertThat(ProjectTeam.roles(s)).isEmpty();
            ProjectTeam.setRoles(s, "ann", Set.of(Role.ANNOTATOR));
            ProjectTeam.setRoles(s, "ada", EnumSet.of(Role.ADMIN, Role.REVIEWER));
            ProjectTeam.setRoles(s, "rex", Set.of(Role.REVIEWER));
            ProjectTeam.setRoles(s, "rex", Set.of());
        }
        try (ProjectStore s = ProjectStore.open(dir)) {
            assertThat(ProjectTeam.roles(s)).containsOnlyKeys("ada", "ann");
            assertThat(ProjectTeam.roles(s).get("ada")).containsExactly(Role.REVIEWER, Role.ADMIN);
            ProjectTeam.replace(s, Map.of("zoe", Set.of(Role.ANNOTATOR, Role.REVIEWER)));
            assertThat(ProjectTeam.roles(s)).containsOnlyKeys("zoe");
            ProjectTeam.replace(s, Map.of());
            assertThat(ProjectTeam.roles(s)).isEmpty();
        }
    }

    @Test
    void badNamesAndRolesAreRefusedWithOneLine() {
        try (ProjectStore s = ProjectStore.create(dir, "t", "chai", "1.0.0")) {
            assertThatThrownBy(() -> ProjectTeam.role("boss")).hasMessage(
                    "unknown role 'boss': use annotator, reviewer or admin");
            assertThat(ProjectTeam.role(" Admin ")).isEqualTo(Role.ADMIN);
            assertThatThrownBy(() -> ProjectTeam.setRoles(s, " ", Set.of(Role.ADMIN)))
                    .isInstanceOf(io.chai.common.UserFacingException.class);
            assertThat(ProjectTeam.roles(s)).isEmpty();
        }
    }
}
