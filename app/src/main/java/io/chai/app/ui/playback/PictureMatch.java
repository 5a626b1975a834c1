// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.FramePicture;
import java.util.function.ToLongFunction;

/**
 * How well a picture libVLC displayed matches exact frames, allowing for a different colour conversion.
 *
 * <p>libVLC and our decoder turn the same decoded YUV picture into RGB, and where they choose the same colour
 * matrix the pixels are identical (measured: 320 × 180 clips, 1080p clips tagged BT.601). They do not always:
 * on an untagged 1080p clip libVLC converts with BT.601 and we with BT.709, and every coloured pixel differs (a
 * mean of 9 levels over the grid on saturated bars, more than neighbouring frames differ by). Two YUV-to-RGB
 * matrices differ only in how chroma enters: a grey stays the same grey, and the difference is a linear function
 * of the chroma, which is itself a linear function of {@code R−G} and {@code B−G}. So each candidate frame is
 * compared after the map {@code rgb + M·(R−G, B−G)} (M: 3 × 2, least squares over the {@link PictureSignature}
 * grid) that best carries the shown picture onto the candidate: the true frame leaves only rounding and clipping,
 * any other frame leaves its real differences. The map cannot change brightness (so the frames of a fade stay
 * apart) nor touch greys (so a flat picture matches only the same flat picture). Clips whose two conversions
 * differ in range (full vs limited) are not matched: they read as estimated.
 *
 * <p>Set-up is one pass over the shown picture's samples; each candidate costs one more pass (about 2,300 samples,
 * a dozen multiply-adds each), a few microseconds.
 */
public final class PictureMatch implements ToLongFunction<FramePicture> {
    /** Ridge weight (per sample) keeping the chroma map defined for pictures with little colour. */
    private static final double RIDGE = 0.01;

    private final PictureSignature shown;
    private final double[][] dtd; // DᵀD over the shown samples (d = R−G, B−G), 2 × 2
    private final double[][] inverse; // (DᵀD + λI)⁻¹

    /** Prepares to compare {@code shown} (a displayed picture's signature) with exact frames. */
    public PictureMatch(PictureSignature shown) {
        this.shown = shown;
        int n = PictureSignature.SAMPLES;
        double[][] m = new double[2][2];
        for (int i = 0; i < n; i++) {
            double d0 = shown.value(i, 0) - shown.value(i, 1);
            double d1 = shown.value(i, 2) - shown.value(i, 1);
            m[0][0] += d0 * d0;
            m[0][1] += d0 * d1;
            m[1][1] += d1 * d1;
        }
        m[1][0] = m[0][1];
        this.dtd = m;
        double a = m[0][0] + RIDGE * n;
        double b = m[0][1];
        double d = m[1][1] + RIDGE * n;
        double det = a * d - b * b;
        this.inverse = new double[][] {{d / det, -b / det}, {-b / det, a / det}};
    }

    /** The shown picture's signature. */
    public PictureSignature shown() {
        return shown;
    }

    /**
     * Root mean square difference, in colour levels (0–255) per sample and channel, between {@code candidate}
     * and the shown picture after the best chroma map; 0 when the samples are identical.
     */
    public double rms(PictureSignature candidate) {
        int n = PictureSignature.SAMPLES;
        double[][] dtz = new double[2][3];
        double ztz = 0;
        boolean identical = true;
        for (int i = 0; i < n; i++) {
            int r = shown.value(i, 0);
            int g = shown.value(i, 1);
            int b = shown.value(i, 2);
            double d0 = r - g;
            double d1 = b - g;
            int zr = candidate.value(i, 0) - r;
            int zg = candidate.value(i, 1) - g;
            int zb = candidate.value(i, 2) - b;
            identical &= (zr | zg | zb) == 0;
            dtz[0][0] += d0 * zr;
            dtz[0][1] += d0 * zg;
            dtz[0][2] += d0 * zb;
            dtz[1][0] += d1 * zr;
            dtz[1][1] += d1 * zg;
            dtz[1][2] += d1 * zb;
            ztz += zr * zr + zg * zg + zb * zb;
        }
        if (identical) {
            return 0; // no map needed (and none fitted, so no rounding in the answer)
        }
        // per channel: beta = (DᵀD + λI)⁻¹ Dᵀz; residual = zᵀz − 2 betaᵀDᵀz + betaᵀ DᵀD beta
        double sse = ztz;
        for (int c = 0; c < 3; c++) {
            double b0 = inverse[0][0] * dtz[0][c] + inverse[0][1] * dtz[1][c];
            double b1 = inverse[1][0] * dtz[0][c] + inverse[1][1] * dtz[1][c];
            sse -= 2 * (b0 * dtz[0][c] + b1 * dtz[1][c]);
            sse += b0 * (dtd[0][0] * b0 + dtd[0][1] * b1) + b1 * (dtd[1][0] * b0 + dtd[1][1] * b1);
        }
        return Math.sqrt(Math.max(0, sse) / (3.0 * n));
    }

    /** {@link #rms} of a decoded frame, in thousandths of a level (0: the sampled pixels are identical). */
    @Override
    public long applyAsLong(FramePicture p) {
        return Math.round(rms(PictureSignature.of(p)) * 1000);
    }
}
