// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.frames.FramePicture;
import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.frames.TestClips;
import io.chai.app.ui.player.viewmodel.PlayerViewModel;
import io.chai.app.ui.player.viewmodel.StreamPlayback;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * libVLC (installed here and in CI) plays a real H.264 clip into our callback surface without a display: the
 * pictures have the clip's size and each equals the exact decoder's picture of some frame.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VlcStreamTest {
    @TempDir
    static Path dir;
    static Path clip;
    static MediaFrameSource exact;
    static List<FramePicture> frames = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        clip = TestClips.h264(dir);
        exact = MediaFrameSource.open(clip, new IndexStore(dir.resolve("index")), ProgressListener.NONE,
                CancellationToken.NONE);
        for (int i = 0; i < exact.frameCount(); i++) {
            frames.add(exact.frame(i));
        }
    }

    @AfterAll
    static void close() {
        exact.close();
    }

    /** Copies every picture with the frame the stream's clock gave for it. */
    static final class Recorder implements VideoSink {
        final List<byte[]> pictures = new ArrayList<>();
        final List<Integer> estimates = new ArrayList<>();
        volatile VlcStream stream;
        ByteBuffer buffer;
        int width;
        int height;

        @Override
        public synchronized void format(ByteBuffer b, int w, int h) {
            buffer = b;
            width = w;
            height = h;
        }

        @Override
        public synchronized void picture() {
            byte[] copy = new byte[buffer.capacity()];
            buffer.duplicate().rewind().get(copy);
            pictures.add(copy);
            estimates.add(stream.frameOnScreen());
            notifyAll();
        }

        synchronized void awaitPictures(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pictures.size() < n) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("libVLC delivered " + pictures.size() + " pictures, wanted " + n);
                }
                wait(left);
            }
        }
    }

    static int bestMatch(PictureDistance d, long[] distanceOut) {
        int best = -1;
        long bestD = Long.MAX_VALUE;
        for (FramePicture f : frames) {
            long x = d.applyAsLong(f);
            if (x < bestD) {
                bestD = x;
                best = f.index();
            }
        }
        distanceOut[0] = bestD;
        return best;
    }

    static VlcLibrary.Availability.Available vlc() {
        VlcLibrary.Availability a = VlcLibrary.load(VlcLibrary.Config.fromSystem().withMode(VlcLibrary.Mode.AUTO));
        assertThat(a).as("libVLC must be installed for these tests (apt install libvlc5 vlc-plugin-base)")
                .isInstanceOf(VlcLibrary.Availability.Available.class);
        return (VlcLibrary.Availability.Available) a;
    }

    @Test
    void picturesHaveTheClipsSizeAndEqualExactFrames() throws Exception {
        Recorder rec = new Recorder();
        VlcStream stream = new VlcStream(vlc().factory(), exact, clip, rec);
        rec.stream = stream;
        try {
            stream.setPictureSize(frames.get(0).width(), frames.get(0).height());
            stream.play(10, 1.0);
            rec.awaitPictures(30);
            StreamPlayback.Stop stop = stream.stop();
            assertThat(stream.failure()).isEmpty();
            assertThat(rec.width).isEqualTo(320);
            assertThat(rec.height).isEqualTo(180);
            List<byte[]> pics;
            List<Integer> est;
            synchronized (rec) {
                pics = new ArrayList<>(rec.pictures);
                est = new ArrayList<>(rec.estimates);
            }
            int exactMatches = 0;
            int estimatesNear = 0;
            StringBuilder log = new StringBuilder();
            for (int i = 0; i < pics.size(); i++) {
                long[] d = new long[1];
                int m = bestMatch(new PictureDistance(pics.get(i), rec.width, rec.height), d);
                log.append(String.format("pic %d est %d match %d dist %d%n", i, est.get(i), m, d[0]));
                if (d[0] == 0) {
                    exactMatches++;
                }
                if (Math.abs(est.get(i) - m) <= PlayerViewModel.RESOLVE_RADIUS) {
                    estimatesNear++;
                }
            }
            // libVLC's pixels equal FFmpeg's (stack notes); the clock's estimate is within the resolve radius
            assertThat(exactMatches).as(log.toString()).isGreaterThanOrEqualTo(pics.size() * 9 / 10);
            assertThat(estimatesNear).as(log.toString()).isGreaterThanOrEqualTo(pics.size() * 8 / 10);
            assertThat(stop.distance()).isNotNull();
        } finally {
            stream.close();
        }
    }

    /** Loop in/out while libVLC plays: the frame on screen stays between the points and wraps around. */
    @Test
    void loopPlaybackThroughLibVlcStaysBetweenTheLoopPoints() throws Exception {
        Recorder rec = new Recorder();
        VlcStream stream = new VlcStream(vlc().factory(), exact, clip, rec);
        rec.stream = stream;
        PlayerViewModel[] holder = new PlayerViewModel[1];
        PlayerViewModel vm = new PlayerViewModel(exact, i -> holder[0].frameDecoded(exact.frame(i)));
        holder[0] = vm;
        try {
            vm.start();
            stream.setPictureSize(frames.get(0).width(), frames.get(0).height());
            vm.useStream(stream);
            vm.seek(20);
            vm.markIn();
            vm.seek(30);
            vm.markOut();
            vm.seek(25);
            vm.togglePlay();
            List<Integer> seen = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < end) {
                vm.tick(System.nanoTime());
                if (vm.streamOnScreenProperty().get()) {
                    seen.add(vm.displayedProperty().get());
                }
                Thread.sleep(10);
            }
            vm.pause();
            assertThat(seen).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(20, 30));
            int wraps = 0;
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i) < seen.get(i - 1)) {
                    wraps++;
                }
            }
            assertThat(wraps).as("wrapped from the out point to the in point: %s", seen).isGreaterThanOrEqualTo(2);
            assertThat(vm.shownProperty().get().index()).isBetween(20 - PlayerViewModel.RESOLVE_RADIUS,
                    30 + PlayerViewModel.RESOLVE_RADIUS);
        } finally {
            vm.closeStream();
        }
    }

    /**
     * The view model without a display, playing through libVLC: after a pause the frame shown is the exact
     * decoder's frame whose picture libVLC showed last (same number, same picture hash), and stepping goes on
     * from it exactly.
     */
    @Test
    void pauseShowsTheExactFrameThatLibVlcShowedAndSteppingGoesOnFromIt() throws Exception {
        Recorder rec = new Recorder();
        VlcStream stream = new VlcStream(vlc().factory(), exact, clip, rec);
        rec.stream = stream;
        PlayerViewModel[] holder = new PlayerViewModel[1];
        PlayerViewModel vm = new PlayerViewModel(exact, i -> holder[0].frameDecoded(exact.frame(i)));
        holder[0] = vm;
        try {
            vm.start();
            stream.setPictureSize(frames.get(0).width(), frames.get(0).height());
            vm.useStream(stream);
            assertThat(vm.engineProperty().get()).isEqualTo("libVLC");
            for (int run = 0; run < 3; run++) {
                int before;
                synchronized (rec) {
                    before = rec.pictures.size();
                }
                vm.togglePlay();
                rec.awaitPictures(before + 8 + 5 * run);
                vm.tick(System.nanoTime());
                assertThat(vm.streamOnScreenProperty().get()).isTrue();
                byte[] lastBefore;
                synchronized (rec) {
                    lastBefore = rec.pictures.get(rec.pictures.size() - 1);
                }
                vm.pause();
                byte[] last;
                synchronized (rec) {
                    last = rec.pictures.get(rec.pictures.size() - 1);
                }
                assertThat(vm.resolving()).isFalse();
                assertThat(vm.streamOnScreenProperty().get()).isFalse();
                FramePicture shown = vm.shownProperty().get();
                int f = shown.index();
                assertThat(vm.positionProperty().get()).isEqualTo(f);
                assertThat(vm.displayedProperty().get()).isEqualTo(f);
                assertThat(vm.frameText().get()).isEqualTo("Frame " + f + " / " + (exact.frameCount() - 1));
                assertThat(shown.pixelHash()).isEqualTo(frames.get(f).pixelHash());
                // the frame paused on is libVLC's picture at the moment of the pause: no older than the last
                // picture delivered before pause() was called, no newer than the last one delivered after it
                // (libVLC may still deliver pictures while the pause takes effect; they are not shown)
                long[] d = new long[1];
                int beforeMatch = bestMatch(new PictureDistance(lastBefore, rec.width, rec.height), d);
                int lastMatch = bestMatch(new PictureDistance(last, rec.width, rec.height), d);
                assertThat(f).as("last picture before pause %d, after %d, paused on %d", beforeMatch, lastMatch, f)
                        .isBetween(beforeMatch, lastMatch);
                vm.step(1);
                assertThat(vm.shownProperty().get().index()).isEqualTo(Math.min(exact.frameCount() - 1, f + 1));
                assertThat(vm.shownProperty().get().pixelHash())
                        .isEqualTo(frames.get(Math.min(exact.frameCount() - 1, f + 1)).pixelHash());
                vm.step(-10);
                assertThat(vm.shownProperty().get().index()).isEqualTo(Math.max(0, Math.min(exact.frameCount() - 1, f + 1) - 10));
            }
        } finally {
            vm.closeStream();
        }
    }
}
