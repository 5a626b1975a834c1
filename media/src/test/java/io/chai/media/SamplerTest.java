// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.media.time.Rational;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerTest {

    @Test
    void uniformAndPerSecondPlans() throws Exception {
        FrameIndex index = FrameIndexer.scan(TestClips.h264BFrames(), ProgressListener.NONE, CancellationToken.NONE);
        assertThat(FrameSampler.uniform(index, 4, 0, 150)).containsExactly(0, 50, 99, 149);
        assertThat(FrameSampler.uniform(index, 1, 0, 150)).containsExactly(74);
        assertThat(FrameSampler.uniform(index, 500, 0, 150)).hasSize(150);
        assertThat(FrameSampler.uniform(index, 3, 10, 21)).containsExactly(10, 15, 20);
        assertThat(FrameSampler.perSecond(index, Rational.of(1), 0, 150)).containsExactly(0, 25, 50, 75, 100, 125);
        assertThat(FrameSampler.perSecond(index, Rational.of(2), 25, 75)).containsExactly(25, 37, 50, 62);
        assertThatThrownBy(() -> FrameSampler.uniform(index, 0, 0, 150)).isInstanceOf(MediaException.class);
        assertThatThrownBy(() -> FrameSampler.uniform(index, 3, 0, 151)).isInstanceOf(MediaException.class);
    }

    @Test
    void perSecondFollowsTimestampsOfVariableRateClips() throws Exception {
        FrameIndex index = FrameIndexer.scan(TestClips.variableFrameRate(), ProgressListener.NONE,
                CancellationToken.NONE);
        int[] picks = FrameSampler.perSecond(index, Rational.of(5), 0, index.frameCount());
        for (int k = 0; k < picks.length; k++) {
            Rational t = Rational.of(k, 5);
            int i = picks[k];
            assertThat(index.time(i)).isLessThanOrEqualTo(t);
            if (i + 1 < index.frameCount()) {
                assertThat(index.time(i + 1)).isGreaterThan(t);
            }
        }
    }

    @Test
    void writesExactFramesScaledToThePixelBudget(@TempDir Path dir) throws Exception {
        Path clip = TestClips.h264BFrames();
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            int[] picks = FrameSampler.uniform(index, 5, 0, index.frameCount());
            List<FrameSampler.Sample> written = FrameSampler.write(dec, picks, 160 * 120, ImageFormat.JPEG, dir);
            assertThat(written).hasSize(5);
            for (FrameSampler.Sample s : written) {
                BufferedImage img = ImageIO.read(s.file().toFile());
                assertThat(img.getWidth()).isEqualTo(160);
                assertThat(img.getHeight()).isEqualTo(120);
                assertThat(s.file().getFileName().toString()).isEqualTo(String.format("frame_%06d.jpg", s.index()));
            }
            // the same frames at full size are exact; PNG keeps the decoded pixels
            List<VideoFrame> frames = FrameSampler.decode(dec, new int[] {149, 3, 77}, 0);
            assertThat(frames).extracting(VideoFrame::index).containsExactly(3, 77, 149);
            for (VideoFrame f : frames) {
                assertThat(f.hash()).isEqualTo(index.hash(f.index()));
            }
            Path png = dir.resolve("f.png");
            ImageFormat.forFile(png).write(frames.get(0).toBufferedImage(), png);
            BufferedImage back = ImageIO.read(png.toFile());
            assertThat(back.getRGB(100, 100)).isEqualTo(frames.get(0).toBufferedImage().getRGB(100, 100));
        }
    }

    @Test
    void stripPutsThumbnailsSideBySide() throws Exception {
        Path clip = TestClips.h264BFrames();
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            BufferedImage strip = FrameSampler.strip(dec, FrameSampler.uniform(index, 6, 0, 150), 60);
            assertThat(strip.getHeight()).isEqualTo(60);
            assertThat(strip.getWidth()).isEqualTo(6 * 80 + 5 * 2);
        }
    }

    @Test
    void bgraLayoutForTheUi() throws Exception {
        Path clip = TestClips.h264BFrames();
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            VideoFrame bgr = dec.frame(42, PixelLayout.BGR24, 0);
            VideoFrame bgra = dec.frame(42, PixelLayout.BGRA, 0);
            assertThat(bgra.pixels()).hasSize(320 * 240 * 4);
            for (int p = 0; p < 320 * 240; p += 997) {
                assertThat(bgra.pixels()[p * 4]).isEqualTo(bgr.pixels()[p * 3]);
                assertThat(bgra.pixels()[p * 4 + 2]).isEqualTo(bgr.pixels()[p * 3 + 2]);
                assertThat(bgra.pixels()[p * 4 + 3]).isEqualTo((byte) 0xFF);
            }
        }
    }
}
