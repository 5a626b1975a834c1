// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Returned pixels match the ffmpeg command line's own YUV → RGB conversion of the same frame. */
class ColourTest {

    private static void matchesCommandLine(Path clip, int frame, int width, int height) throws Exception {
        Path raw = TestClips.DIR.resolve(clip.getFileName() + "-" + frame + ".rgb");
        TestClips.ff("-y", "-v", "error", "-i", clip.toString(), "-vf", "select=eq(n\\," + frame + ")",
                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", raw.toString());
        byte[] ref = Files.readAllBytes(raw);
        assertThat(ref).hasSize(width * height * 3);
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        try (FrameDecoder dec = new FrameDecoder(clip, index)) {
            VideoFrame f = dec.frame(frame);
            assertThat(f.width()).isEqualTo(width);
            assertThat(f.height()).isEqualTo(height);
            long sum = 0;
            for (int p = 0; p < width * height; p++) {
                for (int c = 0; c < 3; c++) {
                    int ours = f.pixels()[p * 3 + (2 - c)] & 0xFF; // BGR
                    int theirs = ref[p * 3 + c] & 0xFF; // RGB
                    sum += Math.abs(ours - theirs);
                }
            }
            double meanError = (double) sum / (width * height * 3);
            assertThat(meanError).as("mean absolute difference per channel").isLessThan(2.0);
        }
    }

    @Test
    void standardDefinitionH264() throws Exception {
        matchesCommandLine(TestClips.h264BFrames(), 37, 320, 240);
    }

    @Test
    void tenBit422ProRes() throws Exception {
        matchesCommandLine(TestClips.prores(), 12, 320, 240);
    }

    @Test
    void hdClipUsesBt709() throws Exception {
        Path clip = TestClips.make("hd709.mp4", o -> TestClips.ff("-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25", "-t", "0.4", "-vf", "scale=out_color_matrix=bt709:out_range=tv",
                "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-colorspace", "bt709",
                "-color_primaries", "bt709", "-color_trc", "bt709", o.toString()));
        matchesCommandLine(clip, 5, 1280, 720);
    }
}
