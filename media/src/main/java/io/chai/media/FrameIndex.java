// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.MediaException.Kind;
import io.chai.media.time.FrameRate;
import io.chai.media.time.Rational;
import io.chai.media.time.Timecode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The frame truth of one clip, from one full sequential decode: for every displayed frame (in output order) its
 * presentation timestamp, keyframe flag and {@link PictureHash}; plus the seek points and the timing derived from
 * the timestamps (constant or variable frame rate, exact rational rate). Immutable.
 *
 * <p>Times: {@link #pts(int)} is in the stream's {@link #timeBase()}; {@link #time(int)} is seconds relative to
 * the first frame; {@link #ptsSeconds(int)} is the absolute stream time. {@link #indexAt(Rational)} returns the
 * frame on screen at a relative time. Timecodes count frames at the nominal rate of {@link #frameRate()},
 * drop-frame at 29.97 and 59.94, starting at the clip's embedded start timecode (or 00:00:00:00). All conversions
 * round-trip for every frame when {@link #timestampsReliable()}.
 */
public final class FrameIndex {
    private final ClipFingerprint fingerprint;
    private final int streamIndex;
    private final Rational timeBase;
    private final int width;
    private final int height;
    private final long[] pts;
    private final BitSet keyframes;
    private final long[] hashHigh;
    private final long[] hashLow;
    private final List<SeekPoint> seekPoints;
    private final long lastFrameDuration;
    private final FrameRate frameRate;
    private final boolean constantFrameRate;
    private final boolean timestampsReliable;
    private final Timecode startTimecode;
    private final FrameRate headerRate;
    private final int decodeErrors;
    private final boolean endedWithReadError;

    FrameIndex(ClipFingerprint fingerprint, int streamIndex, Rational timeBase, int width, int height, long[] pts,
            BitSet keyframes, long[] hashHigh, long[] hashLow, List<SeekPoint> seekPoints, long lastFrameDuration,
            FrameRate headerRate, Timecode startTimecode, int decodeErrors, boolean endedWithReadError) {
        if (pts.length == 0) {
            throw new IllegalArgumentException("an index needs at least one frame");
        }
        if (hashHigh.length != pts.length || hashLow.length != pts.length) {
            throw new IllegalArgumentException("hash arrays do not match the frame count");
        }
        this.fingerprint = fingerprint;
        this.streamIndex = streamIndex;
        this.timeBase = timeBase;
        this.width = width;
        this.height = height;
        this.pts = pts;
        this.keyframes = keyframes;
        this.hashHigh = hashHigh;
        this.hashLow = hashLow;
        this.seekPoints = List.copyOf(seekPoints);
        this.decodeErrors = decodeErrors;
        this.endedWithReadError = endedWithReadError;
        boolean increasing = true;
        for (int i = 1; i < pts.length; i++) {
            if (pts[i] <= pts[i - 1]) {
                increasing = false;
                break;
            }
        }
        this.timestampsReliable = increasing;
        long[] deltas = new long[Math.max(0, pts.length - 1)];
        for (int i = 1; i < pts.length; i++) {
            deltas[i - 1] = pts[i] - pts[i - 1];
        }
        long median = median(deltas);
        this.lastFrameDuration = lastFrameDuration > 0 ? lastFrameDuration : Math.max(1, median);
        boolean cfr = increasing;
        for (long d : deltas) {
            if (Math.abs(d - median) > 1) {
                cfr = false;
                break;
            }
        }
        this.constantFrameRate = cfr;
        this.frameRate = deriveRate(deltas, median, cfr, headerRate);
        this.headerRate = headerRate;
        Timecode stc = null;
        if (startTimecode != null) {
            try {
                startTimecode.validateFor(frameRate);
                stc = startTimecode;
            } catch (IllegalArgumentException e) {
                stc = null; // a label that does not fit the measured rate is ignored
            }
        }
        this.startTimecode = stc;
    }

    private static long median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static final FrameRate[] STANDARD = {
        FrameRate.FPS_23_976, FrameRate.FPS_24, FrameRate.FPS_25, FrameRate.FPS_29_97, FrameRate.FPS_30,
        new FrameRate(48000, 1001), new FrameRate(48, 1), FrameRate.FPS_50, FrameRate.FPS_59_94, FrameRate.FPS_60,
        new FrameRate(100, 1), new FrameRate(120000, 1001), new FrameRate(120, 1), new FrameRate(15, 1),
        new FrameRate(12, 1), new FrameRate(10, 1),
    };

    private FrameRate deriveRate(long[] deltas, long median, boolean cfr, FrameRate headerRate) {
        if (deltas.length == 0 || median <= 0) {
            return headerRate != null ? headerRate : FrameRate.FPS_25;
        }
        Rational tick = timeBase;
        if (cfr) {
            Rational medianDuration = tick.times(median);
            if (headerRate != null && Math.abs(headerRate.frameDuration().minus(medianDuration).toDouble())
                    <= tick.toDouble() * 1.0001) {
                return headerRate;
            }
            boolean exact = true;
            for (long d : deltas) {
                exact &= d == median;
            }
            Rational average = tick.times(pts[pts.length - 1] - pts[0]).dividedBy(Rational.of(deltas.length));
            for (FrameRate s : STANDARD) {
                if (Math.abs(s.frameDuration().minus(average).toDouble()) <= tick.toDouble() * 0.5 / deltas.length
                        + 1e-9) {
                    return s;
                }
            }
            if (exact) {
                return FrameRate.of(medianDuration.inverse());
            }
            return FrameRate.of(average.inverse());
        }
        // variable frame rate: the average rate, snapped to a standard rate within 0.1 %
        Rational average = tick.times(pts[pts.length - 1] - pts[0]).dividedBy(Rational.of(deltas.length));
        double fps = 1 / average.toDouble();
        for (FrameRate s : STANDARD) {
            if (Math.abs(s.fps() - fps) / fps < 0.001) {
                return s;
            }
        }
        long den = 1000;
        return new FrameRate(Math.max(1, Math.round(fps * den)), den);
    }

    public ClipFingerprint fingerprint() {
        return fingerprint;
    }

    /** Index of the video stream in the container. */
    public int streamIndex() {
        return streamIndex;
    }

    public Rational timeBase() {
        return timeBase;
    }

    /** Decoded (coded, cropped) width of the first frame, before sample aspect ratio and rotation. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Number of displayed frames, counted by decoding. */
    public int frameCount() {
        return pts.length;
    }

    public long pts(int index) {
        check(index);
        return pts[index];
    }

    /** Absolute presentation time of frame {@code index} in seconds (pts × time base). */
    public Rational ptsSeconds(int index) {
        return timeBase.times(pts(index));
    }

    /** Presentation time of frame {@code index} in seconds relative to the first frame. */
    public Rational time(int index) {
        return timeBase.times(pts(index) - pts[0]);
    }

    /** Duration from the first frame to the end of the last frame, in seconds. */
    public Rational duration() {
        return timeBase.times(pts[pts.length - 1] - pts[0] + lastFrameDuration);
    }

    /** Absolute start time (pts of the first displayed frame) in seconds. */
    public Rational startTime() {
        return ptsSeconds(0);
    }

    public boolean isKeyframe(int index) {
        check(index);
        return keyframes.get(index);
    }

    public int keyframeCount() {
        return keyframes.cardinality();
    }

    public PictureHash hash(int index) {
        check(index);
        return new PictureHash(hashHigh[index], hashLow[index]);
    }

    public List<SeekPoint> seekPoints() {
        return seekPoints;
    }

    /** Duration of the last frame in time-base units (from the decoder, else the median frame interval). */
    public long lastFrameDuration() {
        return lastFrameDuration;
    }

    /**
     * The clip's frame rate: for constant-frame-rate clips the exact rate (e.g. 30000/1001), for variable ones the
     * average, snapped to a standard rate within 0.1 %.
     */
    public FrameRate frameRate() {
        return frameRate;
    }

    /** True when every frame interval is the same (within one time-base tick of rounding). */
    public boolean constantFrameRate() {
        return constantFrameRate;
    }

    /** True when presentation timestamps strictly increase, so frames can be found by timestamp after a seek. */
    public boolean timestampsReliable() {
        return timestampsReliable;
    }

    /** Packets the decoder rejected during the scan (damaged data). */
    public int decodeErrors() {
        return decodeErrors;
    }

    /** True when reading stopped at a damaged or truncated part of the file rather than at its regular end. */
    public boolean endedWithReadError() {
        return endedWithReadError;
    }

    /** The embedded start timecode, or null (timecodes then start at 00:00:00:00). */
    public Timecode startTimecode() {
        return startTimecode;
    }

    /**
     * Whether this clip's timecodes are drop-frame: as the embedded start timecode says, else drop-frame exactly
     * at 29.97 and 59.94.
     */
    public boolean dropFrameTimecode() {
        return startTimecode != null ? startTimecode.dropFrame() : frameRate.supportsDropFrame();
    }

    /** The frame rate the container declares, or null. */
    public FrameRate headerFrameRate() {
        return headerRate;
    }

    /** Index of the frame with exactly this pts, or -1. */
    public int indexOfPts(long value) {
        if (timestampsReliable) {
            int i = Arrays.binarySearch(pts, value);
            return i >= 0 ? i : -1;
        }
        for (int i = 0; i < pts.length; i++) {
            if (pts[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The frame on screen at {@code time} seconds relative to the first frame: the last frame whose time is not
     * after {@code time}.
     *
     * @throws MediaException if the time is before the first frame or after the end of the last
     */
    public int indexAt(Rational time) {
        if (time.signum() < 0 || time.compareTo(duration()) >= 0) {
            throw new MediaException(Kind.OUT_OF_RANGE, "time " + time.toDecimal(3) + " s is outside the clip (0 to "
                    + duration().toDecimal(3) + " s)");
        }
        Rational ticks = time.dividedBy(timeBase);
        long target = Math.addExact(pts[0], ticks.floor());
        if (timestampsReliable) {
            int i = Arrays.binarySearch(pts, target);
            return i >= 0 ? i : Math.max(0, -i - 2);
        }
        int best = 0;
        for (int i = 0; i < pts.length; i++) {
            if (pts[i] <= target) {
                best = i;
            }
        }
        return best;
    }

    /** The timecode label of frame {@code index}. */
    public Timecode timecode(int index) {
        check(index);
        long start = startTimecode == null ? 0 : startTimecode.toFrameNumber(frameRate);
        return Timecode.fromFrameNumber(start + index, frameRate, dropFrameTimecode());
    }

    /** The frame labelled {@code tc}; throws if the label is not in this clip. */
    public int indexOf(Timecode tc) {
        tc.validateFor(frameRate);
        if (tc.dropFrame() != dropFrameTimecode()) {
            throw new MediaException(Kind.OUT_OF_RANGE, "timecode " + tc + " is " + (tc.dropFrame() ? "" : "not ")
                    + "drop-frame but this " + frameRate + " fps clip uses " + (dropFrameTimecode() ? "drop-frame (;)"
                    : "non-drop-frame (:)") + " timecode");
        }
        long start = startTimecode == null ? 0 : startTimecode.toFrameNumber(frameRate);
        long day = Timecode.framesPerDay(frameRate, tc.dropFrame());
        long offset = Math.floorMod(tc.toFrameNumber(frameRate) - start, day);
        if (offset >= pts.length) {
            throw new MediaException(Kind.OUT_OF_RANGE, "timecode " + tc + " is outside the clip (" + timecode(0)
                    + " to " + timecode(pts.length - 1) + ")");
        }
        return (int) offset;
    }

    /**
     * The seek point with the greatest pts that is at most {@code targetPts} and below {@code belowPts}, or null.
     */
    SeekPoint seekPointBefore(long targetPts, long belowPts) {
        SeekPoint best = null;
        for (SeekPoint sp : seekPoints) {
            long p = sp.pts();
            if (p != Ffmpeg.NOPTS && p <= targetPts && p < belowPts && (best == null || p > best.pts())) {
                best = sp;
            }
        }
        return best;
    }

    void check(int index) {
        if (index < 0 || index >= pts.length) {
            throw new MediaException(Kind.OUT_OF_RANGE, "frame " + index + " is out of range: the clip has "
                    + pts.length + " frames (0-" + (pts.length - 1) + ")");
        }
    }

    // raw access for the store
    long[] ptsArray() {
        return pts;
    }

    BitSet keyframeBits() {
        return keyframes;
    }

    long[] hashHighArray() {
        return hashHigh;
    }

    long[] hashLowArray() {
        return hashLow;
    }

    /** Collects frames during a scan. */
    static final class Builder {
        private long[] pts = new long[1024];
        private long[] hi = new long[1024];
        private long[] lo = new long[1024];
        private int n;
        private final List<SeekPoint> seekPoints = new ArrayList<>();

        void add(long p, PictureHash h) {
            if (n == pts.length) {
                pts = Arrays.copyOf(pts, n * 2);
                hi = Arrays.copyOf(hi, n * 2);
                lo = Arrays.copyOf(lo, n * 2);
            }
            pts[n] = p;
            hi[n] = h.high();
            lo[n] = h.low();
            n++;
        }

        void seekPoint(long p, long d) {
            seekPoints.add(new SeekPoint(p, d));
        }

        int size() {
            return n;
        }

        long lastPts() {
            return n == 0 ? Ffmpeg.NOPTS : pts[n - 1];
        }

        FrameIndex build(ClipFingerprint fp, int stream, Rational tb, int w, int h, long lastDuration,
                FrameRate headerRate, Timecode startTc, int errors, boolean readError) {
            long[] p = Arrays.copyOf(pts, n);
            BitSet keys = new BitSet(n);
            long[] sorted = seekPoints.stream().mapToLong(SeekPoint::pts).filter(v -> v != Ffmpeg.NOPTS).sorted()
                    .toArray();
            for (int i = 0; i < n; i++) {
                if (Arrays.binarySearch(sorted, p[i]) >= 0) {
                    keys.set(i);
                }
            }
            return new FrameIndex(fp, stream, tb, w, h, p, keys, Arrays.copyOf(hi, n), Arrays.copyOf(lo, n),
                    seekPoints, lastDuration, headerRate, startTc, errors, readError);
        }
    }
}
