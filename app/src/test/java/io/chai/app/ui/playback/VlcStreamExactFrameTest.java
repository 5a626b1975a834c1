// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.app.ui.frames.MediaFrameSource;
import io.chai.app.ui.frames.TestClips;
import io.chai.app.ui.player.viewmodel.StreamPlayback;
import io.chai.media.CancellationToken;
import io.chai.media.IndexStore;
import io.chai.media.ProgressListener;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real libVLC plays real clips through {@link VlcStream} while its decode-ahead identifies every picture: each
 * picture libVLC delivers is compared with every exact frame of the clip (decoded up front by the exact decoder),
 * and wherever the stream claims an exact frame number, that frame's picture is identical to the one delivered.
 * Numbers it could not identify must say so (not exact); they must never be wrong and claimed exact.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VlcStreamExactFrameTest {
    @TempDir
    static Path dir;

    /** One delivered picture: its signature and what the stream said was on screen when it was delivered. */
    record Delivered(PictureSignature picture, StreamPlayback.OnScreen onScreen) {
    }

    static final class Recorder implements VideoSink {
        final List<Delivered> delivered = new ArrayList<>();
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
            delivered.add(new Delivered(PictureSignature.ofBgra(-1, buffer, width, height), stream.onScreen()));
            notifyAll();
        }

        synchronized int count() {
            return delivered.size();
        }

        synchronized List<Delivered> all() {
            return new ArrayList<>(delivered);
        }

        /** Waits for {@code n} pictures in all, or until the stream finished or {@code seconds} passed. */
        synchronized void await(int n, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (delivered.size() < n && !stream.finished()) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                wait(Math.min(left, 100));
            }
        }
    }

    /** The clip's exact frames, as signatures. */
    static List<PictureSignature> exactFrames(MediaFrameSource source) {
        List<PictureSignature> out = new ArrayList<>();
        for (int i = 0; i < source.frameCount(); i++) {
            out.add(PictureSignature.of(source.frame(i)));
        }
        return out;
    }

    static MediaFrameSource open(Path clip) {
        return MediaFrameSource.open(clip, new IndexStore(dir.resolve("index")), ProgressListener.NONE,
                CancellationToken.NONE);
    }

    /** How the delivered pictures were numbered. */
    record Tally(int pictures, int exact, int exactAndRight, int identifiable, int skips, String log) {
    }

    /**
     * Checks every delivered picture against all exact frames. A picture is identifiable when some exact frame's
     * samples are identical to it; an exact claim is right when the claimed frame is one of those.
     */
    static Tally tally(List<Delivered> delivered, List<PictureSignature> frames) {
        int exact = 0;
        int right = 0;
        int identifiable = 0;
        int skips = 0;
        int previous = -1;
        StringBuilder log = new StringBuilder();
        for (Delivered d : delivered) {
            long min = Long.MAX_VALUE;
            List<Integer> identical = new ArrayList<>();
            for (PictureSignature f : frames) {
                long x = d.picture().distance(f);
                if (x < min) {
                    min = x;
                    identical.clear();
                }
                if (x == min) {
                    identical.add(f.frame());
                }
            }
            if (min == 0) {
                identifiable++;
                int truth = identical.get(0);
                if (previous >= 0 && truth > previous + 1) {
                    skips++;
                }
                previous = truth;
            }
            StreamPlayback.OnScreen on = d.onScreen();
            if (on.exact()) {
                exact++;
                if (min == 0 && identical.contains(on.frame())) {
                    right++;
                }
            }
            log.append(String.format("reported %s%d, identical to %s (distance %d)%n", on.exact() ? "" : "~",
                    on.frame(), min == 0 ? identical.toString() : "none", min));
        }
        return new Tally(delivered.size(), exact, right, identifiable, skips, log.toString());
    }

    static VlcStream stream(MediaFrameSource source, Path clip, Recorder rec) {
        VlcStream s = new VlcStream(VlcStreamTest.vlc().factory(), source, clip, rec);
        rec.stream = s;
        assertThat(s.signatureAhead()).as("a clip file gets a decode-ahead").isPresent();
        // the size the player asks for: the exact decoder's
        s.setPictureSize(sizeOf(source)[0], sizeOf(source)[1]);
        return s;
    }

    static int[] sizeOf(MediaFrameSource source) {
        var p = source.frame(0);
        return new int[] {p.width(), p.height()};
    }

    @Test
    void everyPictureAtOneTwoAndFourTimesCarriesTheNumberOfItsIdenticalExactFrame() throws Exception {
        Path clip = TestClips.testsrc2(dir, "320x180", 24);
        try (MediaFrameSource source = open(clip)) {
            List<PictureSignature> frames = exactFrames(source);
            for (int i = 1; i < frames.size(); i++) {
                assertThat(frames.get(i).distance(frames.get(i - 1))).as("frames %d and %d differ", i - 1, i)
                        .isPositive();
            }
            for (double rate : new double[] {1, 2, 4}) {
                Recorder rec = new Recorder();
                VlcStream s = stream(source, clip, rec);
                try {
                    s.play(10, rate);
                    rec.await(150, 30);
                    s.stop();
                    SignatureAhead ahead = s.signatureAhead().orElseThrow();
                    System.out.printf("decode-ahead at %s×: %d frames decoded, gave up %s, failure %s%n", rate,
                            ahead.decoded(), ahead.gaveUp(), ahead.failure());
                    assertThat(s.failure()).isEmpty();
                } finally {
                    s.close();
                }
                Tally t = tally(rec.all(), frames);
                System.out.printf("320x180 at %s×: %d pictures, %d identifiable, %d skips in the frames shown, %d exact%n",
                        rate, t.pictures(), t.identifiable(), t.skips(), t.exact());
                if (Boolean.getBoolean("chai.test.verbose")) {
                    System.out.print(t.log());
                }
                assertThat(t.pictures()).as("pictures at %s×", rate).isGreaterThanOrEqualTo(20);
                assertThat(t.exactAndRight()).as("every exact claim is right at %s×:%n%s", rate, t.log())
                        .isEqualTo(t.exact());
                // libVLC's pixels equal ours at this size, so (almost) every picture can be identified; the
                // decode-ahead identifies most (at 4× on a busy machine it needs a moment to get ahead at the start)
                assertThat(t.identifiable()).as(t.log()).isGreaterThanOrEqualTo(t.pictures() * 9 / 10);
                assertThat(t.exact()).as("identified at %s×:%n%s", rate, t.log())
                        .isGreaterThanOrEqualTo(t.pictures() / 2);
            }
        }
    }

    @Test
    void afterASeekWhilePlayingPicturesAreIdentifiedAgain() throws Exception {
        Path clip = TestClips.testsrc2(dir, "320x180", 12);
        try (MediaFrameSource source = open(clip)) {
            List<PictureSignature> frames = exactFrames(source);
            Recorder rec = new Recorder();
            VlcStream s = stream(source, clip, rec);
            int beforeSeek;
            try {
                s.play(10, 1.0);
                rec.await(15, 30);
                beforeSeek = rec.count();
                s.seek(200);
                rec.await(beforeSeek + 40, 30);
                s.stop();
                assertThat(s.failure()).isEmpty();
            } finally {
                s.close();
            }
            List<Delivered> all = rec.all();
            Tally t = tally(all, frames);
            assertThat(t.exactAndRight()).as("every exact claim is right:%n%s", t.log()).isEqualTo(t.exact());
            // pictures from after the seek (identical to frames from 200 on) are identified
            List<Delivered> after = new ArrayList<>();
            for (Delivered d : all.subList(beforeSeek, all.size())) {
                for (int f = 200; f < frames.size(); f++) {
                    if (d.picture().distance(frames.get(f)) == 0) {
                        after.add(d);
                        break;
                    }
                }
            }
            Tally ta = tally(after, frames);
            assertThat(ta.pictures()).as(t.log()).isGreaterThanOrEqualTo(20);
            assertThat(ta.exact()).as("identified after the seek:%n%s", t.log())
                    .isGreaterThanOrEqualTo(ta.pictures() * 7 / 10);
        }
    }

    /**
     * 1080p at 4×: libVLC drops pictures and the decode-ahead cannot decode every frame in time on a small
     * machine; every number shown is then either right or marked as an estimate.
     */
    @Test
    void at4xOn1080pNumbersAreRightOrMarkedEstimatedNeverWrong() throws Exception {
        Path clip = TestClips.testsrc2(dir, "1920x1080", 10);
        try (MediaFrameSource source = open(clip)) {
            List<PictureSignature> frames = exactFrames(source);
            Recorder rec = new Recorder();
            VlcStream s = stream(source, clip, rec);
            boolean gaveUp;
            try {
                s.play(0, 4.0);
                rec.await(Integer.MAX_VALUE, 10);
                s.stop();
                assertThat(s.failure()).isEmpty();
                assertThat(s.signatureAhead().get().failure()).isEmpty();
                gaveUp = s.signatureAhead().get().gaveUp();
            } finally {
                s.close();
            }
            Tally t = tally(rec.all(), frames);
            System.out.printf("1080p at 4x: %d pictures, %d identifiable, %d skips in the frames shown, %d exact,"
                    + " decode-ahead gave up: %s%n", t.pictures(), t.identifiable(), t.skips(), t.exact(), gaveUp);
            assertThat(t.pictures()).as(t.log()).isGreaterThanOrEqualTo(10);
            assertThat(t.exactAndRight()).as("every exact claim is right:%n%s", t.log()).isEqualTo(t.exact());
        }
    }

    /**
     * An untagged 720p clip: we convert it as BT.709, libVLC as BT.601, so no libVLC picture equals an exact frame
     * pixel for pixel, and the matcher must see through the different colour matrix. The truth comes from the same
     * pictures tagged BT.601 (identical encoding, only the tags differ), whose exact frames do equal libVLC's.
     */
    @Test
    void anUntaggedHdClipIsIdentifiedThroughLibVlcsDifferentColourMatrix() throws Exception {
        Path clip = TestClips.testsrc2(dir, "1280x720", 8, false);
        Path twin = TestClips.testsrc2(dir, "1280x720", 8, true);
        try (MediaFrameSource source = open(clip); MediaFrameSource truth = open(twin)) {
            List<PictureSignature> frames = exactFrames(source);
            List<PictureSignature> asLibVlcConverts = exactFrames(truth);
            assertThat(frames.get(50).distance(asLibVlcConverts.get(50))).as("the two conversions differ")
                    .isPositive();
            Recorder rec = new Recorder();
            VlcStream s = stream(source, clip, rec);
            try {
                s.play(10, 1.0);
                rec.await(80, 30);
                s.stop();
                assertThat(s.failure()).isEmpty();
                SignatureAhead ahead = s.signatureAhead().orElseThrow();
                System.out.printf("decode-ahead on untagged 720p: %d frames decoded, gave up %s%n", ahead.decoded(),
                        ahead.gaveUp());
            } finally {
                s.close();
            }
            Tally t = tally(rec.all(), asLibVlcConverts);
            System.out.printf("untagged 720p at 1x: %d pictures, %d identifiable, %d skips, %d exact%n",
                    t.pictures(), t.identifiable(), t.skips(), t.exact());
            assertThat(t.identifiable()).as("libVLC converts untagged HD as BT.601:%n%s", t.log())
                    .isGreaterThanOrEqualTo(t.pictures() * 9 / 10);
            assertThat(t.exactAndRight()).as("every exact claim is right:%n%s", t.log()).isEqualTo(t.exact());
            assertThat(t.exact()).as("identified:%n%s", t.log()).isGreaterThanOrEqualTo(t.pictures() / 2);
        }
    }

    /** Pausing stops the decode-ahead and releases its decoder; what it decoded are the exact frames. */
    @Test
    void stopHaltsTheDecodeAheadAndItsDecoderIsReleased() throws Exception {
        Path clip = TestClips.testsrc2(dir, "320x180", 12);
        try (MediaFrameSource source = open(clip)) {
            List<PictureSignature> frames = exactFrames(source);
            Recorder rec = new Recorder();
            VlcStream s = stream(source, clip, rec);
            SignatureAhead ahead = s.signatureAhead().orElseThrow();
            try {
                s.play(100, 1.0);
                rec.await(10, 30);
                assertThat(ahead.running()).isTrue();
                s.stop();
                assertThat(ahead.awaitIdle(5000)).as("decoder closed after stop").isTrue();
                long decoded = ahead.decoded();
                assertThat(decoded).isPositive();
                // what it decoded is the exact frames' samples
                int checked = 0;
                for (int f = 96; f < frames.size(); f++) {
                    PictureSignature sig = ahead.get(f);
                    if (sig != null) {
                        assertThat(sig.distance(frames.get(f))).as("frame %d", f).isZero();
                        checked++;
                    }
                }
                assertThat(checked).isGreaterThanOrEqualTo(FrameMatcher.RADIUS * 2);
                Thread.sleep(300);
                assertThat(ahead.decoded()).as("nothing decoded while stopped").isEqualTo(decoded);
            } finally {
                s.close();
            }
            assertThat(ahead.awaitIdle(5000)).isTrue();
        }
    }
}
