// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameRateTest {

    @Test
    void parsesFractionsIntegersAndNtscDecimals() {
        assertThat(FrameRate.parse("30000/1001")).isEqualTo(FrameRate.FPS_29_97);
        assertThat(FrameRate.parse("29.97")).isEqualTo(FrameRate.FPS_29_97);
        assertThat(FrameRate.parse("23.976")).isEqualTo(FrameRate.FPS_23_976);
        assertThat(FrameRate.parse("59.94")).isEqualTo(FrameRate.FPS_59_94);
        assertThat(FrameRate.parse("25")).isEqualTo(FrameRate.FPS_25);
        assertThat(FrameRate.parse("50/2")).isEqualTo(FrameRate.FPS_25);
        assertThat(FrameRate.parse("12.5")).isEqualTo(new FrameRate(25, 2));
        assertThatThrownBy(() -> FrameRate.parse("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameRate.parse("fast")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nominalAndDropFrameSupport() {
        assertThat(FrameRate.FPS_29_97.nominal()).isEqualTo(30);
        assertThat(FrameRate.FPS_23_976.nominal()).isEqualTo(24);
        assertThat(FrameRate.FPS_59_94.dropFramesPerMinute()).isEqualTo(4);
        assertThat(FrameRate.FPS_23_976.supportsDropFrame()).isFalse();
        assertThat(FrameRate.FPS_29_97.frameDuration()).isEqualTo(Rational.of(1001, 30000));
    }

    @Test
    void rationalArithmeticIsExact() {
        Rational tb = Rational.of(1, 90_000);
        Rational t = tb.times(3003 * 7);
        assertThat(t).isEqualTo(Rational.of(7 * 1001, 30_000));
        assertThat(Rational.of(6, -4)).isEqualTo(Rational.of(-3, 2));
        assertThat(Rational.parse("1.25")).isEqualTo(Rational.of(5, 4));
        assertThat(Rational.of(-3, 2).floor()).isEqualTo(-2);
        assertThat(Rational.of(5, 2).round()).isEqualTo(3);
        assertThat(Rational.of(1, 3).plus(Rational.of(1, 6))).isEqualTo(Rational.of(1, 2));
        assertThat(Rational.of(1, 3).compareTo(Rational.of(1, 2))).isNegative();
        assertThat(Rational.of(30000, 1001).toDecimal(3)).isEqualTo("29.970");
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }
}
