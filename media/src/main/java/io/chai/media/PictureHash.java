// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import java.util.Locale;

/**
 * The content hash of a decoded picture: MurmurHash3 x64-128 (seed 0) over the picture in its native pixel format,
 * laid out as FFmpeg's {@code rawvideo} does ({@code av_image_copy_to_buffer} with alignment 1: each plane's rows
 * without padding, planes in order, the palette after them for paletted formats). Identical to the hash printed by
 * {@code ffmpeg -i FILE -map 0:v:0 -noautorotate -fps_mode passthrough -f framehash -hash murmur3 -}. The 16 hash
 * bytes are held as two big-endian longs; {@link #hex()} prints them as FFmpeg does.
 */
public record PictureHash(long high, long low) {

    public static PictureHash fromBytes(byte[] b) {
        if (b.length != 16) {
            throw new IllegalArgumentException("hash must be 16 bytes, got " + b.length);
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (b[i] & 0xFF);
            l = (l << 8) | (b[i + 8] & 0xFF);
        }
        return new PictureHash(h, l);
    }

    public static PictureHash parse(String hex) {
        String t = hex.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a 128-bit hex hash: '" + hex + "'");
        }
        return new PictureHash(Long.parseUnsignedLong(t.substring(0, 16), 16), Long.parseUnsignedLong(t.substring(16), 16));
    }

    /** 32 lower-case hex digits. */
    public String hex() {
        return String.format(Locale.ROOT, "%016x%016x", high, low);
    }

    @Override
    public String toString() {
        return hex();
    }
}
