// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import java.util.function.IntFunction;

/**
 * Identifies which exact frame a displayed picture is, among the frames around the clock's estimate whose
 * signatures are known; or says that it cannot, so the readout shows the estimate as an estimate.
 *
 * <p>The rules, in order:
 * <ol>
 * <li>Every frame within {@value #RADIUS} of the estimate (inside the clip) must have a signature; a missing one
 *     could be the picture, so the answer is the estimate, not exact.</li>
 * <li>While the closest frame lies on the edge of what was compared (and not on the clip's edge), the next frame
 *     past that edge is compared too (the clock was off, e.g. after dropped frames), up to {@value #MAX_EXTEND}
 *     more; a missing signature there, or running out, gives the estimate, not exact.</li>
 * <li>The closest frame must be within {@value #MAX_RMS} levels RMS ({@link PictureMatch#rms}); else the picture
 *     is none of these frames (e.g. still from before a seek) and the answer is the estimate, not exact.</li>
 * <li>Frames as close as the closest (within {@link #tieMargin}) are the same picture as far as the grid can
 *     tell (a still shot, repeated frames): the one nearest the estimate is the answer; identical pictures agree
 *     with either number.</li>
 * </ol>
 */
public final class FrameMatcher {
    /** Frames compared on each side of the estimate. */
    public static final int RADIUS = 4;
    /** Further frames compared past an edge the closest frame sits on. */
    public static final int MAX_EXTEND = 25;
    /** Largest RMS difference (levels per sample and channel, after the colour map) of a match. */
    public static final double MAX_RMS = 6.0;

    private FrameMatcher() {
    }

    /**
     * Which frame is on screen.
     *
     * @param frame the frame shown
     * @param exact true when identified from the picture itself; false when it is the clock's estimate
     */
    public record Match(int frame, boolean exact) {
    }

    /**
     * Tries each estimate in turn (e.g. the player's clock, then a prediction from the last identified picture)
     * and returns the first exact match, each under all the rules above; when none is exact, the first estimate,
     * not exact.
     */
    public static Match match(PictureMatch shown, int[] estimates, int frameCount,
            IntFunction<PictureSignature> known) {
        for (int i = 0; i < estimates.length; i++) {
            boolean tried = false;
            for (int j = 0; j < i; j++) {
                tried |= estimates[j] == estimates[i];
            }
            if (!tried) {
                Match m = match(shown, estimates[i], frameCount, known);
                if (m.exact()) {
                    return m;
                }
            }
        }
        return new Match(Math.max(0, Math.min(frameCount - 1, estimates[0])), false);
    }

    /** How much further than the closest frame another may be and still count as the same picture. */
    static double tieMargin(double best) {
        return Math.max(0.5, 0.25 * best);
    }

    /**
     * @param shown the displayed picture
     * @param estimate the frame the clock says is on screen
     * @param frameCount frames in the clip
     * @param known the signature of a frame, or null when the decode-ahead has none for it (yet)
     */
    public static Match match(PictureMatch shown, int estimate, int frameCount, IntFunction<PictureSignature> known) {
        int e = Math.max(0, Math.min(frameCount - 1, estimate));
        Match estimated = new Match(e, false);
        int base = e - RADIUS - MAX_EXTEND;
        double[] rms = new double[2 * (RADIUS + MAX_EXTEND) + 1];
        int lo = Math.max(0, e - RADIUS);
        int hi = Math.min(frameCount - 1, e + RADIUS);
        int best = -1;
        for (int f = lo; f <= hi; f++) {
            PictureSignature s = known.apply(f);
            if (s == null || s.frame() != f) {
                return estimated;
            }
            rms[f - base] = shown.rms(s);
            if (best < 0 || closer(rms, base, e, f, best)) {
                best = f;
            }
        }
        int extended = 0;
        while ((best == lo && lo > 0) || (best == hi && hi < frameCount - 1)) {
            if (extended++ >= MAX_EXTEND) {
                return estimated;
            }
            int f = best == lo ? --lo : ++hi;
            PictureSignature s = known.apply(f);
            if (s == null || s.frame() != f) {
                return estimated;
            }
            rms[f - base] = shown.rms(s);
            if (closer(rms, base, e, f, best)) {
                best = f;
            }
        }
        double bestRms = rms[best - base];
        if (!(bestRms <= MAX_RMS)) {
            return estimated;
        }
        double limit = bestRms + tieMargin(bestRms);
        int choice = best;
        for (int f = lo; f <= hi; f++) {
            double r = rms[f - base];
            if (r > limit) {
                continue;
            }
            int d = Math.abs(f - e);
            int dc = Math.abs(choice - e);
            if (d < dc || (d == dc && r < rms[choice - base])) {
                choice = f;
            }
        }
        return new Match(choice, true);
    }

    /** Whether frame {@code f} matches better than {@code g}: lower RMS, or as low and nearer the estimate. */
    private static boolean closer(double[] rms, int base, int e, int f, int g) {
        double a = rms[f - base];
        double b = rms[g - base];
        return a < b || (a == b && Math.abs(f - e) < Math.abs(g - e));
    }
}
