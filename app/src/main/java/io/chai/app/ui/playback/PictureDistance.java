// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.FramePicture;
import java.util.function.ToLongFunction;

/**
 * How far a decoded frame is from a picture that was on screen (a copy of libVLC's BGRA picture): the sum of
 * absolute red, green and blue differences over a grid of sample points at the same relative positions (so
 * pictures of different sizes compare), 0 when the sampled pixels are identical.
 */
public final class PictureDistance implements ToLongFunction<FramePicture> {
    static final int GRID_X = 64;
    static final int GRID_Y = 36;

    private final byte[] bgra;
    private final int width;
    private final int height;

    /** @param bgra {@code width × height} BGRA pixels, rows of {@code 4 × width} bytes (copied by the caller) */
    public PictureDistance(byte[] bgra, int width, int height) {
        if (bgra.length < 4L * width * height) {
            throw new IllegalArgumentException(bgra.length + " bytes for " + width + "x" + height);
        }
        this.bgra = bgra;
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The picture's pixel at ({@code x}, {@code y}) as opaque ARGB. */
    public int argb(int x, int y) {
        int o = 4 * (y * width + x);
        return 0xFF000000 | (bgra[o + 2] & 0xFF) << 16 | (bgra[o + 1] & 0xFF) << 8 | (bgra[o] & 0xFF);
    }

    @Override
    public long applyAsLong(FramePicture p) {
        long sum = 0;
        for (int gy = 0; gy < GRID_Y; gy++) {
            double fy = (gy + 0.5) / GRID_Y;
            int ay = Math.min(height - 1, (int) (fy * height));
            int by = Math.min(p.height() - 1, (int) (fy * p.height()));
            for (int gx = 0; gx < GRID_X; gx++) {
                double fx = (gx + 0.5) / GRID_X;
                int a = argb(Math.min(width - 1, (int) (fx * width)), ay);
                int b = p.argb()[by * p.width() + Math.min(p.width() - 1, (int) (fx * p.width()))];
                sum += Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) + Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF))
                        + Math.abs((a & 0xFF) - (b & 0xFF));
            }
        }
        return sum;
    }
}
