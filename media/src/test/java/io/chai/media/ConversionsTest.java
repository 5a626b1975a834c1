// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** index ↔ pts ↔ seconds ↔ timecode round-trip for every frame of real clips. */
class ConversionsTest {

    private static void roundTripsEveryFrame(Path clip) {
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        for (int i = 0; i < index.frameCount(); i++) {
            assertThat(index.indexOfPts(index.pts(i))).isEqualTo(i);
            assertThat(index.indexAt(index.time(i))).isEqualTo(i);
            Timecode tc = index.timecode(i);
            assertThat(index.indexOf(tc)).isEqualTo(i);
            assertThat(index.indexOf(Timecode.parse(tc.toString(), index.frameRate()))).isEqualTo(i);
            if (i + 1 < index.frameCount()) {
                // any time inside a frame's display interval maps to that frame
                Rational mid = index.time(i).plus(index.time(i + 1)).dividedBy(Rational.of(2));
                assertThat(index.indexAt(mid)).isEqualTo(i);
            }
        }
    }

    @Test
    void dropFrameClipRoundTrips() throws Exception {
        Path clip = TestClips.h264At2997();
        roundTripsEveryFrame(clip);
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(index.timecode(0)).hasToString("00:00:00;00");
        assertThat(index.timecode(31)).hasToString("00:00:01;01");
        assertThat(index.time(30)).isEqualTo(Rational.of(1001, 1000));
    }

    @Test
    void filmRateAndVariableAndOffsetClipsRoundTrip() throws Exception {
        roundTripsEveryFrame(TestClips.h264At23976());
        roundTripsEveryFrame(TestClips.variableFrameRate());
        roundTripsEveryFrame(TestClips.nonZeroStart());
        roundTripsEveryFrame(TestClips.vp9());
    }

    @Test
    void embeddedStartTimecodeIsUsed() throws Exception {
        Path clip = TestClips.make("timecode_start.mov", o -> TestClips.ff("-f", "lavfi", "-i",
                "testsrc2=size=160x120:rate=30000/1001", "-t", "2", "-c:v", "libx264", "-preset", "veryfast",
                "-timecode", "01:00:00;00", o.toString()));
        FrameIndex index = FrameIndexer.scan(clip, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(index.startTimecode()).hasToString("01:00:00;00");
        assertThat(index.timecode(0)).hasToString("01:00:00;00");
        assertThat(index.timecode(30)).hasToString("01:00:01;00");
        assertThat(index.indexOf(Timecode.parse("01:00:01;00", index.frameRate()))).isEqualTo(30);
        assertThatThrownBy(() -> index.indexOf(Timecode.parse("00:59:59;29", index.frameRate())))
                .isInstanceOf(MediaException.class).hasMessageContaining("outside the clip");
    }

    @Test
    void outOfRangeTimesAreClearErrors() throws Exception {
        FrameIndex index = FrameIndexer.scan(TestClips.h264BFrames(), ProgressListener.NONE, CancellationToken.NONE);
        assertThatThrownBy(() -> index.indexAt(Rational.of(6))).isInstanceOf(MediaException.class)
                .hasMessageContaining("outside the clip");
        assertThatThrownBy(() -> index.indexAt(Rational.of(-1, 25))).isInstanceOf(MediaException.class);
        assertThat(index.indexAt(Rational.of(599, 100))).isEqualTo(149);
        assertThatThrownBy(() -> index.pts(150)).isInstanceOf(MediaException.class)
                .hasMessage("frame 150 is out of range: the clip has 150 frames (0-149)");
    }
}
