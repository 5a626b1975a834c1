// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Small pictures kept as PNG files in a cache folder (library and filmstrip thumbnails), so that the next time
 * costs a file read instead of an exact decode. A cache is a convenience: an unreadable file reads as missing and
 * a write that fails (read-only project, full disk) is ignored.
 */
public final class PictureFiles {
    private PictureFiles() {
    }

    /** The picture in {@code file} (its frame index set to {@code index}); empty when missing or unreadable. */
    public static Optional<FramePicture> read(Path file, int index) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                return Optional.empty();
            }
            int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
            return Optional.of(new FramePicture(index, img.getWidth(), img.getHeight(), argb));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code p} to {@code file} (atomically: a reader never sees half a file); failures are ignored. */
    public static void write(Path file, FramePicture p) {
        try {
            Files.createDirectories(file.getParent());
            BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
            Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // the cache is a convenience: a read-only project still shows its pictures
        }
    }
}
