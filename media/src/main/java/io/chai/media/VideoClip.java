// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.time.Rational;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * One clip opened for work: its {@link FrameIndex} (from the {@link IndexStore}, scanned on first use), its
 * {@link ProbeResult}, and a lazily opened {@link FrameDecoder}. Close it to free the decoder.
 */
public final class VideoClip implements AutoCloseable {
    private final Path path;
    private final FrameIndex index;
    private final ProbeResult probe;
    private FrameDecoder decoder;

    private VideoClip(Path path, FrameIndex index, ProbeResult probe) {
        this.path = path;
        this.index = index;
        this.probe = probe;
    }

    /**
     * Loads FFmpeg's native libraries (format, codec, scaling) now, so that a program can do it on a thread of its
     * own while it starts (the workstation does, beside opening its project); idempotent and thread-safe.
     */
    public static void loadNatives() {
        Ffmpeg.init();
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
    }

    /**
     * Opens {@code clip}, loading its index from {@code store} or scanning it (progress, cancellation) and storing
     * it. {@code store} may be null to always scan and keep nothing.
     */
    public static VideoClip open(Path clip, IndexStore store, ProgressListener listener, CancellationToken token) {
        Path p = clip.toAbsolutePath();
        FrameIndex index = store == null ? FrameIndexer.scan(p, listener, token) : store.loadOrScan(p, listener, token);
        return new VideoClip(p, index, probe(p, index));
    }

    /** Combines the header of {@code clip} with its measured {@code index}. */
    public static ProbeResult probe(Path clip, FrameIndex index) {
        try (Demuxer d = Demuxer.open(clip)) {
            var par = d.par;
            String profile = Ffmpeg.string(avcodec.avcodec_profile_name(par.codec_id(), par.profile()));
            Rational sar = Ffmpeg.rational(avformat.av_guess_sample_aspect_ratio(d.fmt, d.stream, null));
            if (sar == null) {
                sar = Rational.ONE;
            }
            int rotation = d.rotation();
            int[] size = FrameConverter.scaledSize(index.width(), index.height(), sar, 0);
            boolean quarter = rotation == 90 || rotation == 270;
            long fmtDuration = d.fmt.duration();
            Rational containerDuration = fmtDuration > 0 && fmtDuration != Ffmpeg.NOPTS
                    ? Rational.of(fmtDuration, avutil.AV_TIME_BASE) : null;
            return new ProbeResult(d.path.toString(), Ffmpeg.string(d.fmt.iformat().name()),
                    Ffmpeg.string(avcodec.avcodec_get_name(par.codec_id())), profile,
                    Ffmpeg.string(avutil.av_get_pix_fmt_name(par.format())), index.width(), index.height(), sar,
                    rotation, quarter ? size[1] : size[0], quarter ? size[0] : size[1], index.frameRate(),
                    index.headerFrameRate(), index.constantFrameRate(), index.timeBase(), index.frameCount(),
                    Math.max(0, d.stream.nb_frames()), index.keyframeCount(), index.duration(), containerDuration,
                    index.startTime(), d.hasAudio(), d.audioCodec(),
                    index.startTimecode() == null ? null : index.startTimecode().toString(), index.dropFrameTimecode(),
                    index.decodeErrors(), index.endedWithReadError());
        }
    }

    public Path path() {
        return path;
    }

    public FrameIndex index() {
        return index;
    }

    public ProbeResult probe() {
        return probe;
    }

    /** The exact decoder for this clip, opened on first use. */
    public synchronized FrameDecoder decoder() {
        if (decoder == null) {
            decoder = new FrameDecoder(path, index);
        }
        return decoder;
    }

    @Override
    public synchronized void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
