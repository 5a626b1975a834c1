// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.MainWindow;
import io.chai.app.ui.UiTests;
import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Analyzer suggestions on the demo project in the real window: a clip never analysed shows none and starts no task
 * (only the button); once analysed (on request), the next session shows its suggestions as soon as the clip opens,
 * read from the project's {@code cache/analysis/} without a task; another clip that was never analysed shows none.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisCacheUiTest {
    @TempDir
    static Path dir;
    static Path project;

    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void createDemoProject() {
        project = DemoProject.ensure(dir.resolve("demo"));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> {
            if (window != null) {
                window.close();
            }
            UiTests.closeStages();
        });
    }

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    /** Opens a new window (a new session: a new analyzer with nothing in memory) on the demo project. */
    private void openWindow(FxRobot robot) {
        var content = DemoProject.open(project, null, "ann");
        robot.interact(() -> {
            if (window != null) {
                window.close();
            }
            window = new MainWindow(content, WorkstationSettings.load(dir.resolve("cfg")));
            window.show(stage);
        });
    }

    private int suggestions() {
        return onFx(() -> window.checklist().groups().stream().mapToInt(g -> g.suggestions().size()).sum());
    }

    private boolean analysisTaskSeen() {
        return onFx(() -> window.tasks().tasks().stream().anyMatch(t -> t.getTitle().startsWith("Analysing")));
    }

    private boolean lookupOffered() throws Exception {
        var f = onFx(() -> window.analysis().orElseThrow().cachedLookup());
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void cachedAnalysisIsShownWhenTheClipOpensAndNothingIsAnalysedUnasked(FxRobot robot) throws Exception {
        openWindow(robot);
        assertThat(lookupOffered()).isFalse();
        assertThat(suggestions()).isZero();
        assertThat(analysisTaskSeen()).isFalse();
        assertThat(onFx(() -> window.checklistView().analyzeButton().isVisible())).isTrue();
        assertThat(Files.exists(project.resolve("cache/analysis"))).isFalse();

        // the user asks: the analysis runs as a task and its suggestions are offered
        Task<?> task = onFx(() -> window.analysis().orElseThrow().run());
        assertThat(task).isNotNull();
        UiTests.waitFor(120, () -> onFx(task::isDone));
        assertThat(onFx(task::getState)).isEqualTo(javafx.concurrent.Worker.State.SUCCEEDED);
        int offered = suggestions();
        assertThat(offered).isPositive();
        try (var files = Files.list(project.resolve("cache/analysis"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".json"))).hasSize(1);
        }

        // the next session: the same clip's suggestions appear when it opens, without a task
        openWindow(robot);
        assertThat(lookupOffered()).isTrue();
        assertThat(suggestions()).isEqualTo(offered);
        assertThat(analysisTaskSeen()).isFalse();
        assertThat(onFx(() -> window.checklistView().analyzeButton().isVisible())).isTrue();

        // another clip, never analysed: no suggestions, no task; back to the first: shown again
        String first = onFx(() -> window.clipId().orElseThrow());
        UiTests.waitFor(60, () -> onFx(() -> window.library().orElseThrow().table() != null));
        String other = onFx(() -> window.library().orElseThrow().table().clipId(1));
        var opened = onFx(() -> window.openClip(other));
        assertThat(opened.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lookupOffered()).isFalse();
        assertThat(suggestions()).isZero();
        opened = onFx(() -> window.openClip(first));
        assertThat(opened.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lookupOffered()).isTrue();
        assertThat(suggestions()).isEqualTo(offered);
        assertThat(analysisTaskSeen()).isFalse();
    }
}
