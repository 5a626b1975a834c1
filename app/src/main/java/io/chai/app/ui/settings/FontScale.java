// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.settings;

/** Font scale steps for the whole window (the root font size is {@link #BASE_PX} times the scale). */
public final class FontScale {
    public static final double MIN = 0.75;
    public static final double MAX = 2.0;
    public static final double BASE_PX = 13.0;
    private static final double[] STEPS = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};

    private FontScale() {
    }

    public static double clamp(double s) {
        return Math.max(MIN, Math.min(MAX, s));
    }

    /** The next larger step after {@code s} (or {@link #MAX}). */
    public static double larger(double s) {
        for (double step : STEPS) {
            if (step > s + 1e-9) {
                return step;
            }
        }
        return MAX;
    }

    /** The next smaller step before {@code s} (or {@link #MIN}). */
    public static double smaller(double s) {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < s - 1e-9) {
                return STEPS[i];
            }
        }
        return MIN;
    }

    /** The CSS for the root node: {@code -fx-font-size: 13.0px} at scale 1. */
    public static String rootStyle(double s) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_PX * clamp(s));
    }
}
