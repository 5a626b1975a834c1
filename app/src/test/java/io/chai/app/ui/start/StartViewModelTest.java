// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.common.UserFacingException;
import io.chai.model.store.ProjectMarker;
import io.chai.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start screen's view model, the project file and PATH resolution, on real folders and SQLite projects. */
class StartViewModelTest {
    @TempDir
    Path dir;

    @Test
    void createWritesAProjectWithItsMarkerOpensItAndRemembersIt() throws Exception {
        List<StartChoice> chosen = new ArrayList<>();
        StartViewModel vm = new StartViewModel(new RecentProjects(dir.resolve("cfg")), chosen::add);
        assertThat(vm.create(dir, "  ")).isFalse();
        assertThat(vm.errorProperty().get()).contains("name");
        assertThat(vm.create(dir.resolve("nowhere"), "Shots")).isFalse();
        assertThat(vm.errorProperty().get()).contains("is not one");

        assertThat(vm.create(dir, "Harbour shots")).isTrue();
        Path project = dir.resolve("Harbour shots");
        assertThat(chosen).containsExactly(new StartChoice.Open(project.toAbsolutePath().normalize()));
        assertThat(project.resolve(ProjectStore.DATABASE_FILE)).isRegularFile();
        ProjectMarker.Contents marker = ProjectMarker.read(project.resolve(ProjectMarker.FILE));
        try (ProjectStore store = ProjectStore.open(project)) {
            assertThat(marker.name()).isEqualTo("Harbour shots");
            assertThat(marker.projectId()).isEqualTo(store.info().projectId());
        }
        assertThat(vm.recentProjects()).containsExactly(project.toAbsolutePath().normalize());
        // a second one of the same name is refused, nothing overwritten
        assertThat(vm.create(dir, "Harbour shots")).isFalse();
        assertThat(vm.errorProperty().get()).contains("already exists");
        // remembered across a restart
        assertThat(new StartViewModel(new RecentProjects(dir.resolve("cfg")), c -> { }).recentProjects())
                .containsExactly(project.toAbsolutePath().normalize());
    }

    @Test
    void pathsNameAProjectByFileFolderOrDatabaseAndBadOnesAreOneLine() throws Exception {
        Path project = dir.resolve("p");
        try (ProjectStore store = ProjectStore.create(project, "P", "chai-spec", "1.0.0")) {
            store.info();
        }
        Path folder = project.toAbsolutePath().normalize();
        assertThat(ProjectPaths.projectFolder(project.resolve("project.chai"))).isEqualTo(folder);
        assertThat(ProjectPaths.projectFolder(project)).isEqualTo(folder);
        assertThat(ProjectPaths.projectFolder(project.resolve("chai-project.db"))).isEqualTo(folder);

        assertThatThrownBy(() -> ProjectPaths.projectFolder(dir.resolve("missing.chai")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not exist");
        Path bogus = Files.writeString(dir.resolve("notes.chai"), "hello");
        assertThatThrownBy(() -> ProjectPaths.projectFolder(bogus))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("not a CHAI project file");
        Path other = Files.writeString(dir.resolve("clip.mp4"), "x");
        assertThatThrownBy(() -> ProjectPaths.projectFolder(other))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is not a CHAI project");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ProjectPaths.projectFolder(empty))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("no CHAI project in");
        // a marker whose database is gone
        Path moved = Files.createDirectories(dir.resolve("moved"));
        Files.copy(project.resolve("project.chai"), moved.resolve("project.chai"));
        assertThatThrownBy(() -> ProjectPaths.projectFolder(moved.resolve("project.chai")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is not beside it");
        for (Path bad : List.of(bogus, other, empty)) {
            try {
                ProjectPaths.projectFolder(bad);
            } catch (UserFacingException e) {
                assertThat(e.getMessage()).doesNotContain("\n");
            }
        }
    }

    @Test
    void olderProjectsGetAMarkerAndACopiedFolderItsOwn() throws Exception {
        Path project = dir.resolve("old");
        try (ProjectStore store = ProjectStore.create(project, "Old", "chai-spec", "1.0.0")) {
            Files.delete(project.resolve(ProjectMarker.FILE));    // as made before markers existed
            assertThat(ProjectMarker.ensure(store.info())).isTrue();
            assertThat(ProjectMarker.ensure(store.info())).isFalse();
            Files.writeString(project.resolve(ProjectMarker.FILE), "{\"format\":\"chai-project-marker/1\","
                    + "\"name\":\"Other\",\"project_id\":\"x\"}");
            assertThat(ProjectMarker.ensure(store.info())).isTrue();
            assertThat(ProjectMarker.read(project.resolve(ProjectMarker.FILE)).projectId())
                    .isEqualTo(store.info().projectId());
        }
    }

    @Test
    void recentProjectsAreNewestFirstWithoutRepeatsAndMissingOnesAreDropped() throws Exception {
        RecentProjects recent = new RecentProjects(dir.resolve("cfg"));
        for (int i = 0; i < RecentProjects.MAX + 3; i++) {
            recent.add(dir.resolve("p" + i));
        }
        recent.add(dir.resolve("p5"));
        List<Path> l = recent.list();
        assertThat(l).hasSize(RecentProjects.MAX);
        assertThat(l.get(0)).isEqualTo(dir.resolve("p5"));
        assertThat(l.get(1)).isEqualTo(dir.resolve("p" + (RecentProjects.MAX + 2)));
        assertThat(l).doesNotHaveDuplicates();

        List<StartChoice> chosen = new ArrayList<>();
        StartViewModel vm = new StartViewModel(recent, chosen::add);
        assertThat(vm.openRecent(dir.resolve("p5"))).isFalse();
        assertThat(vm.errorProperty().get()).contains("holds no CHAI project");
        assertThat(vm.recentProjects()).doesNotContain(dir.resolve("p5"));
        assertThat(recent.list()).doesNotContain(dir.resolve("p5"));
        assertThat(chosen).isEmpty();
        vm.openDemo();
        assertThat(chosen).containsExactly(new StartChoice.Demo());
    }
}
