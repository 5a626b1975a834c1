// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.player;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.frames.FrameSource;
import io.chai.app.ui.frames.FrameTiming;
import io.chai.app.ui.frames.TestPatternFrameSource;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.player.viewmodel.StreamPlayback;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The player's view model without a display: decoding is synchronous, the clock is driven by hand. */
class PlayerViewModelTest {
    private static final long SECOND = 1_000_000_000L;

    private final FrameSource source = new TestPatternFrameSource("t", 100, FrameTiming.of(25, 1), 64, 36);
    private final List<Integer> requests = new ArrayList<>();
    private PlayerViewModel vm;

    private PlayerViewModel player() {
        vm = new PlayerViewModel(source, i -> {
            requests.add(i);
            vm.frameDecoded(source.frame(i));
        });
        vm.start();
        return vm;
    }

    @Test
    void firstFrameIsDecodedAndShownWithItsNumberTimecodeAndSeconds() {
        PlayerViewModel p = player();
        assertThat(p.shownProperty().get().index()).isZero();
        p.seek(37);
        assertThat(p.frameText().get()).isEqualTo("Frame 37 / 99");
        assertThat(p.timecodeText().get()).isEqualTo("00:00:01:12");
        assertThat(p.secondsText().get()).isEqualTo("1.480 s");
        assertThat(p.shownProperty().get().pixelHash()).isEqualTo(source.frame(37).pixelHash());
    }

    @Test
    void randomStepsMatchAReferenceModelAndTheShownPicture() {
        PlayerViewModel p = player();
        Random r = new Random(42);
        int expected = 0;
        for (int n = 0; n < 500; n++) {
            switch (r.nextInt(6)) {
                case 0 -> { p.step(1); expected = Math.min(99, expected + 1); }
                case 1 -> { p.step(-1); expected = Math.max(0, expected - 1); }
                case 2 -> { p.step(10); expected = Math.min(99, expected + 10); }
                case 3 -> { p.step(-10); expected = Math.max(0, expected - 10); }
                case 4 -> { p.home(); expected = 0; }
                default -> { p.end(); expected = 99; }
            }
            assertThat(p.positionProperty().get()).isEqualTo(expected);
            assertThat(p.shownProperty().get().index()).isEqualTo(expected);
            assertThat(p.shownProperty().get().pixelHash()).isEqualTo(source.frame(expected).pixelHash());
        }
    }

    @Test
    void playingAdvancesByElapsedTimeTimesRateTimesSpeed() {
        PlayerViewModel p = player();
        p.togglePlay();
        assertThat(p.playingProperty().get()).isTrue();
        p.tick(10 * SECOND);            // anchors the clock
        p.tick(10 * SECOND + SECOND);   // one second at 25 fps
        assertThat(p.positionProperty().get()).isEqualTo(25);
        p.baseSpeedProperty().set(2.0);  // re-anchors at 25
        p.tick(20 * SECOND);
        p.tick(20 * SECOND + SECOND / 2);
        assertThat(p.positionProperty().get()).isEqualTo(50);
        p.togglePlay();
        p.tick(30 * SECOND);
        assertThat(p.positionProperty().get()).isEqualTo(50);
        assertThat(p.shownProperty().get().index()).isEqualTo(50);
    }

    @Test
    void playbackStopsOnTheLastFrame() {
        PlayerViewModel p = player();
        p.seek(90);
        p.play(1);
        p.tick(0);
        p.tick(5 * SECOND);
        assertThat(p.positionProperty().get()).isEqualTo(99);
        assertThat(p.playingProperty().get()).isFalse();
        assertThat(p.shownProperty().get().index()).isEqualTo(99);
    }

