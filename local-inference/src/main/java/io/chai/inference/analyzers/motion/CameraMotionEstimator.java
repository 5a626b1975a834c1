// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.goodFeaturesToTrack;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowPyrLK;

import io.chai.inference.analyzers.AnalysisException;
import io.chai.inference.analyzers.OpenCvFrames;
import io.chai.media.CancellationToken;
import io.chai.media.FrameIndex;
import io.chai.media.FrameSampler;
import io.chai.media.MediaException;
import io.chai.media.PixelLayout;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.media.VideoFrame;
import io.chai.media.time.Rational;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Classical camera-motion estimation: frames sampled with {@link FrameSampler#perSecond} (exact decode through
 * {@code io.chai.media}), Shi–Tomasi corners ({@code goodFeaturesToTrack}) tracked into the next sample with
 * pyramidal Lucas–Kanade optical flow and checked by tracking back (forward–backward error under one pixel), then a
 * similarity transform (translation, uniform scale, rotation) fitted with RANSAC ({@code estimateAffinePartial2D}).
 * The per-step transforms are classified by {@link MotionClassifier}. Moving objects are outliers to RANSAC as long
 * as the background has most of the features.
 *
 * <p>Thread-safe: an instance keeps no state between calls.
 */
public final class CameraMotionEstimator {
    /**
     * Tuning.
     *
     * @param samplesPerSecond sampling rate (clips at a lower frame rate use every frame)
     * @param maxSamples upper bound on samples; long clips are sampled more sparsely (never below 2 per second)
     * @param maxPixels decode size bound per frame
     * @param maxCorners features detected per step
     */
    public record Options(double samplesPerSecond, int maxSamples, long maxPixels, int maxCorners) {
        public Options {
            if (!(samplesPerSecond > 0) || maxSamples < 2 || maxPixels < 64 * 64 || maxCorners < 16) {
                throw new IllegalArgumentException("invalid motion options " + samplesPerSecond + "/" + maxSamples
                        + "/" + maxPixels + "/" + maxCorners);
            }
        }

        /** 12 samples a second, at most 240, at most 640x360 pixels, 400 corners. */
        public static Options defaults() {
            return new Options(12, 240, 640L * 360, 400);
        }
    }

    private final Options options;

    public CameraMotionEstimator(Options options) {
        this.options = options;
    }

    public CameraMotionEstimator() {
        this(Options.defaults());
    }

    /** Opens, indexes and analyses the whole clip. */
    public MotionEstimate estimate(Path clip, CancellationToken token) {
        try (VideoClip vc = VideoClip.open(clip, null, ProgressListener.NONE, token)) {
            return estimate(vc, 0, vc.index().frameCount(), token);
        }
    }

    /** Analyses frames [from, toExclusive) of an open clip. */
    public MotionEstimate estimate(VideoClip clip, int from, int toExclusive, CancellationToken token) {
        FrameIndex index = clip.index();
        if (toExclusive - from < 2) {
            throw new AnalysisException("camera motion needs at least two frames; " + clip.path().getFileName()
                    + " has " + Math.max(0, toExclusive - from) + " in the range");
        }
        double seconds = index.time(toExclusive - 1).minus(index.time(from)).toDouble();
        double rate = options.samplesPerSecond();
        if (seconds * rate > options.maxSamples() - 1) {
            rate = Math.max(2, (options.maxSamples() - 1) / seconds);
        }
        int[] picks = FrameSampler.perSecond(index, Rational.of(Math.round(rate * 1000), 1000), from, toExclusive);
        if (picks.length < 2) {
            picks = new int[] {from, toExclusive - 1};
        }
        List<VideoFrame> frames = new ArrayList<>(picks.length);
        try {
            for (int i : picks) {
                token.throwIfCancelled();
                frames.add(clip.decoder().frame(i, PixelLayout.BGR24, options.maxPixels()));
            }
        } catch (MediaException e) {
            throw new AnalysisException("cannot analyse camera motion: " + e.getMessage(), e);
        }
        return estimate(frames, token);
    }

