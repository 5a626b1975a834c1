// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_clone;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.chai.media.MediaException.Kind;
import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;

/**
 * Frame-exact random access: {@link #frame(int)} returns exactly the i-th displayed frame of the clip, as defined
 * by its {@link FrameIndex} (the i-th frame of a full sequential decode).
 *
 * <p>How: the decoder stays open ("warm"). For a frame ahead of the current position within reach it decodes
 * forward; otherwise it seeks to the keyframe packet at or before the frame (a {@link SeekPoint} recorded by the
 * scan), skips the demuxed packets before that keyframe, and decodes forward, discarding non-reference frames that
 * are not wanted ({@code AVDISCARD_NONREF}) and converting no colour until a frame is returned. Decoded frames are
 * identified by presentation timestamp and every returned frame is verified against the index's picture hash; on a
 * mismatch (open GOP, damaged data) it retries from an earlier keyframe and finally from the start of the file,
 * counting frames exactly like the scan. Decoded pictures around the position are kept (native, unconverted) in a
 * small cache, so stepping ±1 or ±10 frames is served from memory; stepping backwards past the cache decodes a block
 * of frames before the target in one go.
 *
 * <p>Not thread-safe: use one instance per thread (methods are synchronized to fail safe, not to share).
 */
public final class FrameDecoder implements AutoCloseable {
    /** Frames before the target kept on a backward step that misses the cache. */
    static final int BACKWARD_BLOCK = 32;
    /** Decoding forward instead of seeking is preferred up to this many frames past the seek point's distance. */
    static final int FORWARD_SLACK = 12;

    private final Path path;
    private final FrameIndex index;
    private final Rational sampleAspect;
    private final int rotation;
    private final long cacheBudgetBytes;

    private Demuxer demuxer;
    private VideoDecoder decoder;
    private final PictureHasher hasher = new PictureHasher();
    private final FrameConverter converter = new FrameConverter();
    private final AVPacket pkt = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();

    /** Cached decoded pictures by index, in access order. */
    private final LinkedHashMap<Integer, Cached> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cacheBytes;

    // decoding state
    private int position = -1; // index of the last frame output in the current run (-1: none yet)
    private boolean counting; // run started at the beginning of the file: frames are numbered by count
    private int counted; // frames output so far in a counting run
    private long trustPts = Long.MIN_VALUE; // frames before this pts are not trusted in a seek run
    private SeekPoint waitFor; // after a seek: skip packets until this keyframe packet
    private boolean drained; // the decoder reached the end of the stream
    private boolean runValid; // a run is in progress and may continue forward
    private int lastRequested = -1;
    private VideoFrame lastServed;
    private long seeks;
    private long restarts;
    private long framesDecoded;
    private long cacheHits;
    private int pinned = -1; // the target of the running decode: never evicted

    /** Counters for tests and benchmarks. */
    public record Stats(long seeks, long restarts, long framesDecoded, long cacheHits) {
    }

    /** Opens {@code clip} for exact decoding with {@code index} (which must be this clip's index). */
    public FrameDecoder(Path clip, FrameIndex index) {
        this(clip, index, 256L << 20);
    }

    /**
     * @param cacheBudgetBytes memory for cached decoded pictures (at least 8 pictures are kept regardless)
     */
    public FrameDecoder(Path clip, FrameIndex index, long cacheBudgetBytes) {
        this.path = clip;
        this.index = index;
        this.cacheBudgetBytes = cacheBudgetBytes;
        if (!ClipFingerprint.of(clip).equals(index.fingerprint())) {
            throw new MediaException(Kind.DECODE_FAILED, clip.toAbsolutePath() + ": the file changed since it was"
                    + " indexed; index it again");
        }
        this.demuxer = Demuxer.open(clip);
        if (demuxer.videoStream != index.streamIndex()) {
            demuxer.close();
            throw new IllegalArgumentException("the index belongs to a different stream layout than " + clip);
        }
        this.decoder = new VideoDecoder(demuxer);
        Rational sar = Ffmpeg.rational(avformat.av_guess_sample_aspect_ratio(demuxer.fmt, demuxer.stream, null));
        this.sampleAspect = sar == null ? Rational.ONE : sar;
        this.rotation = demuxer.rotation();
        // from the start of the file frames are found by timestamp (so unwanted ones can be skipped) when
        // timestamps are reliable; otherwise they are counted exactly as the scan did
        this.counting = !index.timestampsReliable();
        this.runValid = true;
    }

    public FrameIndex index() {
        return index;
    }

    /** Clockwise display rotation applied to returned frames. */
    public int rotation() {
        return rotation;
    }

    public synchronized Stats stats() {
        return new Stats(seeks, restarts, framesDecoded, cacheHits);
    }

    /** Frame {@code i} at full display size, BGR24. */
    public VideoFrame frame(int i) {
        return frame(i, PixelLayout.BGR24, 0);
    }

