// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.library;

import io.chai.app.ui.UiTests;
import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.FxImages;
import io.chai.app.ui.MainWindow;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.project.DemoProject;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The library in the real window on the demo project: answer a question, filter the library by text, open another
 * clip with Enter (the answers are saved first), check the player shows the new clip's exact frame, come back
 * (the answers are there again), and 'Next in my queue' (Ctrl+N) opens the clip assigned to the user.
 */
@ExtendWith(ApplicationExtension.class)
class LibraryUiTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private static io.chai.app.ui.WorkstationContent content;

    /** Generates the clips and opens the project before the window (slow on a busy machine; not on the FX thread). */
    @BeforeAll
    static void createDemoProject() {
        content = DemoProject.open(dir.resolve("demo"), null, "ann");
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(content, WorkstationSettings.load(dir.resolve("cfg")));
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

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @Test
    void filterOpenAnotherClipAndComeBack(FxRobot robot) throws Exception {
        String first = onFx(() -> window.clipId().orElseThrow());
        robot.interact(() -> window.checklist().set("shot_type", "human"));
        assertThat(onFx(() -> window.checklist().dirtyProperty().get())).isTrue();

        robot.clickOn("#player-video");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        LibraryViewModel vm = onFx(() -> window.library().orElseThrow());
        UiTests.waitFor(60, () -> onFx(() -> vm.rows().size() == 3 && !vm.loadingProperty().get()));
        assertThat(onFx(() -> window.sideTabs().getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("tab-library");

        robot.clickOn("#library-search").write("mandel");
        UiTests.waitFor(60, () -> onFx(() -> vm.rows().size() == 1));
        LibraryRow row = onFx(() -> vm.rows().get(0));
        assertThat(row.name()).isEqualTo("02-mandelbrot-zoom.mp4");

        LibraryView view = onFx(() -> window.libraryView().orElseThrow());
        robot.interact(() -> {
            view.table().requestFocus();
            view.table().getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        UiTests.waitFor(60, () -> onFx(() -> row.clipId().equals(window.clipId().orElse(null))
                && window.player().shownProperty().get() != null));

        // the first clip's answers were saved before the switch
        try (ProjectStore store = ProjectStore.open(dir.resolve("demo"))) {
            assertThat(store.history(first, "")).anySatisfy(r -> {
                assertThat(r.kind()).isEqualTo(RevisionKind.PRIMITIVE_LABELS);
                assertThat(r.payload()).contains("human");
            });
        }
        // the player shows the mandelbrot clip: same picture as its exact decoder
        Path file = dir.resolve("demo/media/02-mandelbrot-zoom.mp4");
        try (MediaFrameSource reference = MediaFrameSource.open(file, new IndexStore(dir.resolve("demo/cache/frame-index")),
                ProgressListener.NONE, CancellationToken.NONE)) {
            assertThat(onFx(() -> window.player().frameCount())).isEqualTo(reference.frameCount());
            robot.clickOn("#player-video");
            robot.type(KeyCode.RIGHT, 5);
            UiTests.waitFor(60, () -> onFx(() -> window.player().shownProperty().get().index() == 5));
            WaitForAsyncUtils.waitForFxEvents();
            int[] pixels = onFx(() -> FxImages.pixels(window.playerView().imageView().getImage()));
            assertThat(FramePicture.pixelHash(pixels)).isEqualTo(reference.frame(5).pixelHash());
        }
        assertThat(onFx(() -> window.checklist().get("shot_type"))).isNull();
        assertThat(onFx(() -> window.captions().orElseThrow().clip().hex())).isEqualTo(row.clipId());

        // back to the first clip through the library: its answers are loaded again
        robot.interact(view::clearFilters);
        UiTests.waitFor(60, () -> onFx(() -> vm.rows().size() == 3));
        robot.interact(() -> window.openClip(first));
        UiTests.waitFor(60, () -> onFx(() -> first.equals(window.clipId().orElse(null))));
        assertThat(onFx(() -> window.checklist().get("shot_type"))).isEqualTo("human");
        assertThat(onFx(() -> window.checklist().dirtyProperty().get())).isFalse();

        // next in my queue: the third clip is assigned to ann
        String third = onFx(() -> vm.table().clipId(2));
        onFx(() -> window.project().orElseThrow().store().append(RevisionDraft.of(third, "", RevisionKind.ASSIGNMENT,
                "lead", "{\"assignee\":\"ann\"}")));
        robot.clickOn("#player-video");
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        UiTests.waitFor(60, () -> onFx(() -> third.equals(window.clipId().orElse(null))));
        assertThat(onFx(() -> window.player().source().name())).contains("03-cellular-automaton");

        // a caption step on the clip on screen: its library row changes in place, the selection stays
        robot.interact(() -> {
            window.showLibrary();
            view.table().getSelectionModel().clearAndSelect(0);
        });
        java.util.List<String> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> vm.rows().addListener((javafx.collections.ListChangeListener<LibraryRow>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + "-" + c.getTo() + (c.wasUpdated() ? " updated" : " replaced"));
            }
        }));
        var captions = onFx(() -> window.captions().orElseThrow());
        robot.interact(() -> assertThat(captions.generate()).as(captions.errorProperty().get()).isTrue());
        UiTests.waitFor(60, () -> onFx(() -> vm.rows().get(2).state(io.chai.model.domain.Aspect.SUBJECT.ordinal())
                == io.chai.model.workflow.WorkflowState.PRECAPTIONED));
        assertThat(changes).containsExactly("2-3 updated");
        // the table redraws that row: its subject cell shows the pre-captioned glyph
        UiTests.waitFor(30, () -> onFx(() -> robot.lookup(".library-state").queryAll().stream().anyMatch(n ->
                n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getIndex() == 2
                        && LibraryRow.glyph(io.chai.model.workflow.WorkflowState.PRECAPTIONED).equals(cell.getText()))));
        assertThat(onFx(() -> view.table().getSelectionModel().getSelectedIndex())).isZero();
        assertThat(onFx(() -> vm.rows().get(0).state(io.chai.model.domain.Aspect.SUBJECT.ordinal())))
                .isEqualTo(io.chai.model.workflow.WorkflowState.NOT_STARTED);
    }
}
