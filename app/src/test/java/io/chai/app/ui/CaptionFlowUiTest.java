// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import io.chai.model.workflow.WorkflowState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole caption flow in the real window on the demo project (generated clips, in-process canned model server):
 * label primitives, generate a pre-caption (streamed: the text grows in the box), rate 3 with a span item, revise,
 * submit, switch user, reject as a reviewer, appeal, uphold (admin), re-open (admin), fix, resubmit and approve; then the store's revisions are checked one by one.
 */
@ExtendWith(ApplicationExtension.class)
class CaptionFlowUiTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private Path project;

    /** Generates the clips and imports them before the window opens (slow on a busy machine). */
    @org.junit.jupiter.api.BeforeAll
    static void createDemoProject() {
        DemoProject.ensure(dir.resolve("demo"));
    }

    @Start
    void start(Stage stage) {
        project = dir.resolve("demo");
        window = new MainWindow(DemoProject.open(project, null, "ann"), WorkstationSettings.load(dir.resolve("cfg")));
        window.show(stage);
        stage.setWidth(1400);
        stage.setHeight(950);
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            UiTests.closeStages();
        });
    }

    private WorkflowState subjectState() {
        return window.captions().orElseThrow().workProperty(io.chai.model.domain.Aspect.SUBJECT).get().state();
    }

    private void waitState(WorkflowState expected) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> subjectState() == expected);
        } catch (TimeoutException e) {
            throw new AssertionError("subject is " + subjectState() + ", not " + expected + "; captions say: "
                    + window.captions().orElseThrow().errorProperty().get() + "; review says: "
                    + window.review().orElseThrow().errorProperty().get(), e);
        }
    }

    private void switchUser(FxRobot robot, String name) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
        UiTests.waitFor(30, () -> robot.lookup("#switch-user-name").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#switch-user-name").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#switch-user-name").write(name).press(KeyCode.ENTER).release(KeyCode.ENTER);
        UiTests.waitFor(30, () -> name.equals(window.user()));
    }

    /** Submit for review: Ctrl+Alt+Enter. */
    private static void submitKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.ALT, KeyCode.CONTROL);
    }

    /** Presses a button that may be scrolled out of view (as Space on the focused button would). */
    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
    }

    private void setText(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextArea.class).setText(text));
    }

    @Test
    void annotateRejectFixAndApproveOnTheDemoProject(FxRobot robot) {
        // label primitives in the checklist, saved to the store with Ctrl+S
        robot.interact(() -> {
            window.checklist().set("shot_type", "human");
            window.checklist().set("steadiness", "very_unsteady");
        });
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        // Captions tab (Ctrl+3); the canned server is labelled; motion waits for subject
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(robot.lookup("#canned-banner").tryQuery()).isPresent();
        robot.clickOn("#aspect-motion");
        assertThat(robot.lookup("#lock-reason").queryAs(Label.class).getText()).startsWith("Locked: needs Subject");
        robot.clickOn("#aspect-subject");

        // generate streams: the pre-caption box shows the text growing, then the checked text is stored
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        TextArea pre = robot.lookup("#pre-caption").queryAs(TextArea.class);
        robot.interact(() -> pre.textProperty().addListener((o, a, b) -> shown.add(b)));
        robot.clickOn("#generate");
        waitState(WorkflowState.PRECAPTIONED);
        UiTests.waitFor(30, () -> pre.getText().contains("canned"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown.stream().filter(t -> !t.isEmpty()).distinct().count()).isGreaterThan(3);
        assertThat(shown.get(shown.size() - 1)).isEqualTo(pre.getText());
        assertThat(window.captions().orElseThrow().streamCallProperty().get()).isPresent();

        // rate 3, a span item on the selected words, a critique; one step
        robot.interact(() -> pre.selectRange(1, 14));
        robot.clickOn("#item-note").write("vague");
        robot.clickOn("#add-item");
        assertThat(robot.lookup("#critique-items").queryAs(ListView.class).getItems()).hasSize(1);
        robot.clickOn("#rate-3");
        robot.clickOn("#critique").write("Say it is a test card.");
        robot.clickOn("#submit-critique");
        waitState(WorkflowState.CRITIQUED);

        robot.clickOn("#revise");
        waitState(WorkflowState.REVISED);
        submitKey(robot);
        waitState(WorkflowState.SUBMITTED);

        // the submitter's own item is not in their review queue
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(window.review().orElseThrow().queue()).isEmpty();

        // a reviewer rejects with their own version
        switchUser(robot, "rex");
        UiTests.waitFor(30, () -> window.review().orElseThrow().queue().size() == 1);
        setText(robot, "#redo-critique", "It is a broadcast test card; say so.");
        setText(robot, "#redo-caption", "A broadcast test card with colour bars.");
        fire(robot, "#reject");
        waitState(WorkflowState.REJECTED);

        // the annotator sees the rejection with its diff
        switchUser(robot, "ann");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        UiTests.waitFor(30, () -> robot.lookup("#rejection-diff").tryQuery().isPresent());
        assertThat(((io.chai.app.ui.diff.DiffView) robot.lookup("#rejection-diff").query()).plainText())
                .contains("{+A broadcast test card with colour bars+}");

        // the annotator appeals; an admin upholds the rejection, then re-opens it for a fix
        robot.interact(() -> robot.lookup("#appeal-note").queryAs(javafx.scene.control.TextField.class)
                .setText("The clock is part of the card."));
        fire(robot, "#appeal");
        UiTests.waitFor(30, () -> robot.lookup("#appeal-summary").tryQuery().isPresent());
        switchUser(robot, "ada");
        UiTests.waitFor(30, () -> robot.lookup("#uphold").tryQuery().isPresent());
        assertThat(robot.lookup("#appeal-summary").queryAs(Label.class).getText())
                .isEqualTo("Appeal by ann: “The clock is part of the card.” — open, waiting for an admin's ruling");
        robot.interact(() -> robot.lookup("#ruling-reason").queryAs(javafx.scene.control.TextField.class)
                .setText("the clock is not the point"));
        fire(robot, "#uphold");
        UiTests.waitFor(30, () -> window.captions().orElseThrow().current().appeal().flatMap(a -> a.ruling()).isPresent());

        // the annotator fixes and resubmits; the reviewer approves
        robot.interact(() -> robot.lookup("#reopen-reason").queryAs(javafx.scene.control.TextField.class)
                .setText("fix"));
        fire(robot, "#reopen");
        waitState(WorkflowState.REVISED);
        switchUser(robot, "ann");
        setText(robot, "#post-caption", "A broadcast test card with colour bars and a clock.");
        submitKey(robot);
        waitState(WorkflowState.SUBMITTED);
        switchUser(robot, "rex");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        UiTests.waitFor(30, () -> window.review().orElseThrow().queue().size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT, KeyCode.CONTROL);
        waitState(WorkflowState.APPROVED);

        // the store holds every step as a revision, by the right author, in order
        try (ProjectStore store = ProjectStore.open(project)) {
            ClipRecord clip = store.clips(null, null, null, null, 0, 1).get(0);
            assertThat(store.current(clip.clipId(), "", RevisionKind.PRIMITIVE_LABELS).orElseThrow().payload())
                    .contains("very_unsteady");
            List<Revision> h = store.history(clip.clipId(), "subject");
            List<String> steps = h.stream().map(r -> r.kind().id() + ":" + r.author()).toList();
            assertThat(steps).containsSubsequence("pre_caption:ann", "rating:ann", "critique:ann",
                    "post_caption:ann", "submission:ann", "review:rex", "appeal:ann", "appeal:ada", "submission:ada",
                    "post_caption:ann",
                    "submission:ann", "review:rex");
            List<String> reviews = h.stream().filter(r -> r.kind() == RevisionKind.REVIEW).map(Revision::payload)
                    .toList();
            assertThat(reviews).hasSize(2);
            assertThat(reviews.get(0)).contains("\"decision\":\"reject\"").contains("A broadcast test card with colour bars.");
            assertThat(reviews.get(1)).contains("\"decision\":\"approve\"");
            assertThat(h.stream().filter(r -> r.kind() == RevisionKind.CRITIQUE).findFirst().orElseThrow().payload())
                    .contains("Say it is a test card.").contains("\"type\":\"imprecision\"").contains("vague");
            assertThat(store.current(clip.clipId(), "subject", RevisionKind.POST_CAPTION).orElseThrow().payload())
                    .contains("and a clock.").contains("\"manually_edited\":true");
            assertThat(store.state(clip.clipId(), "subject")).isEqualTo(WorkflowState.APPROVED);
            assertThat(h.stream().filter(r -> r.kind() == RevisionKind.APPEAL).map(Revision::payload).toList())
                    .satisfiesExactly(open -> assertThat(open).contains("The clock is part of the card.")
                            .contains("\"ruling\":null"), ruled -> assertThat(ruled).contains("\"outcome\":\"upheld\"")
                            .contains("the clock is not the point"));
            assertThat(project.resolve("appeals.jsonl")).doesNotExist();
        }

        // no roles recorded so far: the review tab says so; recording roles through Team… enforces them
        assertThat(robot.lookup("#roles-notice").queryAs(Label.class).getText()).startsWith(
                "This project records no roles");
        fire(robot, "#team");
        UiTests.waitFor(30, () -> robot.lookup("#team-user").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#team-user").queryAs(javafx.scene.control.TextField.class).setText("rex");
            robot.lookup("#team-role-reviewer").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#team-role-admin").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
        });
        fire(robot, "#team-save");
        UiTests.waitFor(30, () -> window.review().orElseThrow().rolesNoticeProperty().get().isEmpty());
        assertThat(robot.lookup("#team-members").queryAs(ListView.class).getItems())
                .containsExactly("rex — reviewer, admin");
        robot.interact(() -> robot.lookup("#team-user").query().getScene().getWindow().hide());
        robot.interact(() -> window.scene().getWindow().requestFocus());
        switchUser(robot, "ann");
        assertThat(window.review().orElseThrow().mayReview()).isFalse();
        assertThat(robot.lookup("#roles-notice").queryAs(Label.class).getText()).isEqualTo(
                "Only reviewers and admins see the review queue; ann has no role in this project.");
        assertThat(window.captions().orElseThrow().userProperty().get().roles()).isEmpty();
    }
}
