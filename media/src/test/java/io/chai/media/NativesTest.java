// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/** The tests decode with the FFmpeg natives the product ships, not the GPL build that only generates clips. */
class NativesTest {

    @Test
    void decodingUsesTheShippedFfmpegBuild() throws Exception {
        FrameIndexer.scan(TestClips.prores(), ProgressListener.NONE, CancellationToken.NONE);
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        String platformDir = "/org/bytedeco/ffmpeg/" + Loader.getPlatform() + "/libavcodec";
        assertThat(maps).anySatisfy(line -> assertThat(line).contains(platformDir));
        assertThat(maps).noneSatisfy(line -> assertThat(line).contains("-gpl/libavcodec"));
    }
}
