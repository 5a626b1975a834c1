// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.avutil.av_hash_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_hash_final;
import static org.bytedeco.ffmpeg.global.avutil.av_hash_freep;
import static org.bytedeco.ffmpeg.global.avutil.av_hash_init;
import static org.bytedeco.ffmpeg.global.avutil.av_hash_update;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVHashContext;
import org.bytedeco.javacpp.BytePointer;

/** Computes {@link PictureHash}es of decoded frames (see its definition). Not thread-safe. */
final class PictureHasher implements AutoCloseable {
    private final AVHashContext ctx = new AVHashContext(null);
    private final byte[] out = new byte[16];
    private BytePointer buffer;
    private long capacity;

    PictureHasher() {
        Ffmpeg.init();
        int r = av_hash_alloc(ctx, "murmur3");
        if (r < 0) {
            throw new IllegalStateException("FFmpeg has no murmur3 hash: " + Ffmpeg.error(r));
        }
    }

    /** Bytes of the canonical picture layout (rawvideo, alignment 1). */
    static int pictureBytes(AVFrame f) {
        return av_image_get_buffer_size(f.format(), f.width(), f.height(), 1);
    }

    PictureHash hash(AVFrame f) {
        int size = pictureBytes(f);
        if (size < 0) {
            throw new IllegalStateException("cannot lay out a " + f.width() + "x" + f.height() + " frame of format "
                    + f.format() + ": " + Ffmpeg.error(size));
        }
        if (size > capacity) {
            if (buffer != null) {
                buffer.close();
            }
            buffer = new BytePointer(size);
            capacity = size;
        }
        int r = av_image_copy_to_buffer(buffer, size, f.data(), f.linesize(), f.format(), f.width(), f.height(), 1);
        if (r < 0) {
            throw new IllegalStateException("cannot copy picture: " + Ffmpeg.error(r));
        }
        av_hash_init(ctx);
        av_hash_update(ctx, buffer, size);
        av_hash_final(ctx, out);
        return PictureHash.fromBytes(out);
    }

    @Override
    public void close() {
        av_hash_freep(ctx);
        if (buffer != null) {
            buffer.close();
        }
    }
}
