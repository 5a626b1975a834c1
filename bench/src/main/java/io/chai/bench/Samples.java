// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench;

import java.util.Arrays;

/** Timed samples in milliseconds (or any unit) with median and 95th percentile (nearest rank). */
public final class Samples {
    private double[] values = new double[16];
    private int size;

    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    /** Runs {@code action} and records its wall time in milliseconds. */
    public void time(ThrowingRunnable action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        add((System.nanoTime() - t0) / 1e6);
    }

    public int size() {
        return size;
    }

    public double median() {
        return percentile(50);
    }

    public double p95() {
        return percentile(95);
    }

    public double percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
