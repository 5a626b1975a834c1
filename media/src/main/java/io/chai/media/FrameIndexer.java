// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.chai.media.MediaException.Kind;
import io.chai.media.time.FrameRate;
import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Builds a {@link FrameIndex} by decoding every frame of a clip once, in order, exactly as FFmpeg outputs them
 * (frames the container's edit list hides are dropped by FFmpeg and are not counted). Reading stops at the end of
 * the file or at the first unreadable (truncated) part; packets the decoder rejects are skipped and counted.
 */
public final class FrameIndexer {
    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

    private FrameIndexer() {
    }

    /** Scans {@code clip}; see the class comment. Throws {@link java.util.concurrent.CancellationException}. */
    public static FrameIndex scan(Path clip, ProgressListener listener, CancellationToken token) {
        token.throwIfCancelled();
        ClipFingerprint fingerprint = ClipFingerprint.of(clip);
        try (Demuxer d = Demuxer.open(clip); VideoDecoder dec = new VideoDecoder(d);
                PictureHasher hasher = new PictureHasher()) {
            return scan(d, dec, hasher, fingerprint, listener, token);
        }
    }

    private static FrameIndex scan(Demuxer d, VideoDecoder dec, PictureHasher hasher, ClipFingerprint fp,
            ProgressListener listener, CancellationToken token) {
        FrameIndex.Builder b = new FrameIndex.Builder();
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        int errors = 0;
        boolean readError = false;
        long lastDuration = 0;
        int width = 0;
        int height = 0;
        long lastReport = System.nanoTime() - PROGRESS_INTERVAL_NANOS; // report at the first packet
        long lastGoodPts = Ffmpeg.NOPTS;
        try {
            while (true) {
                token.throwIfCancelled();
                int r = d.read(pkt);
                if (r < 0) {
                    readError = r != avutil.AVERROR_EOF;
                    break;
                }
                if (pkt.stream_index() != d.videoStream) {
                    av_packet_unref(pkt);
                    continue;
                }
                if ((pkt.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
                    b.seekPoint(pkt.pts(), pkt.dts());
                }
                int s = dec.send(pkt);
                av_packet_unref(pkt);
                if (s < 0 && s != Ffmpeg.EAGAIN) {
                    errors++;
                }
                while (dec.receive(frame) >= 0) {
                    if (b.size() == 0) {
                        width = frame.width();
                        height = frame.height();
                    }
                    long p = frame.best_effort_timestamp();
                    if (p == Ffmpeg.NOPTS) {
                        p = b.size() == 0 ? 0 : b.lastPts() + Math.max(1, frame.duration());
                    }
                    lastGoodPts = p;
                    lastDuration = frame.duration();
                    b.add(p, hasher.hash(frame));
                    av_frame_unref(frame);
                }
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                    lastReport = now;
                    long pos = d.position();
                    listener.onProgress(pos < 0 ? 0 : Math.min(1.0, (double) pos / d.fileSize), b.size());
                }
            }
            dec.send(null);
            while (dec.receive(frame) >= 0) {
                long p = frame.best_effort_timestamp();
                if (p == Ffmpeg.NOPTS) {
                    p = b.size() == 0 ? 0 : b.lastPts() + Math.max(1, frame.duration());
                }
                if (b.size() == 0) {
                    width = frame.width();
                    height = frame.height();
                }
                lastGoodPts = p;
                lastDuration = frame.duration();
                b.add(p, hasher.hash(frame));
                av_frame_unref(frame);
            }
        } finally {
            av_frame_free(frame);
            av_packet_free(pkt);
        }
        if (b.size() == 0) {
            throw new MediaException(Kind.DECODE_FAILED, d.path + ": no video frame could be decoded (the file is"
                    + " truncated or corrupt)");
        }
        listener.onProgress(1.0, b.size());
        Rational tb = Rational.of(d.stream.time_base().num(), d.stream.time_base().den());
        FrameRate header = headerRate(d);
        Timecode startTc = startTimecode(d, header);
        assert lastGoodPts != Ffmpeg.NOPTS;
        return b.build(fp, d.videoStream, tb, width, height, lastDuration, header, startTc, errors, readError);
    }

    static FrameRate headerRate(Demuxer d) {
        Rational r = Ffmpeg.rational(avformat.av_guess_frame_rate(d.fmt, d.stream, null));
        if (r == null || r.signum() <= 0 || r.toDouble() > 1000) {
            return null;
        }
        return FrameRate.of(r);
    }

    private static Timecode startTimecode(Demuxer d, FrameRate rate) {
        String tc = d.metadata("timecode");
        if (tc == null || rate == null) {
            return null;
        }
        try {
            return Timecode.parse(tc, rate);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
