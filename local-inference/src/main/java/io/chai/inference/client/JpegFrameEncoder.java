// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Prepares decoded frames for a model request: scales so the longer edge is at most {@code maxEdge} pixels
 * (keeping the aspect ratio, never upscaling) and encodes baseline JPEG at {@code quality}. Thread-safe.
 */
public final class JpegFrameEncoder {
    private final int maxEdge;
    private final float quality;

    public JpegFrameEncoder(int maxEdge, float quality) {
        if (maxEdge < 16) {
            throw new IllegalArgumentException("maxEdge must be at least 16 px");
        }
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must be within (0, 1]");
        }
        this.maxEdge = maxEdge;
        this.quality = quality;
    }

    /** The common setting for Qwen3-VL-class models: 448 px, quality 0.85. */
    public static JpegFrameEncoder standard() {
        return new JpegFrameEncoder(448, 0.85f);
    }

    public EncodedFrame encode(BufferedImage image, long index, double ptsSeconds) {
        return new EncodedFrame(index, ptsSeconds, "image/jpeg", jpeg(scale(image)));
    }

    /** The image scaled down to {@code maxEdge} on its longer side, as 8-bit RGB. */
    public BufferedImage scale(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = Math.min(1.0, (double) maxEdge / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * f));
        int th = Math.max(1, (int) Math.round(h * f));
        if (tw == w && th == h && src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage dst = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private byte[] jpeg(BufferedImage img) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this Java runtime");
        }
        ImageWriter w = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }
}