    /** The frame on screen at {@code time} seconds after the first frame. */
    public VideoFrame frameAt(Rational time) {
        return frame(index.indexAt(time));
    }

    /** The frame labelled {@code tc}. */
    public VideoFrame frameAt(Timecode tc) {
        return frame(index.indexOf(tc));
    }

    /**
     * Frame {@code i} in {@code layout}, scaled down to at most {@code maxPixels} pixels (aspect kept; 0 = full
     * size).
     *
     * @throws MediaException if {@code i} is out of range or the frame cannot be decoded exactly
     */
    public synchronized VideoFrame frame(int i, PixelLayout layout, long maxPixels) {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (unusable) {
            throw new MediaException(Kind.UNREADABLE, path + ": the file can no longer be read; open it again");
        }
        index.check(i);
        if (lastServed != null && lastServed.index() == i && lastServed.layout() == layout && maxPixels == 0
                && lastServed.width() * lastServed.height() == fullPixels()) {
            return lastServed;
        }
        boolean backwardStep = lastRequested >= 0 && i < lastRequested && lastRequested - i <= BACKWARD_BLOCK;
        int step = lastRequested >= 0 ? Math.abs(lastRequested - i) : 1;
        lastRequested = i;
        AVFrame decoded = decoded(i, backwardStep ? Math.max(BACKWARD_BLOCK, 3 * step) : 1);
        FrameConverter.Converted c = converter.convert(decoded, sampleAspect, rotation, maxPixels, layout);
        VideoFrame vf = new VideoFrame(i, index.pts(i), index.time(i), c.width(), c.height(), layout, c.pixels(),
                cache.get(i).hash);
        if (maxPixels == 0) {
            lastServed = vf;
        }
        return vf;
    }

    private long fullPixels() {
        int[] s = FrameConverter.scaledSize(index.width(), index.height(), sampleAspect, 0);
        return (long) s[0] * s[1];
    }

