// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media.time;

/**
 * A rational frame rate in frames per second, e.g. 30000/1001 (29.97) or 25/1. Reduced, positive.
 * {@link #nominal()} is the integer frame count per timecode second (30 for 29.97), and
 * {@link #supportsDropFrame()} is true only for 30000/1001 and 60000/1001, the rates SMPTE drop-frame timecode
 * is defined for.
 */
public record FrameRate(long num, long den) {
    public static final FrameRate FPS_23_976 = new FrameRate(24000, 1001);
    public static final FrameRate FPS_24 = new FrameRate(24, 1);
    public static final FrameRate FPS_25 = new FrameRate(25, 1);
    public static final FrameRate FPS_29_97 = new FrameRate(30000, 1001);
    public static final FrameRate FPS_30 = new FrameRate(30, 1);
    public static final FrameRate FPS_50 = new FrameRate(50, 1);
    public static final FrameRate FPS_59_94 = new FrameRate(60000, 1001);
    public static final FrameRate FPS_60 = new FrameRate(60, 1);

    public FrameRate {
        Rational r = Rational.of(num, den);
        if (r.num() <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + num + "/" + den);
        }
        num = r.num();
        den = r.den();
    }

    public static FrameRate of(Rational r) {
        return new FrameRate(r.num(), r.den());
    }

    /**
     * Parses {@code "30000/1001"}, {@code "25"} or a decimal. The NTSC decimals 23.976, 29.97, 47.952, 59.94
     * and 119.88 (and their longer spellings such as 29.970) mean the exact x000/1001 rates.
     */
    public static FrameRate parse(String text) {
        Rational r = Rational.parse(text);
        if (r.num() <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: '" + text + "'");
        }
        if (!text.contains("/") && r.den() != 1) {
            long n = Math.round(r.toDouble());
            Rational ntsc = Rational.of(n * 1000, 1001);
            boolean ntscFamily = n % 24 == 0 || n % 30 == 0;
            if (ntscFamily && Math.abs(ntsc.toDouble() - r.toDouble()) < 0.0015) {
                return new FrameRate(ntsc.num(), ntsc.den());
            }
        }
        return of(r);
    }

    public Rational asRational() {
        return Rational.of(num, den);
    }

    /** Duration of one frame in seconds ({@code den/num}). */
    public Rational frameDuration() {
        return Rational.of(den, num);
    }

    public double fps() {
        return (double) num / den;
    }

    /** Frames per timecode second: the rate rounded to the nearest integer (at least 1). */
    public int nominal() {
        return (int) Math.max(1, Math.round((double) num / den));
    }

    /** True for 30000/1001 and 60000/1001, the rates with SMPTE drop-frame timecode. */
    public boolean supportsDropFrame() {
        return den == 1001 && (num == 30000 || num == 60000);
    }

    /** Frame numbers skipped at the start of each minute not divisible by ten in drop-frame timecode (2 or 4). */
    public int dropFramesPerMinute() {
        if (!supportsDropFrame()) {
            throw new IllegalStateException(this + " has no drop-frame timecode");
        }
        return num == 30000 ? 2 : 4;
    }

    /** {@code "30000/1001"} or {@code "25"}. */
    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
