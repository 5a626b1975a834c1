// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.MediaException.Kind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Still-image output formats (Java ImageIO; JPEG at quality 0.92). */
public enum ImageFormat {
    PNG("png"), JPEG("jpg");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a file name's extension ({@code .png}, {@code .jpg}, {@code .jpeg}). */
    public static ImageFormat forFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return PNG;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return JPEG;
        }
        throw new MediaException(Kind.UNREADABLE, file + ": unknown image type; use a .png, .jpg or .jpeg file name");
    }

    public static ImageFormat parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "png":
                return PNG;
            case "jpg":
            case "jpeg":
                return JPEG;
            default:
                throw new IllegalArgumentException("unknown image format '" + name + "' (png or jpg)");
        }
    }

    /** Writes {@code image} to {@code file} in this format (an opaque image for JPEG). */
    public void write(BufferedImage image, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                write(image, out);
            }
        } catch (IOException e) {
            throw new MediaException(Kind.CACHE_IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code image} to {@code out} in this format. */
    public void write(BufferedImage image, OutputStream out) throws IOException {
        if (this == PNG) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
            return;
        }
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha()) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            rgb.getGraphics().drawImage(image, 0, 0, null);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer");
        }
        ImageWriter w = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            w.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            w.dispose();
        }
    }
}
