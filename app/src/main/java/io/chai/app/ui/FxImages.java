// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui;

import io.chai.app.ui.frames.FramePicture;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Conversions between decoded frames, JavaFX images and PNG files. */
public final class FxImages {
    private FxImages() {
    }

    /**
     * A JavaFX image with exactly the frame's pixels, sharing them (no copy, no conversion: a frame's opaque ARGB is
     * its own premultiplied ARGB), so showing a 1080p frame costs the JavaFX thread nothing but the draw.
     */
    public static WritableImage toImage(FramePicture p) {
        return new WritableImage(new PixelBuffer<>(p.width(), p.height(), IntBuffer.wrap(p.argb()),
                PixelFormat.getIntArgbPreInstance()));
    }

    /** The ARGB pixels of an image (row-major). */
    public static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        PixelReader r = img.getPixelReader();
        r.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    /** Writes an image as PNG (for screenshots). */
    public static void writePng(Image img, Path file) throws IOException {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        bi.setRGB(0, 0, w, h, pixels(img), 0, w);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(bi, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
