// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.MediaException.Kind;
import io.chai.media.time.Rational;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses frames for models and thumbnails, and decodes them in ascending order so the decoder moves forward
 * through the clip instead of seeking back and forth.
 *
 * <p>{@link #uniform}: {@code count} frames evenly spread over a range, first and last included (index
 * {@code from + round(k * (last - from) / (count - 1))}); one frame means the middle. {@link #perSecond}: the
 * frames on screen at {@code from}'s time, then every {@code 1/fps} seconds up to the end of the range.
 */
public final class FrameSampler {
    private FrameSampler() {
    }

    /** One sampled frame written to a file. */
    public record Sample(int index, Rational time, Path file) {
    }

    /** {@code count} distinct frame indices evenly spread over [from, toExclusive). */
    public static int[] uniform(FrameIndex index, int count, int from, int toExclusive) {
        checkRange(index, from, toExclusive);
        if (count < 1) {
            throw new MediaException(Kind.OUT_OF_RANGE, "sample count must be at least 1, got " + count);
        }
        int last = toExclusive - 1;
        if (count == 1) {
            return new int[] {from + (last - from) / 2};
        }
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = from + (int) Math.round((double) k * (last - from) / (count - 1));
        }
        return Arrays.stream(out).distinct().toArray();
    }

    /** The frames on screen every {@code 1/fps} seconds over [from, toExclusive), starting at {@code from}. */
    public static int[] perSecond(FrameIndex index, Rational fps, int from, int toExclusive) {
        checkRange(index, from, toExclusive);
        if (fps.signum() <= 0) {
            throw new MediaException(Kind.OUT_OF_RANGE, "samples per second must be positive, got " + fps);
        }
        Rational start = index.time(from);
        Rational end = toExclusive == index.frameCount() ? index.duration() : index.time(toExclusive);
        Rational step = fps.inverse();
        List<Integer> out = new ArrayList<>();
        for (Rational t = start; t.compareTo(end) < 0; t = t.plus(step)) {
            int i = index.indexAt(t);
            if (out.isEmpty() || out.get(out.size() - 1) != i) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void checkRange(FrameIndex index, int from, int toExclusive) {
        if (from < 0 || toExclusive > index.frameCount() || from >= toExclusive) {
            throw new MediaException(Kind.OUT_OF_RANGE, "frame range " + from + "-" + (toExclusive - 1)
                    + " is not inside the clip (0-" + (index.frameCount() - 1) + ")");
        }
    }

    /** Decodes {@code indices} (any order) ascending, each at most {@code maxPixels} (0 = full size). */
    public static List<VideoFrame> decode(FrameDecoder decoder, int[] indices, long maxPixels) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        List<VideoFrame> out = new ArrayList<>(sorted.length);
        for (int i : sorted) {
            out.add(decoder.frame(i, PixelLayout.BGR24, maxPixels));
        }
        return out;
    }

    /**
     * Writes the frames to {@code dir} as {@code frame_NNNNNN.png|jpg} (six-digit frame index) and returns them
     * in index order.
     */
    public static List<Sample> write(FrameDecoder decoder, int[] indices, long maxPixels, ImageFormat format,
            Path dir) {
        List<Sample> out = new ArrayList<>();
        for (VideoFrame f : decode(decoder, indices, maxPixels)) {
            Path file = dir.resolve(String.format("frame_%06d.%s", f.index(), format.extension()));
            format.write(f.toBufferedImage(), file);
            out.add(new Sample(f.index(), f.time(), file));
        }
        return out;
    }

    /**
     * A thumbnail strip: the frames side by side, each scaled to {@code height} pixels high (aspect kept), with a
     * 2-pixel dark gap between them.
     */
    public static BufferedImage strip(FrameDecoder decoder, int[] indices, int height) {
        if (height < 8 || height > 2160) {
            throw new MediaException(Kind.OUT_OF_RANGE, "strip height must be 8-2160 pixels, got " + height);
        }
        List<VideoFrame> frames = decode(decoder, indices, 4L * height * height);
        int gap = 2;
        int[] widths = new int[frames.size()];
        int total = 0;
        for (int k = 0; k < frames.size(); k++) {
            VideoFrame f = frames.get(k);
            widths[k] = Math.max(1, (int) Math.round((double) f.width() * height / f.height()));
            total += widths[k] + (k > 0 ? gap : 0);
        }
        BufferedImage strip = new BufferedImage(total, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = strip.createGraphics();
        try {
            g.setColor(new Color(24, 24, 24));
            g.fillRect(0, 0, total, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int x = 0;
            for (int k = 0; k < frames.size(); k++) {
                g.drawImage(frames.get(k).toBufferedImage(), x, 0, widths[k], height, null);
                x += widths[k] + gap;
            }
        } finally {
            g.dispose();
        }
        return strip;
    }
}
