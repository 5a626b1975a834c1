// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number {@code num/den}, always reduced with a positive denominator. Used for time bases,
 * frame rates and presentation times in seconds, so that no conversion loses precision. Arithmetic throws
 * {@link ArithmeticException} on {@code long} overflow rather than wrapping.
 */
public record Rational(long num, long den) implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    public Rational {
        if (den == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (den < 0) {
            num = Math.negateExact(num);
            den = Math.negateExact(den);
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    public static Rational of(long num, long den) {
        return new Rational(num, den);
    }

    public static Rational of(long value) {
        return new Rational(value, 1);
    }

    /**
     * Parses {@code "30000/1001"}, {@code "25"}, {@code "-3"} or a decimal such as {@code "1.5"} (exactly, as
     * 3/2).
     */
    public static Rational parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return of(Long.parseLong(t.substring(0, slash).trim()), Long.parseLong(t.substring(slash + 1).trim()));
            }
            BigDecimal d = new BigDecimal(t);
            BigInteger unscaled = d.unscaledValue();
            int scale = d.scale();
            if (scale <= 0) {
                return of(d.toBigIntegerExact().longValueExact());
            }
            return of(unscaled.longValueExact(), BigInteger.TEN.pow(scale).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a number or fraction: '" + text + "'");
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    public Rational plus(Rational o) {
        long g = gcd(den, o.den);
        long l = Math.multiplyExact(den / g, o.den);
        return of(Math.addExact(Math.multiplyExact(num, l / den), Math.multiplyExact(o.num, l / o.den)), l);
    }

    public Rational minus(Rational o) {
        return plus(o.negate());
    }

    public Rational negate() {
        return new Rational(Math.negateExact(num), den);
    }

    public Rational times(Rational o) {
        long g1 = gcd(Math.abs(num), o.den);
        long g2 = gcd(Math.abs(o.num), den);
        return of(Math.multiplyExact(num / g1, o.num / g2), Math.multiplyExact(den / g2, o.den / g1));
    }

    public Rational times(long k) {
        return times(of(k));
    }

    public Rational dividedBy(Rational o) {
        if (o.num == 0) {
            throw new ArithmeticException("division by zero");
        }
        return times(new Rational(o.den, o.num));
    }

    public Rational inverse() {
        return ONE.dividedBy(this);
    }

    /** The largest integer not greater than this value. */
    public long floor() {
        return Math.floorDiv(num, den);
    }

    /** The nearest integer, halves rounded up (towards positive infinity). */
    public long round() {
        return Math.floorDiv(Math.addExact(Math.multiplyExact(num, 2), den), Math.multiplyExact(den, 2));
    }

    public int signum() {
        return Long.signum(num);
    }

    public double toDouble() {
        return (double) num / (double) den;
    }

    /** Decimal text with {@code digits} fraction digits, e.g. {@code 29.970} for 30000/1001 and 3 digits. */
    public String toDecimal(int digits) {
        return new BigDecimal(num).divide(new BigDecimal(den), digits, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public int compareTo(Rational o) {
        return BigInteger.valueOf(num).multiply(BigInteger.valueOf(o.den))
                .compareTo(BigInteger.valueOf(o.num).multiply(BigInteger.valueOf(den)));
    }

    /** {@code "num/den"}, or just {@code "num"} when the denominator is 1. */
    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
