// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.media.time.FrameRate;
import io.chai.media.time.Rational;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Probe facts of the generated clips: what the header says, corrected by decoding. */
class ProbeTest {

    private static ProbeResult probe(Path clip) {
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        return VideoClip.probe(clip, index);
    }

    @Test
    void h264WithBFrames() throws Exception {
        ProbeResult p = probe(TestClips.h264BFrames());
        assertThat(p.container()).contains("mp4");
        assertThat(p.codec()).isEqualTo("h264");
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
        assertThat(p.frameCount()).isEqualTo(150);
        assertThat(p.frameRate()).isEqualTo(FrameRate.FPS_25);
        assertThat(p.constantFrameRate()).isTrue();
        assertThat(p.keyframeCount()).isEqualTo(3);
        assertThat(p.duration()).isEqualTo(Rational.of(6));
        assertThat(p.hasAudio()).isFalse();
        assertThat(p.rotation()).isZero();
        assertThat(p.sampleAspectRatio()).isEqualTo(Rational.ONE);
        assertThat(p.truncated()).isFalse();
    }

    @Test
    void ntscRatesAreExactRationals() throws Exception {
        ProbeResult film = probe(TestClips.h264At23976());
        assertThat(film.frameRate()).isEqualTo(FrameRate.FPS_23_976);
        assertThat(film.dropFrameTimecode()).isFalse();
        assertThat(film.frameCount()).isEqualTo(96);
        ProbeResult video = probe(TestClips.h264At2997());
        assertThat(video.frameRate()).isEqualTo(FrameRate.FPS_29_97);
        assertThat(video.dropFrameTimecode()).isTrue();
        assertThat(video.constantFrameRate()).isTrue();
        assertThat(video.frameCount()).isEqualTo(120);
    }

    @Test
    void variableFrameRateIsDetected() throws Exception {
        ProbeResult p = probe(TestClips.variableFrameRate());
        assertThat(p.constantFrameRate()).isFalse();
        assertThat(p.frameCount()).isEqualTo(100);
    }

