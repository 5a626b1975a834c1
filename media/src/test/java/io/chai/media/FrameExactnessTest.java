// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every clip of the matrix: the frame count equals the count of an independent full decode by the ffmpeg
 * command line, every index hash equals that decode's per-frame hash, and {@code frame(i)} for the first, the last
 * and a fixed-seed random sample of indices returns the picture of the i-th frame of the full sequential decode.
 */
class FrameExactnessTest {

    static Stream<TestClips.Clip> clips() throws Exception {
        return TestClips.matrix().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void indexMatchesAFullSequentialDecodeByTheCommandLine(TestClips.Clip clip) throws Exception {
        FrameIndex index = FrameIndexer.scan(clip.path(), ProgressListener.NONE, CancellationToken.NONE);
        List<String> reference = TestClips.cliFrameHashes(clip.path());
        assertThat(index.frameCount()).as("decoded frame count").isEqualTo(reference.size());
        for (int i = 0; i < index.frameCount(); i++) {
            assertThat(index.hash(i).hex()).as("frame %d", i).isEqualTo(reference.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void randomAccessReturnsExactlyTheIthFrame(TestClips.Clip clip) throws Exception {
        FrameIndex index = FrameIndexer.scan(clip.path(), ProgressListener.NONE, CancellationToken.NONE);
        int n = index.frameCount();
        Set<Integer> order = new LinkedHashSet<>();
        order.add(n - 1);
        order.add(0);
        Random random = new Random(20_261_129L);
        for (int k = 0; k < 25; k++) {
            order.add(random.nextInt(n));
        }
        List<Integer> sample = new ArrayList<>(order);
        List<String> reference = TestClips.cliFrameHashes(clip.path());
        try (FrameDecoder dec = new FrameDecoder(clip.path(), index)) {
            for (int i : sample) {
                VideoFrame f = dec.frame(i);
                assertThat(f.index()).isEqualTo(i);
                assertThat(f.hash()).as("frame %d", i).isEqualTo(index.hash(i));
                assertThat(f.hash().hex()).as("frame %d against ffmpeg", i).isEqualTo(reference.get(i));
                assertThat(f.pts()).isEqualTo(index.pts(i));
            }
            if (index.timestampsReliable()) {
                assertThat(dec.stats().restarts()).as("never fell back to decoding from the start").isZero();
                assertThat(dec.stats().seeks()).isPositive();
            }
            // stepping around the last target, both directions, 1 and 10 frames
            int at = sample.get(sample.size() - 1);
            for (int step : new int[] {1, -1, -1, 10, -10, -10, 1}) {
                at = Math.max(0, Math.min(n - 1, at + step));
                assertThat(dec.frame(at).hash()).as("step to %d", at).isEqualTo(index.hash(at));
                assertThat(dec.frame(at).hash().hex()).isEqualTo(reference.get(at));
            }
            System.out.println(clip + ": " + dec.stats());
        }
    }
}
