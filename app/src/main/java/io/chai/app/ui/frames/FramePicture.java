// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The decoded picture of one frame: {@code index} is the frame number it shows, pixels are packed
 * ARGB (opaque), row-major, {@code width * height} of them. The player shows index and pixels together, so
 * the number on screen and the picture always agree.
 */
public record FramePicture(int index, int width, int height, int[] argb) {
    public FramePicture {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("frame " + index + ": " + argb.length + " pixels for " + width + "x" + height);
        }
    }

    /** SHA-256 of the pixels (hex), the identity used to check that a shown picture is the decoder's frame. */
    public String pixelHash() {
        return pixelHash(argb);
    }

    /** SHA-256 (hex) of ARGB pixels, alpha forced opaque. */
    public static String pixelHash(int[] argb) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(4 * 4096);
            for (int i = 0; i < argb.length; i++) {
                buf.putInt(argb[i] | 0xFF000000);
                if (!buf.hasRemaining()) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
            }
            md.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A nearest-neighbour downscale to at most {@code maxWidth} pixels wide (for filmstrip thumbnails). */
    public FramePicture scaledToWidth(int maxWidth) {
        if (width <= maxWidth) {
            return this;
        }
        int w = Math.max(1, maxWidth);
        int h = Math.max(1, (int) Math.round((double) height * w / width));
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(height - 1, (int) ((long) y * height / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(width - 1, (int) ((long) x * width / w));
                out[y * w + x] = argb[sy * width + sx];
            }
        }
        return new FramePicture(index, w, h, out);
    }
}
