// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

/** Byte layout of decoded pixels handed to callers: packed rows, no padding. */
public enum PixelLayout {
    /** 3 bytes per pixel, B G R: the layout of {@link java.awt.image.BufferedImage#TYPE_3BYTE_BGR}. */
    BGR24(3),
    /** 4 bytes per pixel, B G R A with A = 255: JavaFX {@code PixelFormat.getByteBgraPreInstance()}. */
    BGRA(4);

    private final int bytesPerPixel;

    PixelLayout(int bytesPerPixel) {
        this.bytesPerPixel = bytesPerPixel;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }
}
