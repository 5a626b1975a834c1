// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.playback;

import io.chai.app.ui.frames.FramePicture;
import java.nio.ByteBuffer;

/**
 * A picture reduced to its red, green and blue values at a {@value #GRID_X} × {@value #GRID_Y} grid of sample
 * points, at the same relative positions as {@link PictureDistance} (the centres of equal cells, so pictures of
 * different sizes sample comparable points). Small (6,912 bytes) and cheap to take: about 2,300 pixel reads. The
 * decode-ahead ({@link SignatureAhead}) keeps one per exact frame; {@link VlcStream} takes one of each picture
 * libVLC displays and {@link PictureMatch} compares them.
 */
public final class PictureSignature {
    /** Sample columns. */
    public static final int GRID_X = PictureDistance.GRID_X;
    /** Sample rows. */
    public static final int GRID_Y = PictureDistance.GRID_Y;
    /** Number of sample points. */
    public static final int SAMPLES = GRID_X * GRID_Y;

    private final int frame;
    private final byte[] rgb;

    private PictureSignature(int frame, byte[] rgb) {
        this.frame = frame;
        this.rgb = rgb;
    }

    /**
     * A signature from its samples: {@code rgb} holds red, green, blue per sample point, row by row ({@code 3 ×}
     * {@link #SAMPLES} bytes, kept, not copied).
     *
     * @param frame the exact frame it was taken from; -1 for a picture whose frame is not known
     */
    public static PictureSignature ofSamples(int frame, byte[] rgb) {
        if (rgb.length != 3 * SAMPLES) {
            throw new IllegalArgumentException(rgb.length + " sample bytes, want " + 3 * SAMPLES);
        }
        return new PictureSignature(frame, rgb);
    }

    /** The signature of {@code width × height} BGRA pixels (rows of {@code 4 × width} bytes from index 0). */
    public static PictureSignature ofBgra(int frame, ByteBuffer bgra, int width, int height) {
        return ofPixels(frame, bgra, width, height, 4);
    }

    /** The signature of {@code width × height} BGR24 pixels (rows of {@code 3 × width} bytes). */
    public static PictureSignature ofBgr(int frame, byte[] bgr, int width, int height) {
        return ofPixels(frame, ByteBuffer.wrap(bgr), width, height, 3);
    }

    private static PictureSignature ofPixels(int frame, ByteBuffer px, int width, int height, int bpp) {
        if (px.capacity() < (long) bpp * width * height) {
            throw new IllegalArgumentException(px.capacity() + " bytes for " + width + "x" + height);
        }
        byte[] out = new byte[3 * SAMPLES];
        int k = 0;
        for (int gy = 0; gy < GRID_Y; gy++) {
            int rowStart = bpp * width * sampleRow(gy, height);
            for (int gx = 0; gx < GRID_X; gx++) {
                int o = rowStart + bpp * sampleColumn(gx, width);
                out[k++] = px.get(o + 2);
                out[k++] = px.get(o + 1);
                out[k++] = px.get(o);
            }
        }
        return new PictureSignature(frame, out);
    }

    /** The signature of {@code width × height} BGRA pixels in an array. */
    public static PictureSignature ofBgra(int frame, byte[] bgra, int width, int height) {
        return ofBgra(frame, ByteBuffer.wrap(bgra), width, height);
    }

    /** The signature of a decoded frame (numbered with the frame's index). */
    public static PictureSignature of(FramePicture p) {
        byte[] out = new byte[3 * SAMPLES];
        int k = 0;
        for (int gy = 0; gy < GRID_Y; gy++) {
            int rowStart = p.width() * sampleRow(gy, p.height());
            for (int gx = 0; gx < GRID_X; gx++) {
                int a = p.argb()[rowStart + sampleColumn(gx, p.width())];
                out[k++] = (byte) (a >> 16);
                out[k++] = (byte) (a >> 8);
                out[k++] = (byte) a;
            }
        }
        return new PictureSignature(p.index(), out);
    }

    /** The row sampled for grid row {@code gy} of a picture {@code height} rows high (as PictureDistance). */
    static int sampleRow(int gy, int height) {
        return Math.min(height - 1, (int) ((gy + 0.5) / GRID_Y * height));
    }

    /** The column sampled for grid column {@code gx} of a picture {@code width} pixels wide. */
    static int sampleColumn(int gx, int width) {
        return Math.min(width - 1, (int) ((gx + 0.5) / GRID_X * width));
    }

    /** The exact frame this signature was taken from; -1 when not known (a picture libVLC displayed). */
    public int frame() {
        return frame;
    }

    /** Red (channel 0), green (1) or blue (2) at sample point {@code i}, 0–255. */
    public int value(int i, int channel) {
        return rgb[3 * i + channel] & 0xFF;
    }

    /** Sum of absolute differences of all samples (0: the sampled pixels are identical). */
    public long distance(PictureSignature o) {
        long sum = 0;
        for (int i = 0; i < rgb.length; i++) {
            sum += Math.abs((rgb[i] & 0xFF) - (o.rgb[i] & 0xFF));
        }
        return sum;
    }
}
