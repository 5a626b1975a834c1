// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.app.cli.ChaiCommand;
import io.chai.app.ui.WorkstationContent;
import io.chai.app.ui.checklist.viewmodel.ChecklistViewModel;
import io.chai.app.ui.edit.EditHistory;
import io.chai.app.ui.frames.TestClips;
import io.chai.common.UserFacingException;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a real project (chai init + chai import of a real clip) and keeping the answers in its store. */
class ProjectContentTest {
    @TempDir
    static Path dir;
    static Path project;

    static void chai(String... args) {
        StringWriter err = new StringWriter();
        int exit = ChaiCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute(args);
        assertThat(exit).as(err.toString()).isZero();
    }

    @BeforeAll
    static void makeProject() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        TestClips.h264(media);
        project = dir.resolve("proj");
        chai("init", project.toString(), "--name", "UI test");
        chai("import", "--project", project.toString(), "--author", "importer", media.toString());
    }

    @Test
    void answersRoundTripThroughTheProjectStoreAsRevisions() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("shot_type", "human");
        answers.put("shot_size_start", "wide");                 // end unanswered: unchanged
        answers.put("camera_angle_start", "high_angle");
        answers.put("camera_angle_end", "low_angle");
        answers.put("has_overlays", "unknown");                 // unsure
        answers.put("dolly_zoom", Boolean.FALSE);
        answers.put("tracking_shot_types", Set.of("side", "lead"));
        answers.put("complex_motion_description", "slow push-in, then a whip pan");
        WorkstationContent c = ProjectContent.open(project, null, "alice");
        try {
            assertThat(c.clip().frameCount()).isEqualTo(100);
            assertThat(c.title()).contains("testsrc2-h264.mp4");
            // the answers are exactly what the checklist produces
            ChecklistViewModel vm = new ChecklistViewModel(c.specification(), new EditHistory());
            answers.forEach(vm::set);
            c.answers().save(vm.snapshot());
        } finally {
            c.project().orElseThrow().close();
            c.clip().close();
        }
        WorkstationContent again = ProjectContent.open(project.resolve("cache"), null, "alice");
        try {
            Map<String, Object> loaded = again.answers().load();
            Map<String, Object> expected = new LinkedHashMap<>(answers);
            if (again.specification().group("shot_size").orElseThrow().hasValue("unknown")) {
                expected.put("shot_size_end", "unknown");       // stored as end_unchanged, shown as 'Unchanged'
            }
            assertThat(loaded).isEqualTo(expected);
        } finally {
            again.project().orElseThrow().close();
            again.clip().close();
        }
        try (ProjectStore store = ProjectStore.open(project)) {
            String clipId = store.clips(null, null, null, null, 0, 1).get(0).clipId();
            assertThat(store.history(clipId, "")).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo(RevisionKind.PRIMITIVE_LABELS);
                assertThat(r.author()).isEqualTo("alice");
            });
        }
    }

    @Test
    void folderErrorsAreOneLineUserErrors() throws Exception {
        assertThatThrownBy(() -> ProjectContent.open(dir.resolve("nowhere"), null, "a"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not exist");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> ProjectContent.open(plain, null, "a"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("no CHAI project");
        Path empty = dir.resolve("empty");
        chai("init", empty.toString(), "--name", "empty");
        assertThatThrownBy(() -> ProjectContent.open(empty, null, "a"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("has no clips yet");
        assertThatThrownBy(() -> ProjectContent.open(project, "ffffffffffff", "a"))
                .isInstanceOf(UserFacingException.class);
    }
}