    @Test
    void repeatedLAndJSpeedUpUpToFourTimesAndKPauses() {
        PlayerViewModel p = player();
        p.shuttleForward();
        assertThat(p.speedProperty().get()).isEqualTo(1.0);
        p.shuttleForward();
        p.shuttleForward();
        p.shuttleForward();
        assertThat(p.speedProperty().get()).isEqualTo(4.0);
        p.shuttleBackward();
        assertThat(p.speedProperty().get()).isEqualTo(-1.0);
        p.shuttleBackward();
        assertThat(p.speedProperty().get()).isEqualTo(-2.0);
        assertThat(p.speedText().get()).isEqualTo("◀ 2×");
        p.pause();
        assertThat(p.playingProperty().get()).isFalse();
        assertThat(p.speedText().get()).isEqualTo("Paused");
    }

    @Test
    void reversePlaybackFromTheStartWrapsToTheEndFirst() {
        PlayerViewModel p = player();
        p.shuttleBackward();
        assertThat(p.positionProperty().get()).isEqualTo(99);
        p.tick(0);
        p.tick(SECOND);
        assertThat(p.positionProperty().get()).isEqualTo(74);
    }

    @Test
    void baseSpeedIsClampedToTheSupportedRange() {
        PlayerViewModel p = player();
        p.baseSpeedProperty().set(10);
        assertThat(p.baseSpeedProperty().get()).isEqualTo(PlayerViewModel.MAX_SPEED);
        p.baseSpeedProperty().set(0.01);
        assertThat(p.baseSpeedProperty().get()).isEqualTo(PlayerViewModel.MIN_SPEED);
    }

    @Test
    void loopInOutWrapsPlaybackInsideTheRange() {
        PlayerViewModel p = player();
        p.seek(20);
        p.markIn();
        p.seek(29);
        p.markOut();
        assertThat(p.loopText().get()).isEqualTo("Loop 20 → 29");
        p.seek(25);
        p.play(1);
        p.tick(0);
        p.tick(SECOND * 8 / 25);   // 25 + 8 = 33 -> wraps to 20 + (13 mod 10) = 23
        assertThat(p.positionProperty().get()).isEqualTo(23);
        assertThat(p.playingProperty().get()).isTrue();
        p.markIn();                // in at 23 keeps out at 29; an out before the in clears the in
        p.seek(10);
        p.markOut();
        assertThat(p.loopInProperty().get()).isEqualTo(-1);
        p.clearLoop();
        assertThat(p.loopText().get()).isEmpty();
    }

    @Test
    void goToAcceptsFrameTimecodeAndSecondsAndExplainsBadInput() {
        PlayerViewModel p = player();
        assertThat(p.goTo("42")).isEmpty();
        assertThat(p.shownProperty().get().index()).isEqualTo(42);
        assertThat(p.goTo("00:00:02:05")).isEmpty();
        assertThat(p.positionProperty().get()).isEqualTo(55);
        assertThat(p.goTo("1.5s")).isEmpty();
        assertThat(p.positionProperty().get()).isEqualTo(37);
        assertThat(p.goTo("banana")).hasValueSatisfying(m -> assertThat(m).contains("not a frame number"));
        assertThat(p.goTo("00:00:01:30")).isPresent();   // frame 30 does not exist at 25 fps
        assertThat(p.goTo("500")).hasValueSatisfying(m -> assertThat(m).contains("past the last frame (99"));
        assertThat(p.positionProperty().get()).isEqualTo(37);
    }

    @Test
    void filmstripIndicesAreSpreadEvenlyAndInRange() {
        PlayerViewModel p = player();
        assertThat(p.filmstripIndices(4)).containsExactly(12, 37, 62, 87);
        assertThat(p.filmstripIndices(500)).hasSize(100).startsWith(0, 1).endsWith(99);
        assertThat(p.fraction(99)).isEqualTo(1.0);
    }

    /** A scripted stream: the test says which frame is on screen and whether it was identified. */
    static final class ScriptedStream implements StreamPlayback {
        volatile StreamPlayback.OnScreen onScreen = new StreamPlayback.OnScreen(-1, false);
        StreamPlayback.Stop stop;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void play(int frame, double rate) {
        }

        @Override
        public void setRate(double rate) {
        }

        final List<Integer> seeks = new ArrayList<>();

        @Override
        public void seek(int frame) {
            seeks.add(frame);
        }

