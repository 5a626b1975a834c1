// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.checklist.viewmodel.AnswerFile;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.frames.TestClips;
import io.chai.app.ui.settings.WorkstationSettings;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import io.chai.model.spec.Specifications;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window on a real H.264 clip (B-frames, keyframe every 12 frames), headless: after random key
 * sequences the frame number, timecode and picture on screen equal what a separate exact decoder returns.
 */
@ExtendWith(ApplicationExtension.class)
class MediaPlayerUiTest {
    @TempDir
    static Path dir;
    static Path clip;
    static MediaFrameSource reference;

    private MainWindow window;

    @BeforeAll
    static void makeClip() throws Exception {
        clip = TestClips.h264(dir);
        reference = MediaFrameSource.open(clip, new IndexStore(dir.resolve("index")), ProgressListener.NONE,
                CancellationToken.NONE);
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    @Start
    void start(Stage stage) {
        MediaFrameSource source = MediaFrameSource.open(clip, new IndexStore(dir.resolve("index")),
                ProgressListener.NONE, CancellationToken.NONE);
        window = new MainWindow(new WorkstationContent("media", Specifications.bundled(), source,
                new AnswerFile(dir.resolve("answers.json")).store("spec", "clip")), WorkstationSettings.load(dir.resolve("cfg")));
        window.show(stage);
        stage.setWidth(1200);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            ((Stage) window.scene().getWindow()).close();
        });
    }

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @Test
    void randomKeySequencesShowTheExactDecodersFrame(FxRobot robot) throws Exception {
        robot.clickOn("#player-video");
        randomKeys(robot, 0, new Random(3));
    }

    /**
     * Plays through libVLC (Space), pauses (K): the frame on screen is the exact decoder's, and random key
     * sequences step on from it exactly.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void steppingAfterALibVlcPauseShowsTheExactDecodersFrame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(window.playerView().engine().ready());
        assertThat(onFx(() -> window.player().engineProperty().get())).isEqualTo("libVLC");
        robot.clickOn("#player-video");
        Random r = new Random(11);
        for (int round = 0; round < 3; round++) {
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(
                    () -> window.player().streamOnScreenProperty().get()));
            Thread.sleep(200 + r.nextInt(600));
            robot.type(KeyCode.K);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !window.player().resolving()
                    && !window.player().streamOnScreenProperty().get()));
            int paused = onFx(() -> window.player().shownProperty().get().index());
            assertThat(onFx(() -> window.player().positionProperty().get())).isEqualTo(paused);
            WaitForAsyncUtils.waitForFxEvents();
            int[] pixels = onFx(() -> FxImages.pixels(window.playerView().imageView().getImage()));
            assertThat(FramePicture.pixelHash(pixels)).isEqualTo(reference.frame(paused).pixelHash());
            assertThat(robot.lookup("#player-frame").queryAs(Label.class).getText())
                    .isEqualTo("Frame " + paused + " / " + (reference.frameCount() - 1));
            randomKeys(robot, paused, r);
            robot.type(KeyCode.HOME);
        }
    }

    private void randomKeys(FxRobot robot, int start, Random r) throws Exception {
        int last = reference.frameCount() - 1;
        int expected = start;
        for (int round = 0; round < 6; round++) {
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                switch (r.nextInt(5)) {
                    case 0 -> { robot.type(KeyCode.RIGHT); expected = Math.min(last, expected + 1); }
                    case 1 -> { robot.type(KeyCode.LEFT); expected = Math.max(0, expected - 1); }
                    case 2 -> { robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
                                expected = Math.min(last, expected + 10); }
                    case 3 -> { robot.press(KeyCode.SHIFT).type(KeyCode.LEFT).release(KeyCode.SHIFT);
                                expected = Math.max(0, expected - 10); }
                    default -> { robot.type(KeyCode.END); expected = last; }
                }
            }
            int want = expected;
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                    FramePicture p = window.player().shownProperty().get();
                    return p != null && p.index() == want;
                });
            } catch (TimeoutException e) {
                throw new AssertionError("frame " + want + " not shown within 20 s", e);
            }
            WaitForAsyncUtils.waitForFxEvents();
            int[] pixels = onFx(() -> FxImages.pixels(window.playerView().imageView().getImage()));
            assertThat(robot.lookup("#player-frame").queryAs(Label.class).getText())
                    .isEqualTo("Frame " + want + " / " + last);
            assertThat(robot.lookup("#player-timecode").queryAs(Label.class).getText())
                    .isEqualTo(reference.timecode(want));
            assertThat(FramePicture.pixelHash(pixels)).isEqualTo(reference.frame(want).pixelHash());
        }
    }
}
