// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Checklist answers are saved under the name of the user at the time of the edit, not of whoever opened the
 * project: in the real window on the demo project (real SQLite store), opened with author "ann" while the settings
 * remember "carol", then switched to "bob" directly and to "dora" through the Switch user dialog, with a clip
 * opened after the switches.
 */
@ExtendWith(ApplicationExtension.class)
class SwitchUserAuthorUiTest {
    @TempDir
    static Path dir;

    private MainWindow window;

    @BeforeAll
    static void createDemoProject() {
        DemoProject.ensure(dir.resolve("demo"));
    }

    @Start
    void start(Stage stage) {
        WorkstationSettings remembered = WorkstationSettings.load(dir.resolve("cfg"));
        remembered.setUser("carol");
        remembered.save();
        window = new MainWindow(DemoProject.open(dir.resolve("demo"), null, "ann"),
                WorkstationSettings.load(dir.resolve("cfg")));
        window.show(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            UiTests.closeStages();
        });
    }

    private static List<Revision> labels(ProjectStore store, String clip) {
        return store.history(clip, null).stream().filter(r -> r.kind() == RevisionKind.PRIMITIVE_LABELS)
                .sorted(Comparator.comparing(Revision::hlc)).toList();
    }

    @Test
    void eachSaveCarriesTheUserAtTheTimeOfTheEdit(FxRobot robot) throws Exception {
        ProjectStore store = window.project().orElseThrow().store();
        List<ClipRecord> clips = store.clips(null, null, null, null, 0, 10);
        String first = window.clipId().orElseThrow();
        String second = clips.stream().map(ClipRecord::clipId).filter(id -> !id.equals(first)).findFirst()
                .orElseThrow();
        // the remembered user, not the opening author, is shown and saves
        assertThat(window.user()).isEqualTo("carol");
        robot.interact(() -> {
            window.checklist().set("shot_type", "human");
            assertThat(window.save()).isTrue();
        });
        // an edit still waiting for the autosave belongs to carol, though bob takes over in the same instant
        robot.interact(() -> {
            window.checklist().set("steadiness", "very_unsteady");
            assertThat(window.checklist().dirtyProperty().get()).isTrue();
            assertThat(window.switchUser("bob")).isTrue();
            assertThat(window.checklist().dirtyProperty().get()).isFalse();
        });
        robot.interact(() -> {
            window.checklist().set("shot_type", "scenery");
            assertThat(window.save()).isTrue();
        });
        // through the dialog (File > Switch user…, Ctrl+Shift+U)
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
        UiTests.waitFor(30, () -> robot.lookup("#switch-user-name").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#switch-user-name").queryAs(javafx.scene.control.TextField.class)
                .setText("dora"));
        robot.clickOn("#switch-user-name").press(KeyCode.ENTER).release(KeyCode.ENTER);
        UiTests.waitFor(30, () -> "dora".equals(window.user()));
        robot.interact(() -> {
            window.checklist().set("steadiness", "very_smooth");
            assertThat(window.save()).isTrue();
        });

        List<Revision> one = labels(store, first);
        assertThat(one).extracting(Revision::author).containsExactly("carol", "carol", "bob", "dora");
        assertThat(one.get(1).payload()).contains("very_unsteady").contains("human");
        assertThat(one.get(2).payload()).contains("scenery").contains("very_unsteady");
        assertThat(one.get(3).payload()).contains("very_smooth");
        // the author inside the labels record matches the revision's
        assertThat(one).allSatisfy(r -> assertThat(r.payload()).contains("\"" + r.author() + "\""));

        // a clip opened after the switches saves as dora too
        CompletableFuture<Boolean>[] opened = new CompletableFuture[1];
        robot.interact(() -> opened[0] = window.openClip(second));
        assertThat(opened[0].get(60, TimeUnit.SECONDS)).isTrue();
        robot.interact(() -> {
            window.checklist().set("shot_type", "human");
            assertThat(window.save()).isTrue();
        });
        assertThat(labels(store, second)).extracting(Revision::author).containsExactly("dora");
    }

    @Test
    void captionTextNotYetSteppedStaysWithWhoTypedIt(FxRobot robot) {
        var c = window.captions().orElseThrow();
        assertThat(window.user()).isEqualTo("carol");
        robot.interact(() -> {
            c.select(io.chai.model.domain.Aspect.SUBJECT);
            c.ratingProperty().set(2);
            c.critiqueProperty().set("carol's half-written critique");
            assertThat(window.switchUser("bob")).isTrue();
        });
        // bob starts from the stored work, not from carol's unsaved text
        assertThat(c.critiqueProperty().get()).isEmpty();
        assertThat(c.ratingProperty().get()).isZero();
        robot.interact(() -> {
            c.critiqueProperty().set("bob's note");
            assertThat(window.switchUser("carol")).isTrue();
        });
        // carol finds her own text again; bob's stays his
        assertThat(c.critiqueProperty().get()).isEqualTo("carol's half-written critique");
        assertThat(c.ratingProperty().get()).isEqualTo(2);
        robot.interact(() -> assertThat(window.switchUser("bob")).isTrue());
        assertThat(c.critiqueProperty().get()).isEqualTo("bob's note");
    }
}
