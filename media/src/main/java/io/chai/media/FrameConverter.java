// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;

import io.chai.media.time.Rational;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts a decoded frame to packed BGR/BGRA at display geometry: square pixels (width scaled by the sample
 * aspect ratio, as {@code scale=iw*sar:ih}), an optional pixel budget (aspect kept), then the rotation applied
 * in Java. YUV uses the frame's colour matrix and range (unspecified: BT.709 from 720 lines up, else BT.601).
 * Not thread-safe.
 */
final class FrameConverter implements AutoCloseable {
    private SwsContext sws;
    private BytePointer dst;
    private long dstCapacity;
    private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
    private final IntPointer dstLinesize = new IntPointer(4);

    private final int[] key = new int[6];

    /**
     * A scaler for this geometry, reused while it does not change. Single-threaded by default (measured faster on
     * two busy cores); {@code -Dchai.media.swsThreads=N} slices it over N threads.
     */
    private void context(int sw, int sh, int sf, int dw, int dh, int df) {
        int[] k = {sw, sh, sf, dw, dh, df};
        if (sws != null && java.util.Arrays.equals(k, key)) {
            return;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        SwsContext c = swscale.sws_alloc_context();
        if (c == null || c.isNull()) {
            throw new OutOfMemoryError("cannot allocate a scaler");
        }
        avutil.av_opt_set_int(c, "srcw", sw, 0);
        avutil.av_opt_set_int(c, "srch", sh, 0);
        avutil.av_opt_set_int(c, "src_format", sf, 0);
        avutil.av_opt_set_int(c, "dstw", dw, 0);
        avutil.av_opt_set_int(c, "dsth", dh, 0);
        avutil.av_opt_set_int(c, "dst_format", df, 0);
        avutil.av_opt_set_int(c, "sws_flags", SWS_BICUBIC, 0);
        avutil.av_opt_set_int(c, "threads", Integer.getInteger("chai.media.swsThreads", 1), 0);
        int r = swscale.sws_init_context(c, null, null);
        if (r < 0) {
            sws_freeContext(c);
            throw new IllegalStateException("no conversion from pixel format " + sf + " to BGR: " + Ffmpeg.error(r));
        }
        sws = c;
        System.arraycopy(k, 0, key, 0, 6);
    }

    /** Output geometry before rotation for a {@code w}x{@code h} picture. */
    static int[] scaledSize(int w, int h, Rational sar, long maxPixels) {
        double dw = w;
        double dh = h;
        if (sar != null && sar.num() > 0 && !sar.equals(Rational.ONE)) {
            dw = Math.max(1, Math.round(w * sar.toDouble()));
        }
        if (maxPixels > 0 && dw * dh > maxPixels) {
            double s = Math.sqrt(maxPixels / (dw * dh));
            dw = Math.max(1, Math.floor(dw * s));
            dh = Math.max(1, Math.floor(dh * s));
        }
        return new int[] {(int) dw, (int) dh};
    }

    /**
     * Converts {@code f}; returns {@code {pixels, width, height}} after rotation (width/height boxed in an
     * int[2] as the second element).
     */
    Converted convert(AVFrame f, Rational sar, int rotation, long maxPixels, PixelLayout layout) {
        int[] size = scaledSize(f.width(), f.height(), sar, maxPixels);
        int w = size[0];
        int h = size[1];
        int dstFmt = layout == PixelLayout.BGRA ? avutil.AV_PIX_FMT_BGRA : avutil.AV_PIX_FMT_BGR24;
        context(f.width(), f.height(), f.format(), w, h, dstFmt);
        int srcRange = f.color_range() == avutil.AVCOL_RANGE_JPEG ? 1 : 0;
        sws_setColorspaceDetails(sws, sws_getCoefficients(colourMatrix(f)), srcRange,
                sws_getCoefficients(swscale.SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
        int bpp = layout.bytesPerPixel();
        long need = (long) w * h * bpp;
        if (need > dstCapacity) {
            if (dst != null) {
                dst.close();
            }
            dst = new BytePointer(need);
            dstCapacity = need;
        }
        dstData.put(0, dst);
        dstLinesize.put(0, w * bpp);
        sws_scale(sws, f.data(), f.linesize(), 0, f.height(), dstData, dstLinesize);
        byte[] pixels = new byte[(int) need];
        dst.position(0).get(pixels);
        if (layout == PixelLayout.BGRA && !hasAlpha(f.format())) {
            for (int i = 3; i < pixels.length; i += 4) {
                pixels[i] = (byte) 0xFF;
            }
        }
        return Rotation.rotate(pixels, w, h, bpp, rotation);
    }

    private static boolean hasAlpha(int format) {
        return (avutil.av_pix_fmt_desc_get(format).flags() & avutil.AV_PIX_FMT_FLAG_ALPHA) != 0;
    }

    private static int colourMatrix(AVFrame f) {
        switch (f.colorspace()) {
            case avutil.AVCOL_SPC_BT709:
                return swscale.SWS_CS_ITU709;
            case avutil.AVCOL_SPC_FCC:
                return swscale.SWS_CS_FCC;
            case avutil.AVCOL_SPC_BT470BG:
            case avutil.AVCOL_SPC_SMPTE170M:
                return swscale.SWS_CS_ITU601;
            case avutil.AVCOL_SPC_SMPTE240M:
                return swscale.SWS_CS_SMPTE240M;
            case avutil.AVCOL_SPC_BT2020_NCL:
            case avutil.AVCOL_SPC_BT2020_CL:
                return swscale.SWS_CS_BT2020;
            default:
                return f.height() >= 720 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
        }
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        if (dst != null) {
            dst.close();
        }
        dstData.close();
        dstLinesize.close();
    }

    /** Packed pixels with their size. */
    record Converted(byte[] pixels, int width, int height) {
    }

    /** Quarter-turn rotation of packed pixel rows. */
    static final class Rotation {
        private Rotation() {
        }

        static Converted rotate(byte[] src, int w, int h, int bpp, int clockwise) {
            switch (clockwise) {
                case 0:
                    return new Converted(src, w, h);
                case 180: {
                    byte[] out = new byte[src.length];
                    int n = w * h;
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(src, i * bpp, out, (n - 1 - i) * bpp, bpp);
                    }
                    return new Converted(out, w, h);
                }
                case 90:
                case 270: {
                    byte[] out = new byte[src.length];
                    // output is h wide, w high
                    for (int y = 0; y < h; y++) {
                        int rowBase = y * w;
                        for (int x = 0; x < w; x++) {
                            int ox;
                            int oy;
                            if (clockwise == 90) {
                                ox = h - 1 - y;
                                oy = x;
                            } else {
                                ox = y;
                                oy = w - 1 - x;
                            }
                            System.arraycopy(src, (rowBase + x) * bpp, out, (oy * h + ox) * bpp, bpp);
                        }
                    }
                    return new Converted(out, h, w);
                }
                default:
                    throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + clockwise);
            }
        }
    }
}
