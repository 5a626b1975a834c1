// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.exam;

import io.chai.app.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.MainWindow;
import io.chai.app.ui.diff.DiffView;
import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.model.domain.Aspect;
import io.chai.model.exam.TraineeSummary;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
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
 * The exam in the real main window, on the demo exam ({@code chai exam demo}): a trainee answers a primitive
 * wrongly by clicking it in the checklist and sees the verdict with the reference and its definition; answers it
 * right; submits a subject caption through the caption stepper and sees it against the expert's; the trainee has
 * no Review and no Trainees tab; the lead (the exam's expert, or a recorded admin) has both, and the Trainees table
 * lists the trainee.
 */
@ExtendWith(ApplicationExtension.class)
class ExamUiTest {
    @TempDir
    static Path dir;
    static Path exam;

    private MainWindow window;
    private final Specification spec = Specifications.bundled();

    @BeforeAll
    static void makeExam() {
        exam = ExamFixture.demoExam(dir.resolve("exam"));
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(DemoProject.open(exam, null, "tina"), WorkstationSettings.load(dir.resolve("cfg")));
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

    private void select(FxRobot robot, Tab tab) {
        robot.interact(() -> window.sideTabs().getSelectionModel().select(tab));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aWrongAnswerShowsTheReferenceAndItsDefinitionAndASubmittedCaptionIsCompared(FxRobot robot) {
        ExamTabs tabs = window.exam().orElseThrow();
        var ids = window.sideTabs().getTabs().stream().map(Tab::getId).toList();
        assertThat(ids.get(0)).isEqualTo("tab-checklist");
        assertThat(ids.get(1)).isEqualTo("tab-exam");
        // a trainee: no review queue (other trainees' submissions), no lead's summary
        assertThat(ids).containsExactly("tab-checklist", "tab-exam", "tab-captions", "tab-library");
        assertThat(tabs.lead()).isFalse();
        select(robot, window.sideTabs().getTabs().get(0));
        String scenery = spec.groupByField("shot_type").orElseThrow().value("scenery").orElseThrow().label();
        String human = spec.groupByField("shot_type").orElseThrow().value("human").orElseThrow().label();
        String definition = spec.groupByField("shot_type").orElseThrow().value("scenery").orElseThrow().definition();

        // a wrong answer, clicked in the checklist
        robot.clickOn(robot.lookup("#shot_type=human").queryAs(RadioButton.class));
        String wrong = "✗ Wrong — Shot type: you said " + human + "; the reference is " + scenery + ".";
        UiTests.waitFor(30, () -> window.notifications().all().stream().anyMatch(n -> n.message().equals(wrong)));
        // saved the moment its verdict showed (the first answer is the one scored), not after the autosave delay
        robot.interact(() -> assertThat(window.checklist().dirtyProperty().get()).isFalse());
        select(robot, tabs.examTab());
        UiTests.waitFor(30, () -> text(robot, "#exam-latest").equals(wrong));
        assertThat(text(robot, "#exam-latest-definition")).startsWith("Reference — " + scenery + ": " + definition);
        assertThat(robot.lookup("#exam-latest").queryAs(Label.class).getStyle()).contains("#c62828");
        assertThat(robot.lookup("#exam-verdicts").queryAs(TableView.class).getItems()).hasSize(1);

        // then the right one
        select(robot, window.sideTabs().getTabs().get(0));
        robot.clickOn(robot.lookup("#shot_type=scenery").queryAs(RadioButton.class));
        select(robot, tabs.examTab());
        UiTests.waitFor(30, () -> text(robot, "#exam-latest").startsWith("✓ Right — Shot type: you said " + scenery + "."));
        assertThat(text(robot, "#exam-latest")).endsWith("Your first answer, " + human + " (wrong), is the one scored.");
        assertThat(robot.lookup("#exam-latest").queryAs(Label.class).getStyle()).contains("#2e7d32");

        // the subject caption: hidden until submitted through the caption stepper
        assertThat(text(robot, "#exam-score-subject")).startsWith("Submit Subject in the Captions tab");
        var c = window.captions().orElseThrow();
        robot.interact(() -> {
            c.select(Aspect.SUBJECT);
            c.ratingProperty().set(2);
            c.critiqueProperty().set("There is no game or car: it is a test pattern with colour bars.");
            assertThat(c.submitCritique()).as(c.errorProperty().get()).isTrue();
            c.captionProperty().set("A test pattern with colour bars and a frame counter.");
            assertThat(c.saveCaption()).as(c.errorProperty().get()).isTrue();
            assertThat(c.submit()).as(c.errorProperty().get()).isTrue();
        });
        select(robot, tabs.examTab());
        UiTests.waitFor(30, () -> text(robot, "#exam-score-subject").startsWith("Score "));
        assertThat(text(robot, "#exam-score-subject")).contains("rating 2 vs expert 1");
        String diff = robot.lookup("#exam-caption-diff-subject").queryAs(DiffView.class).plainText();
        assertThat(diff).contains("{+computer-generated +}").contains("{+running +}");

        // the Review shortcut does nothing for a trainee
        robot.interact(() -> window.sideTabs().getSelectionModel().select(0));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT4)
                .release(javafx.scene.input.KeyCode.DIGIT4, javafx.scene.input.KeyCode.CONTROL);
        robot.interact(() -> { });
        assertThat(window.sideTabs().getSelectionModel().getSelectedIndex()).isZero();

        // the lead (the exam's expert) gets Review back in its place and the Trainees tab last
        robot.interact(() -> assertThat(window.switchUser("expert")).isTrue());
        assertThat(tabs.lead()).isTrue();
        assertThat(window.sideTabs().getTabs().stream().map(Tab::getId).toList()).containsExactly("tab-checklist",
                "tab-exam", "tab-captions", "tab-review", "tab-library", "tab-trainees");
        select(robot, tabs.traineesTab());
        @SuppressWarnings("unchecked")
        TableView<TraineeSummary> table = robot.lookup("#exam-trainees").queryAs(TableView.class);
        UiTests.waitFor(30, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).trainee()).isEqualTo("tina");
        assertThat(table.getItems().get(0).captionsSubmitted()).isEqualTo(1);
        // her first shot type (wrong) counts, not the corrected one (the only primitive she answered)
        assertThat(table.getItems().get(0).primitiveRight()).isZero();
        assertThat(table.getItems().get(0).primitiveScored()).isEqualTo(7);

        // back to a trainee: both tabs go again
        robot.interact(() -> assertThat(window.switchUser("tom")).isTrue());
        assertThat(window.sideTabs().getTabs().stream().map(Tab::getId).toList()).containsExactly("tab-checklist",
                "tab-exam", "tab-captions", "tab-library");
        // tina's answers are still in the checklist, but they are not tom's: no verdict, so no reference
        assertThat(window.checklist().answers()).containsKey("shot_type");
        assertThat(tabs.exam().verdicts()).isEmpty();
    }
}