    @Test
    void nonZeroStartTime() throws Exception {
        FrameIndex index = FrameIndexer.scan(TestClips.nonZeroStart(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(index.startTime().toDouble()).isCloseTo(3.5, org.assertj.core.data.Offset.offset(0.001));
        assertThat(index.time(0)).isEqualTo(Rational.ZERO);
        assertThat(index.time(25)).isEqualTo(Rational.of(1));
        assertThat(index.frameCount()).isEqualTo(75);
    }

    @Test
    void rotatedPhoneClipIsShownUprightLikeFfmpegShowsIt() throws Exception {
        Path clip = TestClips.rotated();
        ProbeResult p = probe(clip);
        assertThat(p.rotation()).isIn(90, 270);
        assertThat(p.displayWidth()).isEqualTo(240);
        assertThat(p.displayHeight()).isEqualTo(320);
        // the red square stored top-left must land in the corner where ffmpeg's autorotation puts it
        Path raw = TestClips.DIR.resolve("rotated-frame10.rgb");
        TestClips.ff("-y", "-v", "error", "-i", clip.toString(), "-vf", "select=eq(n\\,10)", "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString());
        byte[] ref = java.nio.file.Files.readAllBytes(raw);
        assertThat(ref).hasSize(240 * 320 * 3);
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            VideoFrame f = dec.frame(10);
            assertThat(f.width()).isEqualTo(240);
            assertThat(f.height()).isEqualTo(320);
            int[][] corners = {{20, 20}, {219, 20}, {20, 299}, {219, 299}};
            int redCorners = 0;
            for (int[] c : corners) {
                int o = (c[1] * 240 + c[0]) * 3;
                boolean refRed = (ref[o] & 0xFF) > 180 && (ref[o + 1] & 0xFF) < 80;
                int[] ours = bgr(f, c[0], c[1]);
                boolean ourRed = ours[2] > 180 && ours[1] < 80;
                assertThat(ourRed).as("corner %d,%d red", c[0], c[1]).isEqualTo(refRed);
                redCorners += ourRed ? 1 : 0;
            }
            assertThat(redCorners).isEqualTo(1);
        }
    }

    private static int[] bgr(VideoFrame f, int x, int y) {
        int o = (y * f.width() + x) * 3;
        return new int[] {f.pixels()[o] & 0xFF, f.pixels()[o + 1] & 0xFF, f.pixels()[o + 2] & 0xFF};
    }

    @Test
    void editListHidesTheFramesBeforeTheCut() throws Exception {
        ProbeResult whole = probe(TestClips.h264BFrames());
        ProbeResult cut = probe(TestClips.editList());
        assertThat(cut.frameCount()).isLessThan(whole.frameCount());
        assertThat(cut.frameCount()).isBetween(115, 120);
        FrameIndex wholeIndex = FrameIndexer.scan(TestClips.h264BFrames(), ProgressListener.NONE,
                CancellationToken.NONE);
        FrameIndex cutIndex = FrameIndexer.scan(TestClips.editList(), ProgressListener.NONE, CancellationToken.NONE);
        int offset = whole.frameCount() - cut.frameCount();
        assertThat(cutIndex.hash(0)).isEqualTo(wholeIndex.hash(offset));
        assertThat(cutIndex.hash(cut.frameCount() - 1)).isEqualTo(wholeIndex.hash(whole.frameCount() - 1));
    }

    @Test
    void otherCodecsAndContainers() throws Exception {
        ProbeResult hevc = probe(TestClips.hevc());
        assertThat(hevc.codec()).isEqualTo("hevc");
        assertThat(hevc.frameCount()).isEqualTo(75);
        ProbeResult prores = probe(TestClips.prores());
        assertThat(prores.codec()).isEqualTo("prores");
        assertThat(prores.container()).contains("mov");
        assertThat(prores.pixelFormat()).isEqualTo("yuv422p10le");
        assertThat(prores.keyframeCount()).isEqualTo(prores.frameCount());
        ProbeResult vp9 = probe(TestClips.vp9());
        assertThat(vp9.codec()).isEqualTo("vp9");
        assertThat(vp9.container()).contains("webm");
        assertThat(vp9.frameCount()).isEqualTo(75);
        assertThat(vp9.frameRate()).isEqualTo(FrameRate.FPS_25);
    }

    @Test
    void truncatedFileKeepsTheFramesThatDecode() throws Exception {
        ProbeResult p = probe(TestClips.truncated());
        assertThat(p.frameCount()).isBetween(30, 140);
        assertThat(p.headerFrameCount() == 0 || p.headerFrameCount() != p.frameCount()).isTrue();
    }

    @Test
    void anamorphicPixelsAreMadeSquare() throws Exception {
        Path clip = TestClips.make("anamorphic.mp4", o -> TestClips.ff("-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "1", "-vf", "setsar=4/3", "-c:v", "libx264", "-preset",
                "veryfast", "-pix_fmt", "yuv420p", o.toString()));
        ProbeResult p = probe(clip);
        assertThat(p.sampleAspectRatio()).isEqualTo(Rational.of(4, 3));
        assertThat(p.displayWidth()).isEqualTo(427);
        assertThat(p.displayHeight()).isEqualTo(240);
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            VideoFrame f = dec.frame(5);
            assertThat(f.width()).isEqualTo(427);
            assertThat(f.height()).isEqualTo(240);
            VideoFrame small = dec.frame(5, PixelLayout.BGR24, 427 * 240 / 4);
            assertThat((double) small.width() / small.height()).isCloseTo(427.0 / 240,
                    org.assertj.core.data.Offset.offset(0.02));
            assertThat((long) small.width() * small.height()).isLessThanOrEqualTo(427 * 240 / 4);
            assertThat(small.hash()).isEqualTo(index.hash(5));
        }
    }

    @Test
    void audioIsReported() throws Exception {
        Path withAudio = TestClips.make("with_audio.mkv", o -> TestClips.ff("-f", "lavfi", "-i",
                "testsrc2=size=160x120:rate=25", "-f", "lavfi", "-i", "sine=frequency=300", "-t", "1", "-c:v",
                "libx264", "-preset", "veryfast", "-c:a", "aac", o.toString()));
        ProbeResult p = probe(withAudio);
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.audioCodec()).isEqualTo("aac");
    }
}
