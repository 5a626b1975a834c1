// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

/**
 * One measured figure. {@code referenceMedian} is the same quantity measured on the reference in the same run
 * (NaN when there is none); {@code ratio} is reference / ours for times (higher is better, "2.0x faster"), or as
 * the benchmark defines it. {@code target} is a human-readable target such as "median < 20 ms"; {@code met} is
 * null when there is no target.
 */
public record Figure(String name, String unit, double median, double p95, String reference, double referenceMedian,
        double ratio, String target, Boolean met) {

    public static Figure of(String name, String unit, Samples s, String target, Boolean met) {
        return new Figure(name, unit, s.median(), s.p95(), "", Double.NaN, Double.NaN, target, met);
    }

    public static Figure single(String name, String unit, double value, String target, Boolean met) {
        return new Figure(name, unit, value, Double.NaN, "", Double.NaN, Double.NaN, target, met);
    }

    public static Figure against(String name, String unit, Samples ours, String reference, Samples ref,
            String target, Boolean met) {
        return new Figure(name, unit, ours.median(), ours.p95(), reference, ref.median(),
                ref.median() / ours.median(), target, met);
    }
}
