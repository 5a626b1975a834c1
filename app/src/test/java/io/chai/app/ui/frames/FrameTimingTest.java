// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTimingTest {
    @Test
    void timecodeAndSecondsAt25And2997() {
        FrameTiming t25 = FrameTiming.of(25, 1);
        assertThat(t25.timecode(0)).isEqualTo("00:00:00:00");
        assertThat(t25.timecode(25 * 3600 + 24)).isEqualTo("01:00:00:24");
        assertThat(t25.seconds(50)).isEqualTo(2.0);
        FrameTiming ntsc = FrameTiming.of(30000, 1001);
        assertThat(ntsc.timecode(1800)).isEqualTo("00:01:00;02");   // drop-frame skips ;00 and ;01
        assertThat(ntsc.parsePosition("00:01:00;02")).hasValue(1800);
        assertThat(ntsc.parsePosition("00:01:00;00")).isEmpty();     // a dropped label does not exist
    }

    @Test
    void parsesFrameNumbersSecondsAndRejectsGarbage() {
        FrameTiming t = FrameTiming.of(24000, 1001);
        assertThat(t.parsePosition("#120")).hasValue(120);
        assertThat(t.parsePosition(" 7 ")).hasValue(7);
        assertThat(t.parsePosition("1.001s")).hasValue(24);
        assertThat(t.parsePosition("-3")).isEmpty();
        assertThat(t.parsePosition("12 frames")).isEmpty();
        assertThat(t.parsePosition(null)).isEmpty();
    }
}
