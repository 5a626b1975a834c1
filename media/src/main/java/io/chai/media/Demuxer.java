// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;

import io.chai.media.MediaException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/** An opened container with its chosen video stream. Not thread-safe. */
final class Demuxer implements AutoCloseable {
    final Path path;
    final AVFormatContext fmt;
    final int videoStream;
    final AVStream stream;
    final AVCodecParameters par;
    final long fileSize;

    private Demuxer(Path path, AVFormatContext fmt, int videoStream, long fileSize) {
        this.path = path;
        this.fmt = fmt;
        this.videoStream = videoStream;
        this.stream = fmt.streams(videoStream);
        this.par = stream.codecpar();
        this.fileSize = fileSize;
    }

    /** Opens {@code path} and selects its main video stream, or throws a {@link MediaException}. */
    static Demuxer open(Path path) {
        Ffmpeg.init();
        Path p = path.toAbsolutePath();
        long size = checkReadable(p);
        AVFormatContext fmt = new AVFormatContext(null);
        int r;
        try (BytePointer url = new BytePointer("file:" + p, "UTF-8")) {
            r = avformat_open_input(fmt, url, null, null);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        if (r < 0) {
            throw new MediaException(Kind.UNREADABLE, p + ": not a readable video file, or truncated or corrupt ("
                    + Ffmpeg.error(r) + ")");
        }
        boolean ok = false;
        try {
            r = avformat_find_stream_info(fmt, (org.bytedeco.javacpp.PointerPointer<?>) null);
            if (r < 0) {
                throw new MediaException(Kind.UNREADABLE, p + ": cannot read stream information, the file is truncated"
                        + " or corrupt (" + Ffmpeg.error(r) + ")");
            }
            int vs = chooseVideoStream(fmt);
            if (vs < 0) {
                boolean audio = false;
                for (int i = 0; i < fmt.nb_streams(); i++) {
                    audio |= fmt.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO;
                }
                throw new MediaException(Kind.NO_VIDEO, p + ": has no video stream" + (audio ? " (audio only)" : ""));
            }
            Demuxer d = new Demuxer(p, fmt, vs, size);
            ok = true;
            return d;
        } finally {
            if (!ok) {
                avformat_close_input(fmt);
            }
        }
    }

    static long checkReadable(Path p) {
        if (!Files.exists(p)) {
            throw new MediaException(Kind.NOT_FOUND, p + ": file not found");
        }
        if (!Files.isRegularFile(p)) {
            throw new MediaException(Kind.UNREADABLE, p + ": not a regular file");
        }
        if (!Files.isReadable(p)) {
            throw new MediaException(Kind.UNREADABLE, p + ": permission denied");
        }
        try {
            long size = Files.size(p);
            if (size == 0) {
                throw new MediaException(Kind.EMPTY, p + ": file is empty (0 bytes)");
            }
            return size;
        } catch (IOException e) {
            throw new MediaException(Kind.UNREADABLE, p + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static int chooseVideoStream(AVFormatContext fmt) {
        int best = av_find_best_stream(fmt, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
        if (best >= 0 && !isAttachedPicture(fmt.streams(best))) {
            return best;
        }
        for (int i = 0; i < fmt.nb_streams(); i++) {
            AVStream s = fmt.streams(i);
            if (s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO && !isAttachedPicture(s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAttachedPicture(AVStream s) {
        return (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
    }

    /** Reads the next packet of any stream; returns FFmpeg's status (negative at end or error). */
    int read(AVPacket pkt) {
        return av_read_frame(fmt, pkt);
    }

    /** Seeks the video stream to the last keyframe at or before {@code ts} (stream time base). */
    int seekBackward(long ts) {
        return av_seek_frame(fmt, videoStream, ts, AVSEEK_FLAG_BACKWARD);
    }

    /** Bytes consumed so far (for progress), or -1. */
    long position() {
        return fmt.pb() == null ? -1 : avformat.avio_tell(fmt.pb());
    }

    boolean hasAudio() {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            if (fmt.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                return true;
            }
        }
        return false;
    }

    String audioCodec() {
        for (int i = 0; i < fmt.nb_streams(); i++) {
            AVCodecParameters cp = fmt.streams(i).codecpar();
            if (cp.codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                return Ffmpeg.string(avcodec.avcodec_get_name(cp.codec_id()));
            }
        }
        return null;
    }

    /**
     * Clockwise rotation in degrees (0, 90, 180 or 270) to apply for display, from the stream's display matrix,
     * following the ffmpeg command line's autorotation; other angles are rounded to the nearest quarter turn.
     */
    int rotation() {
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.data() == null || sd.data().isNull()) {
            return 0;
        }
        double ccw = avutil.av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        double theta = -Math.round(ccw);
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        int quarter = (int) Math.round(theta / 90.0) % 4;
        return quarter * 90;
    }

    String metadata(String key) {
        AVDictionaryEntry e = avutil.av_dict_get(stream.metadata(), key, null, 0);
        if (e == null || e.isNull()) {
            e = avutil.av_dict_get(fmt.metadata(), key, null, 0);
        }
        if (e == null || e.isNull()) {
            // a QuickTime timecode track carries it on its own stream
            for (int i = 0; i < fmt.nb_streams() && (e == null || e.isNull()); i++) {
                e = avutil.av_dict_get(fmt.streams(i).metadata(), key, null, 0);
            }
        }
        return e == null || e.isNull() ? null : Ffmpeg.string(e.value());
    }

    private boolean closed;

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            avformat_close_input(fmt);
        }
    }
}
