// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimecodeTest {

    @Test
    void everyFrameOfAnHourAt2997DropFrameRoundTripsAndCountsUp() {
        FrameRate rate = FrameRate.FPS_29_97;
        long hour = 107_892; // 30000/1001 * 3600 rounded: the frames in one hour of drop-frame timecode
        Timecode previous = null;
        for (long n = 0; n <= hour; n++) {
            Timecode tc = Timecode.fromFrameNumber(n, rate, true);
            assertThat(tc.toFrameNumber(rate)).isEqualTo(n);
            assertThat(Timecode.parse(tc.toString(), rate)).isEqualTo(tc);
            tc.validateFor(rate);
            if (previous != null) {
                assertThat(isNextLabel(previous, tc, 30, 2)).as("%s -> %s", previous, tc).isTrue();
            }
            previous = tc;
        }
        assertThat(Timecode.fromFrameNumber(hour, rate, true)).hasToString("01:00:00;00");
    }

    @Test
    void everyFrameOfAnHourAt5994DropFrameRoundTrips() {
        FrameRate rate = FrameRate.FPS_59_94;
        long hour = 215_784;
        for (long n = 0; n <= hour; n++) {
            Timecode tc = Timecode.fromFrameNumber(n, rate, true);
            assertThat(tc.toFrameNumber(rate)).isEqualTo(n);
        }
        assertThat(Timecode.fromFrameNumber(hour, rate, true)).hasToString("01:00:00;00");
        assertThat(Timecode.fromFrameNumber(3600, rate, true)).hasToString("00:01:00;04");
    }

    /** Expected successor: +1 frame, carrying at the nominal rate, skipping dropped labels. */
    private static boolean isNextLabel(Timecode a, Timecode b, int nominal, int drop) {
        int f = a.frames() + 1;
        int s = a.seconds();
        int m = a.minutes();
        int h = a.hours();
        if (f == nominal) {
            f = 0;
            s++;
        }
        if (s == 60) {
            s = 0;
            m++;
        }
        if (m == 60) {
            m = 0;
            h++;
        }
        if (s == 0 && f == 0 && m % 10 != 0) {
            f = drop;
        }
        return b.equals(new Timecode(h, m, s, f, true));
    }

    @Test
    void knownDropFrameLabels() {
        FrameRate r = FrameRate.FPS_29_97;
        assertThat(Timecode.fromFrameNumber(1799, r, true)).hasToString("00:00:59;29");
        assertThat(Timecode.fromFrameNumber(1800, r, true)).hasToString("00:01:00;02");
        assertThat(Timecode.fromFrameNumber(17_981, r, true)).hasToString("00:09:59;29");
        assertThat(Timecode.fromFrameNumber(17_982, r, true)).hasToString("00:10:00;00");
        assertThat(Timecode.fromFrameNumber(17_983, r, true)).hasToString("00:10:00;01");
        assertThat(Timecode.parse("00:01:00;02", r).toFrameNumber(r)).isEqualTo(1800);
    }

    @Test
    void nonDropFrameAt23976CountsTwentyFourPerSecond() {
        FrameRate r = FrameRate.FPS_23_976;
        assertThat(Timecode.fromFrameNumber(24, r, false)).hasToString("00:00:01:00");
        assertThat(Timecode.fromFrameNumber(86_400L * 24 - 1, r, false)).hasToString("23:59:59:23");
        assertThat(Timecode.fromFrameNumber(86_400L * 24, r, false)).hasToString("00:00:00:00");
        for (long n = 0; n < 24 * 3600; n += 7) {
            assertThat(Timecode.fromFrameNumber(n, r, false).toFrameNumber(r)).isEqualTo(n);
        }
    }

    @Test
    void integerRatesRoundTrip() {
        for (FrameRate r : new FrameRate[] {FrameRate.FPS_25, FrameRate.FPS_50, FrameRate.FPS_24, FrameRate.FPS_60}) {
            for (long n = 0; n < 200_000; n += 13) {
                Timecode tc = Timecode.fromFrameNumber(n, r, false);
                assertThat(tc.toFrameNumber(r)).isEqualTo(n);
                assertThat(Timecode.parse(tc.toString(), r)).isEqualTo(tc);
            }
        }
        assertThat(Timecode.fromFrameNumber(50 * 61 + 3, FrameRate.FPS_50, false)).hasToString("00:01:01:03");
    }

    @Test
    void rejectsLabelsThatDoNotExist() {
        assertThatThrownBy(() -> Timecode.parse("00:01:00;00", FrameRate.FPS_29_97))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Timecode.parse("00:00:00:25", FrameRate.FPS_25)).hasMessageContaining("0-24");
        assertThatThrownBy(() -> Timecode.parse("00:00:00;05", FrameRate.FPS_25)).hasMessageContaining("not defined");
        assertThatThrownBy(() -> Timecode.parse("1:2:3", FrameRate.FPS_25)).hasMessageContaining("not a timecode");
        assertThatThrownBy(() -> Timecode.fromFrameNumber(5, FrameRate.FPS_25, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Timecode.parse("00:10:00;00", FrameRate.FPS_29_97).toFrameNumber(FrameRate.FPS_29_97))
                .isEqualTo(17_982);
    }
}