    /** Analyses already decoded BGR24 frames in order (all the same size). */
    public MotionEstimate estimate(List<VideoFrame> frames, CancellationToken token) {
        if (frames.size() < 2) {
            throw new AnalysisException("camera motion needs at least two frames, got " + frames.size());
        }
        List<FrameStep> steps = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            Mat prev = OpenCvFrames.gray(frames.get(0));
            for (int k = 1; k < frames.size(); k++) {
                token.throwIfCancelled();
                Mat next = OpenCvFrames.gray(frames.get(k));
                steps.add(step(prev, next, frames.get(k - 1).index(), frames.get(k).index()));
                prev.close();
                prev = next;
            }
        }
        double seconds = frames.get(frames.size() - 1).time().minus(frames.get(0).time()).toDouble();
        return MotionClassifier.classify(steps, seconds);
    }

    private FrameStep step(Mat prev, Mat next, int fromFrame, int toFrame) {
        int w = prev.cols();
        int h = prev.rows();
        try (Mat corners = new Mat(); Mat fwd = new Mat(); Mat back = new Mat(); Mat st1 = new Mat();
                Mat st2 = new Mat(); Mat err1 = new Mat(); Mat err2 = new Mat();
                Size win = new Size(21, 21);
                TermCriteria term = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01)) {
            double minDistance = Math.max(4, Math.min(w, h) / 40.0);
            goodFeaturesToTrack(prev, corners, options.maxCorners(), 0.01, minDistance);
            int n = corners.rows();
            if (n < FrameStep.MIN_INLIERS) {
                return new FrameStep(fromFrame, toFrame, 0, 0, 0, 0, n, 0);
            }
            calcOpticalFlowPyrLK(prev, next, corners, fwd, st1, err1, win, 3, term, 0, 1e-4);
            calcOpticalFlowPyrLK(next, prev, fwd, back, st2, err2, win, 3, term, 0, 1e-4);
            float[] p0 = floats(corners, n);
            float[] p1 = floats(fwd, n);
            float[] pb = floats(back, n);
            byte[] s1 = bytes(st1, n);
            byte[] s2 = bytes(st2, n);
            float[] a = new float[2 * n];
            float[] b = new float[2 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                double ex = p0[2 * i] - pb[2 * i];
                double ey = p0[2 * i + 1] - pb[2 * i + 1];
                if (s1[i] != 0 && s2[i] != 0 && ex * ex + ey * ey < 1.0) {
                    a[2 * m] = p0[2 * i];
                    a[2 * m + 1] = p0[2 * i + 1];
                    b[2 * m] = p1[2 * i];
                    b[2 * m + 1] = p1[2 * i + 1];
                    m++;
                }
            }
            if (m < FrameStep.MIN_INLIERS) {
                return new FrameStep(fromFrame, toFrame, 0, 0, 0, 0, m, 0);
            }
            try (Mat from = points(a, m); Mat to = points(b, m); Mat inliers = new Mat();
                    Mat t = estimateAffinePartial2D(from, to, inliers, RANSAC, 1.0, 2000, 0.99, 10)) {
                if (t.empty()) {
                    return new FrameStep(fromFrame, toFrame, 0, 0, 0, 0, m, 0);
                }
                double[] mat = new double[6];
                DoubleBuffer db = t.createBuffer();
                db.get(mat);
                int in = 0;
                byte[] inl = bytes(inliers, m);
                for (byte v : inl) {
                    in += v != 0 ? 1 : 0;
                }
                double sa = mat[0];
                double sb = mat[3];
                double cx = w / 2.0;
                double cy = h / 2.0;
                double nx = mat[0] * cx + mat[1] * cy + mat[2];
                double ny = mat[3] * cx + mat[4] * cy + mat[5];
                double scale = Math.hypot(sa, sb);
                return new FrameStep(fromFrame, toFrame, (nx - cx) / w, (ny - cy) / h, Math.log(scale),
                        Math.atan2(sb, sa), m, in);
            }
        }
    }

    private static float[] floats(Mat m, int n) {
        float[] out = new float[2 * n];
        FloatBuffer fb = m.createBuffer();
        fb.get(out);
        return out;
    }

    private static byte[] bytes(Mat m, int n) {
        byte[] out = new byte[n];
        ByteBuffer bb = m.createBuffer();
        bb.get(out);
        return out;
    }

    private static Mat points(float[] xy, int n) {
        Mat m = new Mat(n, 1, CV_32FC2);
        FloatBuffer fb = m.createBuffer();
        fb.put(xy, 0, 2 * n);
        return m;
    }
}
