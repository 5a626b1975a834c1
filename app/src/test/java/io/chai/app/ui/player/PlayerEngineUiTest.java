// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.FxImages;
import io.chai.app.ui.frames.FrameLoader;
import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.frames.TestClips;
import io.chai.app.ui.notify.NotificationCenter;
import io.chai.app.ui.playback.VlcLibrary;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.tasks.TaskCenter;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The player view on a real H.264 clip with each engine choice, headless: libVLC playing into the PixelBuffer
 * surface and pausing onto the exact frame; FFmpeg forced by the switch, and libVLC not found, each with the
 * one-line notice and still playing.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PlayerEngineUiTest {
    @TempDir
    static Path dir;
    static Path clip;
    static MediaFrameSource reference;

    private Stage stage;
    private PlayerView view;
    private PlayerViewModel vm;
    private MediaFrameSource source;
    private FrameLoader loader;
    private ExecutorService decodeThread;

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
    void start(Stage s) {
        stage = s;
    }

    /** The player as MainWindow builds it (exact decoder behind a FrameLoader), with {@code config}. */
    private void open(FxRobot robot, VlcLibrary.Config config) {
        source = MediaFrameSource.open(clip, new IndexStore(dir.resolve("index")), ProgressListener.NONE,
                CancellationToken.NONE);
        decodeThread = Executors.newSingleThreadExecutor();
        PlayerViewModel[] holder = new PlayerViewModel[1];
        loader = new FrameLoader(source, decodeThread, Platform::runLater, p -> holder[0].frameDecoded(p),
                e -> { throw e; });
        robot.interact(() -> {
            vm = new PlayerViewModel(source, loader::request);
            holder[0] = vm;
            vm.start();
            NotificationCenter n = new NotificationCenter();
            view = new PlayerView(vm, new TaskCenter(n), n, config);
            stage.setScene(new Scene(view, 900, 640));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(view.engine().ready());
        waitUntil("first frame", () -> vm.shownProperty().get() != null);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (view != null) {
            robot.interact(() -> {
                view.stop();
                stage.hide();
            });
            loader.close();
            decodeThread.shutdownNow();
            source.close();
        }
    }

    private static <T> T onFx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (Exception e) {
            throw new AssertionError("gave up waiting for " + what, e);
        }
    }

    private String label(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    /** After a pause: the number, timecode and picture on screen are the exact decoder's frame. */
    private void assertExactFrameOnScreen(FxRobot robot) {
        waitUntil("the paused frame", () -> !vm.resolving() && !vm.streamOnScreenProperty().get()
                && vm.shownProperty().get() != null
                && vm.shownProperty().get().index() == vm.positionProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int f = onFx(() -> vm.shownProperty().get().index());
        int[] pixels = onFx(() -> FxImages.pixels(view.imageView().getImage()));
        assertThat(onFx(() -> view.imageView().isVisible())).isTrue();
        assertThat(onFx(() -> view.streamView().isVisible())).isFalse();
        assertThat(label(robot, "#player-frame")).isEqualTo("Frame " + f + " / " + (reference.frameCount() - 1));
        assertThat(label(robot, "#player-timecode")).isEqualTo(reference.timecode(f));
        assertThat(FramePicture.pixelHash(pixels)).isEqualTo(reference.frame(f).pixelHash());
    }

    @Test
    void libVlcPlaysIntoThePixelBufferAndPausesOnTheExactFrame(FxRobot robot) {
        open(robot, VlcLibrary.Config.fromSystem().withMode(VlcLibrary.Mode.AUTO).withLibraryDir(null));
        assertThat(onFx(() -> vm.engineProperty().get())).isEqualTo("libVLC");
        assertThat(label(robot, "#player-engine")).isEqualTo("Playback: libVLC");
        assertThat(onFx(() -> robot.lookup("#player-engine-notice").queryAs(Label.class).isVisible())).isFalse();
        robot.interact(() -> vm.togglePlay());
        waitUntil("libVLC's picture on screen", () -> vm.streamOnScreenProperty().get()
                && view.engine().sink().orElseThrow().pictures() >= 10);
        assertThat(onFx(() -> view.streamView().isVisible())).isTrue();
        assertThat(onFx(() -> view.streamView().getImage().getWidth())).isEqualTo(320.0);
        assertThat(onFx(() -> view.streamView().getImage().getHeight())).isEqualTo(180.0);
        // the readout shows the frame libVLC's picture was identified as (the decode-ahead keeps up with this
        // small clip), unmarked; an estimate would read "Frame ≈N" with the :estimated pseudo-class
        waitUntil("libVLC's picture identified", () -> vm.streamOnScreenProperty().get()
                && vm.displayedExactProperty().get());
        int playingFrame = onFx(() -> vm.displayedProperty().get());
        assertThat(playingFrame).isPositive();
        assertThat(label(robot, "#player-frame")).startsWith("Frame ").doesNotContain("≈");
        assertThat(onFx(() -> robot.lookup("#player-frame").queryAs(Label.class).getPseudoClassStates().stream()
                .anyMatch(c -> c.getPseudoClassName().equals("estimated")) == !vm.displayedExactProperty().get()))
                .isTrue();
        robot.interact(() -> vm.pause());
        assertExactFrameOnScreen(robot);
        // speed and play again from the paused frame
        robot.interact(() -> {
            vm.baseSpeedProperty().set(2.0);
            vm.togglePlay();
        });
        waitUntil("libVLC playing at 2x", () -> vm.streamOnScreenProperty().get());
        robot.interact(() -> vm.step(1));
        assertExactFrameOnScreen(robot);
    }

    @Test
    void forcedFfmpegShowsTheNoticeAndStillPlays(FxRobot robot) {
        open(robot, VlcLibrary.Config.fromSystem().withMode(VlcLibrary.Mode.FFMPEG));
        assertThat(onFx(() -> vm.engineProperty().get())).isEqualTo("FFmpeg");
        assertThat(onFx(() -> robot.lookup("#player-engine-notice").queryAs(Label.class).isVisible())).isTrue();
        assertThat(label(robot, "#player-engine-notice")).startsWith("Playing from the FFmpeg decoder")
                .contains("switched off").doesNotContain("\n");
        playsFromTheExactDecoder(robot);
    }

    @Test
    void missingLibVlcFallsBackWithTheInstallNotice(FxRobot robot) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-libvlc-here"));
        open(robot, VlcLibrary.Config.fromSystem().withMode(VlcLibrary.Mode.AUTO).withLibraryDir(empty));
        assertThat(onFx(() -> vm.engineProperty().get())).isEqualTo("FFmpeg");
        assertThat(label(robot, "#player-engine-notice")).startsWith("Playing from the FFmpeg decoder")
                .contains("libVLC is not installed").contains("apt install libvlc5 vlc-plugin-base")
                .doesNotContain("\n");
        playsFromTheExactDecoder(robot);
    }

    private void playsFromTheExactDecoder(FxRobot robot) {
        robot.interact(() -> vm.togglePlay());
        waitUntil("playback to move", () -> vm.shownProperty().get().index() >= 10);
        assertThat(onFx(() -> vm.streamOnScreenProperty().get())).isFalse();
        robot.interact(() -> vm.pause());
        assertExactFrameOnScreen(robot);
    }
}
