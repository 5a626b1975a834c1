// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.checklist.viewmodel.AnswerFile;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.FrameTiming;
import io.chai.app.ui.frames.TestPatternFrameSource;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.image.ImageView;
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
 * The real main window, headless through Monocle, driven by keyboard and mouse. The clip is the numbered test
 * pattern: frame i paints the number i, and the picture on screen is compared pixel for pixel with the
 * source's frame.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationUiTest {
    private static final Specification SPEC = Specifications.bundled();
    private static final int FRAMES = 120;

    @TempDir
    static Path dir;

    private final TestPatternFrameSource source =
            new TestPatternFrameSource("pattern", FRAMES, FrameTiming.of(25, 1), 192, 108);
    private MainWindow window;
    private Path answers;
    private Path config;

    @Start
    void start(Stage stage) {
        Path session = dir.resolve("s" + System.nanoTime());
        answers = session.resolve("answers.json");
        config = session.resolve("config");
        window = new MainWindow(new WorkstationContent("test", SPEC, source, new AnswerFile(answers).store("spec", "clip")),
                WorkstationSettings.load(config));
        window.show(stage);
        // a smaller window renders faster in software; the layout is the same
        stage.setWidth(1200);
        stage.setHeight(800);
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            UiTests.closeStages();
        });
    }

    private void assertShownFrameIs(FxRobot robot, int expected) {
        UiTests.waitFor(10, () -> {
            FramePicture p = window.player().shownProperty().get();
            return p != null && p.index() == expected;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String label = robot.lookup("#player-frame").queryAs(Label.class).getText();
        ImageView iv = window.playerView().imageView();
        int[] shownPixels = onFx(() -> FxImages.pixels(iv.getImage()));
        assertThat(label).isEqualTo("Frame " + expected + " / " + (FRAMES - 1));
        assertThat(iv.getUserData()).isEqualTo(expected);
        assertThat(FramePicture.pixelHash(shownPixels)).isEqualTo(source.frame(expected).pixelHash());
        assertThat(robot.lookup("#player-timecode").queryAs(Label.class).getText())
                .isEqualTo(source.timing().timecode(expected));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @Test
    void randomKeySequencesKeepTheFrameNumberAndThePictureInAgreement(FxRobot robot) {
        robot.clickOn("#player-video");
        Random r = new Random(7);
        int expected = 0;
        assertShownFrameIs(robot, 0);
        for (int round = 0; round < 8; round++) {
            int keys = 1 + r.nextInt(5);
            for (int k = 0; k < keys; k++) {
                switch (r.nextInt(6)) {
                    case 0 -> { robot.type(KeyCode.RIGHT); expected = Math.min(FRAMES - 1, expected + 1); }
                    case 1 -> { robot.type(KeyCode.LEFT); expected = Math.max(0, expected - 1); }
                    case 2 -> { robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
                                expected = Math.min(FRAMES - 1, expected + 10); }
                    case 3 -> { robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
                                expected = Math.max(0, expected - 10); }
                    case 4 -> { robot.type(KeyCode.HOME); expected = 0; }
                    default -> { robot.type(KeyCode.END); expected = FRAMES - 1; }
                }
            }
            assertShownFrameIs(robot, expected);
        }
    }

    @Test
    void playingAndShuttlingThenPausingShowsAMatchingFrame(FxRobot robot) {
        robot.clickOn("#player-video");
        robot.type(KeyCode.L);
        UiTests.waitFor(10, () -> window.player().positionProperty().get() > 3);
        robot.type(KeyCode.L);   // 2x
        assertThat(window.player().speedProperty().get()).isEqualTo(2.0);
        robot.type(KeyCode.K);
        assertThat(window.player().playingProperty().get()).isFalse();
        int stopped = window.player().positionProperty().get();
        assertShownFrameIs(robot, stopped);
        robot.type(KeyCode.I);
        robot.type(KeyCode.RIGHT, 5);
        robot.type(KeyCode.O);
        assertThat(window.player().loopInProperty().get()).isEqualTo(stopped);
        assertThat(window.player().loopOutProperty().get()).isEqualTo(Math.min(FRAMES - 1, stopped + 5));
    }

    @Test
    void goToFieldAcceptsATimecode(FxRobot robot) {
        robot.clickOn("#player-goto").write("00:00:02:03").type(KeyCode.ENTER);
        assertShownFrameIs(robot, 53);
        robot.clickOn("#player-goto").write("nonsense").type(KeyCode.ENTER);
        UiTests.waitFor(10, () -> window.notifications().all().stream().anyMatch(n -> n.message().contains("'nonsense'")));
    }

    @Test
    void clickingAnswersShowsDefinitionsUndoesAndAutosaves(FxRobot robot) throws Exception {
        RadioButton human = robot.lookup("#shot_type=human").queryAs(RadioButton.class);
        assertThat(human.getTooltip().getText())
                .isEqualTo(SPEC.group("shot_type").orElseThrow().value("human").orElseThrow().definition());
        assertThat(human.getAccessibleText()).isEqualTo("Shot type: Human");
        robot.clickOn(human);
        assertThat(window.answers()).containsEntry("shot_type", "human");
        assertThat(robot.lookup("#checklist-count").queryAs(Label.class).getText()).startsWith("1 / ");
        UiTests.waitFor(10, () -> Files.exists(answers) && Files.readString(answers).contains("\"shot_type\" : \"human\""));
        UiTests.waitFor(10, () -> robot.lookup("#save-state").queryAs(Label.class).getText().startsWith("✓ Saved"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(window.answers()).doesNotContainKey("shot_type");
        assertThat(human.isSelected()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(human.isSelected()).isTrue();
    }

    @Test
    void theFormBeyondTheFirstScreenfulIsBuiltSoonAfterTheFirstFrame(FxRobot robot) {
        UiTests.waitFor(30, () -> onFx(() -> window.checklistView().complete()));
        java.util.List<String> ids = onFx(() -> window.checklist().sections().stream().flatMap(s -> s.groups().stream())
                .map(g -> g.group().id()).toList());
        assertThat(ids).hasSizeGreaterThan(io.chai.app.ui.checklist.ChecklistView.EAGER_CARDS);
        for (String id : ids) {
            assertThat(robot.lookup("#group-" + id).tryQuery()).as(id).isPresent();
        }
        // the cards are in the form's order
        java.util.List<String> shown = onFx(() -> robot.lookup(".group-card").queryAll().stream()
                .map(n -> n.getId().substring("group-".length())).toList());
        assertThat(shown).containsExactlyElementsOf(ids);
    }

    @Test
    void shakeGreysOutDirectionQuestionsAndWarningsAppear(FxRobot robot) {
        // far down the form: select the group (scrolls it into view) and fire the radio button directly
        fire(robot, "steadiness", "#steadiness=very_unsteady");
        Node pan = robot.lookup("#group-camera_pan").query();
        assertThat(pan.getPseudoClassStates().toString()).contains("uncertain");
        fire(robot, "camera_movement", "#camera_movement=no");
        fire(robot, "camera_pan", "#camera_pan=left_to_right");
        assertThat(window.answers()).containsEntry("camera_pan", "left_to_right");
        Node problems = robot.lookup("#checklist-problems").query();
        assertThat(robot.from(problems).lookup(".problem").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#tutorial-title").queryAs(Label.class).getText()).isEqualTo("Pan");
    }

    private void fire(FxRobot robot, String group, String radio) {
        // selecting the group builds its card if the form is still being built after the first frame
        robot.interact(() -> window.checklistView().select(group));
        RadioButton rb = robot.lookup(radio).queryAs(RadioButton.class);
        robot.interact(rb::fire);
    }

    @Test
    void keyboardAloneMovesThroughTheFormAndAnswers(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(window.checklist().selectedProperty().get().group().id()).isEqualTo("shot_type");
        robot.press(KeyCode.CONTROL).type(KeyCode.DOWN).release(KeyCode.CONTROL);
        assertThat(window.checklist().selectedProperty().get().group().id()).isEqualTo("complex_shot_type");
        assertThat(robot.lookup("#tutorial-title").queryAs(Label.class).getText()).isEqualTo("Complex shot");
        Node focus = window.scene().getFocusOwner();
        assertThat(focus.getId()).startsWith("complex_shot_type=");
        robot.type(KeyCode.SPACE);   // selects the focused value
        assertThat(window.answers()).containsKey("complex_shot_type");
        robot.press(KeyCode.CONTROL).type(KeyCode.UP).release(KeyCode.CONTROL);
        assertThat(window.checklist().selectedProperty().get().group().id()).isEqualTo("shot_type");
    }

    @Test
    void f1OpensTheCheatSheetAndThemesAndFontScaleSwitch(FxRobot robot) {
        robot.clickOn("#player-video");
        robot.type(KeyCode.F1);
        assertThat(robot.listWindows()).anySatisfy(w ->
                assertThat(w instanceof Stage s && s.getTitle().startsWith("Keyboard shortcuts")).isTrue());
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#player-video");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(window.scene().getStylesheets()).anySatisfy(s -> assertThat(s).endsWith("dark.css"));
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertThat(window.fontScale()).isGreaterThan(1.0);
        assertThat(window.scene().getRoot().getStyle()).contains("-fx-font-size");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        assertThat(window.taskPanelVisible()).isTrue();
        assertThat(onFx(() -> window.tasks().tasks().stream().map(t -> t.getTitle()).toList()))
                .anySatisfy(t -> assertThat(t).startsWith("Filmstrip"));
    }

    @Test
    void suggestionsAreAcceptedTasksCancelledAndTheLayoutRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> window.checklist().offerSuggestion(
                new io.chai.app.ui.checklist.viewmodel.Suggestion("shot_type", "scenery", "shot analyzer", 0.9)));
        robot.clickOn("Accept");
        assertThat(window.answers()).containsEntry("shot_type", "scenery");
        assertThat(robot.lookup("#shot_type=scenery").queryAs(RadioButton.class).isSelected()).isTrue();

        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        javafx.concurrent.Task<Void> slow = new javafx.concurrent.Task<>() {
            @Override
            protected Void call() throws Exception {
                updateTitle("Slow analysis");
                updateProgress(1, 4);
                never.await();
                return null;
            }
        };
        robot.interact(() -> {
            window.tasks().submit(slow);
            window.toggleTaskPanel();
        });
        UiTests.waitFor(10, () -> onFx(slow::isRunning));
        robot.clickOn(robot.lookup(".task-cancel")
                .match(n -> !((javafx.scene.control.Button) n).isDisabled()).queryButton());
        UiTests.waitFor(10, () -> onFx(slow::isCancelled));

        robot.interact(() -> {
            Stage stage = (Stage) window.scene().getWindow();
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(720);
            window.close();
        });
        WorkstationSettings saved = WorkstationSettings.load(config);
        assertThat(saved.windowBounds()).hasValueSatisfying(b -> {
            assertThat(b.width()).isEqualTo(1100);
            assertThat(b.height()).isEqualTo(720);
        });
        assertThat(saved.divider("main", -1)).isBetween(0.0, 1.0);
    }
}
