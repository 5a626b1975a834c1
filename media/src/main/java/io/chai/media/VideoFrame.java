// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.time.Rational;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Objects;

/**
 * One decoded frame at display geometry (rotation applied, square pixels, possibly scaled to a pixel budget).
 *
 * @param index display index in the clip (0-based)
 * @param pts presentation timestamp in the stream's time base
 * @param time presentation time in seconds relative to the clip's first frame
 * @param width width of {@code pixels}
 * @param height height of {@code pixels}
 * @param layout byte layout of {@code pixels}
 * @param pixels packed rows, {@code width * height * layout.bytesPerPixel()} bytes; do not modify
 * @param hash content hash of the decoded picture (before conversion), as recorded in the {@link FrameIndex}
 */
public record VideoFrame(int index, long pts, Rational time, int width, int height, PixelLayout layout, byte[] pixels,
        PictureHash hash) {

    public VideoFrame {
        Objects.requireNonNull(layout);
        if (pixels.length != width * height * layout.bytesPerPixel()) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height + " " + layout);
        }
    }

    /**
     * The pixels as a new image ({@code TYPE_3BYTE_BGR} for BGR24, {@code TYPE_4BYTE_ABGR} for BGRA); the pixels
     * are copied, so the image may be modified freely.
     */
    public BufferedImage toBufferedImage() {
        if (layout == PixelLayout.BGR24) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(pixels, 0, target, 0, pixels.length);
            return img;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i += 4) {
            target[i] = pixels[i + 3];
            target[i + 1] = pixels[i];
            target[i + 2] = pixels[i + 1];
            target[i + 3] = pixels[i + 2];
        }
        return img;
    }
}
