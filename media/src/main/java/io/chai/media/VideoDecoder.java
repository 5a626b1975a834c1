// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;

import io.chai.media.MediaException.Kind;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;

/** A software video decoder for a {@link Demuxer}'s video stream, frame- and slice-threaded. Not thread-safe. */
final class VideoDecoder implements AutoCloseable {
    private static final int FF_THREAD_FRAME = 1; // libavcodec/avcodec.h
    private static final int FF_THREAD_SLICE = 2;
    final AVCodecContext ctx;
    private int skip = avcodec.AVDISCARD_DEFAULT;

    VideoDecoder(Demuxer d) {
        AVCodec codec = avcodec_find_decoder(d.par.codec_id());
        if (codec == null || codec.isNull()) {
            String name = Ffmpeg.string(avcodec.avcodec_get_name(d.par.codec_id()));
            throw new MediaException(Kind.UNSUPPORTED_CODEC, d.path + ": video codec '" + name
                    + "' is not supported by the bundled FFmpeg");
        }
        ctx = avcodec_alloc_context3(codec);
        int r = avcodec_parameters_to_context(ctx, d.par);
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new MediaException(Kind.UNREADABLE, d.path + ": invalid codec parameters (" + Ffmpeg.error(r) + ")");
        }
        ctx.pkt_timebase(d.stream.time_base());
        ctx.thread_count(Math.min(16, Math.max(1, Runtime.getRuntime().availableProcessors())));
        ctx.thread_type(FF_THREAD_FRAME | FF_THREAD_SLICE);
        r = avcodec_open2(ctx, codec, (AVDictionary) null);
        if (r < 0) {
            avcodec_free_context(ctx);
            throw new MediaException(Kind.UNSUPPORTED_CODEC, d.path + ": cannot open the "
                    + Ffmpeg.string(codec.name()) + " decoder (" + Ffmpeg.error(r) + ")");
        }
    }

    /** Discard level for the next packets: {@code AVDISCARD_NONREF} skips frames nothing else references. */
    void skip(int level) {
        if (level != skip) {
            ctx.skip_frame(level);
            skip = level;
        }
    }

    /** Sends a packet (null flushes); FFmpeg status, errors of corrupt packets included. */
    int send(AVPacket pkt) {
        return avcodec_send_packet(ctx, pkt);
    }

    /** Receives a decoded frame: 0 when {@code frame} was filled, negative (EAGAIN, EOF) otherwise. */
    int receive(AVFrame frame) {
        return avcodec_receive_frame(ctx, frame);
    }

    /** Drops all buffered state (after a seek or a drain). */
    void flush() {
        avcodec_flush_buffers(ctx);
    }

    private boolean closed;

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            avcodec_free_context(ctx);
        }
    }
}