        @Override
        public int frameOnScreen() {
            return onScreen.frame();
        }

        @Override
        public StreamPlayback.OnScreen onScreen() {
            return onScreen;
        }

        @Override
        public boolean finished() {
            return false;
        }

        @Override
        public java.util.Optional<String> failure() {
            return java.util.Optional.empty();
        }

        @Override
        public StreamPlayback.Stop stop() {
            return stop;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void whilePlayingAnUnidentifiedNumberIsMarkedAsAnEstimateAndAnIdentifiedOneIsNot() {
        PlayerViewModel p = player();
        ScriptedStream s = new ScriptedStream();
        p.useStream(s);
        p.togglePlay();
        s.onScreen = new StreamPlayback.OnScreen(40, false);
        p.tick(SECOND);
        assertThat(p.streamOnScreenProperty().get()).isTrue();
        assertThat(p.displayedExactProperty().get()).isFalse();
        assertThat(p.frameText().get()).isEqualTo("Frame ≈40 / 99");
        assertThat(p.frameAccessibleText().get()).startsWith("Frame about 40 of 99");
        s.onScreen = new StreamPlayback.OnScreen(41, true);
        p.tick(2 * SECOND);
        assertThat(p.displayedExactProperty().get()).isTrue();
        assertThat(p.frameText().get()).isEqualTo("Frame 41 / 99");
        assertThat(p.frameAccessibleText().get()).isEqualTo("Frame 41 of 99");
        // paused on an identified frame: shown at once from the exact decoder, nothing to resolve
        List<Integer> measured = new ArrayList<>();
        s.stop = new StreamPlayback.Stop(41, true, f -> {
            measured.add(f.index());
            return f.index() == 41 ? 0 : 1;
        });
        requests.clear();
        p.pause();
        assertThat(measured).isEmpty();
        assertThat(requests).containsExactly(41);
        assertThat(p.shownProperty().get().index()).isEqualTo(41);
        assertThat(p.frameText().get()).isEqualTo("Frame 41 / 99");
        assertThat(p.displayedExactProperty().get()).isTrue();
        // paused on an estimate: the picture is identified among the exact frames around it
        p.togglePlay();
        s.onScreen = new StreamPlayback.OnScreen(60, false);
        p.tick(3 * SECOND);
        assertThat(p.frameText().get()).isEqualTo("Frame ≈60 / 99");
        s.stop = new StreamPlayback.Stop(60, false, f -> f.index() == 62 ? 0 : 1000 + Math.abs(f.index() - 62));
        p.pause();
        assertThat(p.shownProperty().get().index()).isEqualTo(62);
        assertThat(p.frameText().get()).isEqualTo("Frame 62 / 99");
    }

    @Test
    void loopPlaybackJumpsOnceWhilePicturesFromBeforeTheJumpAreStillArriving() {
        PlayerViewModel p = player();
        ScriptedStream s = new ScriptedStream();
        p.useStream(s);
        p.seek(20);
        p.markIn();
        p.seek(30);
        p.markOut();
        p.seek(25);
        p.togglePlay();
        s.onScreen = new StreamPlayback.OnScreen(31, true);
        p.tick(SECOND);
        assertThat(s.seeks).containsExactly(20);
        assertThat(p.displayedProperty().get()).isEqualTo(20);
        assertThat(p.frameText().get()).isEqualTo("Frame ≈20 / 99");
        // libVLC's pictures from before the jump, identified exactly, arrive after it: no second jump
        s.onScreen = new StreamPlayback.OnScreen(32, true);
        p.tick(2 * SECOND);
        assertThat(s.seeks).containsExactly(20);
        // the jump landed; the next time past the out point jumps again
        s.onScreen = new StreamPlayback.OnScreen(20, true);
        p.tick(3 * SECOND);
        assertThat(p.frameText().get()).isEqualTo("Frame 20 / 99");
        s.onScreen = new StreamPlayback.OnScreen(31, true);
        p.tick(4 * SECOND);
        assertThat(s.seeks).containsExactly(20, 20);
    }
}