    /** Returns the verified decoded picture of frame i (owned by the cache). */
    private AVFrame decoded(int i, int window) {
        Cached c = cache.get(i);
        if (c != null && verify(i, c)) {
            cacheHits++;
            return c.frame;
        }
        int windowStart = Math.max(0, i - window + 1);
        // 1. continue forward when the target is close ahead of the current run
        if (runValid && !drained && position < i) {
            boolean cont = !index.timestampsReliable();
            if (!cont) {
                SeekPoint sp = index.seekPointBefore(index.pts(i), Long.MAX_VALUE);
                int keyIndex = sp == null ? 0 : Math.max(0, index.indexOfPts(sp.pts()));
                cont = keyIndex <= position + 1 || i - position <= i - keyIndex + FORWARD_SLACK;
            }
            if (cont) {
                AVFrame f = run(i, windowStart);
                if (f != null) {
                    return f;
                }
            }
        }
        // 2. seek to keyframes at or before the target, latest first
        if (index.timestampsReliable()) {
            long below = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                SeekPoint sp = index.seekPointBefore(index.pts(i), below);
                if (sp == null) {
                    break;
                }
                below = sp.pts();
                if (seek(sp)) {
                    AVFrame f = run(i, Math.max(windowStart, 0));
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        // 3. from the start of the file, counting frames exactly as the scan did
        restart();
        AVFrame f = run(i, windowStart);
        if (f != null) {
            return f;
        }
        throw new MediaException(Kind.DECODE_FAILED, path + ": frame " + i + " could not be decoded to match the"
                + " frame index (the file changed or is damaged; re-index it)");
    }

    private boolean verify(int i, Cached c) {
        if (c.verified) {
            return true;
        }
        PictureHash h = hasher.hash(c.frame);
        if (h.equals(index.hash(i))) {
            c.verified = true;
            c.hash = h;
            return true;
        }
        evict(i);
        return false;
    }

    private boolean seek(SeekPoint sp) {
        long ts = sp.dts() != Ffmpeg.NOPTS ? Math.min(sp.dts(), sp.pts()) : sp.pts();
        int r = demuxer.seekBackward(ts);
        if (r < 0) {
            r = demuxer.seekBackward(ts - 1);
            if (r < 0) {
                return false;
            }
        }
        decoder.flush();
        seeks++;
        position = -1;
        counting = false;
        drained = false;
        runValid = true;
        trustPts = sp.pts();
        waitFor = sp;
        return true;
    }

    private void restart() {
        decoder.close();
        demuxer.close();
        runValid = false;
        unusable = true; // until the file is open again
        Demuxer d = Demuxer.open(path);
        try {
            decoder = new VideoDecoder(d);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
        demuxer = d;
        unusable = false;
        restarts++;
        position = -1;
        counting = true;
        counted = 0;
        drained = false;
        runValid = true;
        trustPts = Long.MIN_VALUE;
        waitFor = null;
    }

    /**
     * Decodes forward in the current run until frame {@code target} is output and verified; frames in
     * [windowStart, target] and any output after it are cached. Returns null when the run cannot produce it.
     */
    private AVFrame run(int target, int windowStart) {
        pinned = target;
        try {
            return decodeRun(target, windowStart);
        } finally {
            pinned = -1;
        }
    }

    private AVFrame decodeRun(int target, int windowStart) {
        boolean skipAllowed = !counting && index.timestampsReliable();
        long windowPts = index.pts(windowStart);
        long targetPts = index.pts(target);
        AVFrame found = null;
        boolean failed = false;
        while (found == null && !failed) {
            int r = demuxer.read(pkt);
            if (r < 0) {
                decoder.send(null);
                int[] res = receiveAll(target, windowStart);
                drained = true;
                decoder.flush();
                runValid = false;
                if (res[0] == 1) {
                    found = cache.get(target).frame;
                }
                break;
            }
            if (pkt.stream_index() != demuxer.videoStream) {
                av_packet_unref(pkt);
                continue;
            }
            if (waitFor != null) {
                if (pkt.pts() == waitFor.pts() && pkt.dts() == waitFor.dts()) {
                    waitFor = null;
                } else {
                    boolean passed = waitFor.dts() != Ffmpeg.NOPTS && pkt.dts() != Ffmpeg.NOPTS
                            ? pkt.dts() > waitFor.dts() : pkt.pts() != Ffmpeg.NOPTS && pkt.pts() > waitFor.pts();
                    av_packet_unref(pkt);
                    if (passed) {
                        runValid = false;
                        return null;
                    }
                    continue;
                }
            }
            boolean skip = skipAllowed && pkt.pts() != Ffmpeg.NOPTS && pkt.pts() < windowPts
                    && (pkt.flags() & avcodec.AV_PKT_FLAG_KEY) == 0;
            decoder.skip(skip ? avcodec.AVDISCARD_NONREF : avcodec.AVDISCARD_DEFAULT);
            decoder.send(pkt);
            av_packet_unref(pkt);
            int[] res = receiveAll(target, windowStart);
            if (res[0] == 1) {
                found = cache.get(target).frame;
            } else if (res[0] == -1) {
                failed = true;
            }
        }
        decoder.skip(avcodec.AVDISCARD_DEFAULT);
        if (failed) {
            runValid = false;
            return null;
        }
        if (found == null) {
            return null;
        }
        return found;
    }

    /**
     * Receives every available frame. Result {1} when the target was output and verified, {-1} when the run went
     * past the target without it (or it failed verification), {0} otherwise.
     */
    private int[] receiveAll(int target, int windowStart) {
        int result = 0;
        while (decoder.receive(frame) >= 0) {
            framesDecoded++;
            int idx;
            if (counting) {
                idx = counted++;
            } else {
                long p = frame.best_effort_timestamp();
                idx = p == Ffmpeg.NOPTS || p < trustPts ? -1 : index.indexOfPts(p);
            }
            if (idx < 0 || idx >= index.frameCount()) {
                av_frame_unref(frame);
                continue;
            }
            position = Math.max(position, idx);
            if (idx >= windowStart && !cache.containsKey(idx)) {
                put(idx, av_frame_clone(frame));
            }
            if (idx == target) {
                Cached c = cache.get(idx);
                if (c != null && verify(idx, c)) {
                    result = 1;
                } else {
                    result = -1;
                }
            } else if (idx > target && result == 0) {
                result = cache.containsKey(target) ? result : -1;
            }
            av_frame_unref(frame);
        }
        return new int[] {result};
    }

    private void put(int idx, AVFrame f) {
        long bytes = Math.max(1, PictureHasher.pictureBytes(f));
        cache.put(idx, new Cached(f, bytes));
        cacheBytes += bytes;
        Iterator<Map.Entry<Integer, Cached>> it = cache.entrySet().iterator();
        while (cacheBytes > cacheBudgetBytes && cache.size() > 8 && it.hasNext()) {
            Map.Entry<Integer, Cached> e = it.next();
            if (e.getKey() == idx || e.getKey() == pinned) {
                continue;
            }
            cacheBytes -= e.getValue().bytes;
            av_frame_free(e.getValue().frame);
            it.remove();
        }
    }

    private void evict(int idx) {
        Cached c = cache.remove(idx);
        if (c != null) {
            cacheBytes -= c.bytes;
            av_frame_free(c.frame);
        }
    }

    /** Number of decoded pictures currently cached. */
    public synchronized int cachedFrames() {
        return cache.size();
    }

    private boolean closed;
    private boolean unusable;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Cached c : cache.values()) {
            av_frame_free(c.frame);
        }
        cache.clear();
        av_frame_free(frame);
        av_packet_free(pkt);
        converter.close();
        hasher.close();
        decoder.close();
        demuxer.close();
    }

    private static final class Cached {
        final AVFrame frame;
        final long bytes;
        boolean verified;
        PictureHash hash; // computed from the decoded picture once verified

        Cached(AVFrame frame, long bytes) {
            this.frame = frame;
            this.bytes = bytes;
        }
    }
}
