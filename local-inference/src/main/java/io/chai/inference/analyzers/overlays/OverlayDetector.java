// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.overlays;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import io.chai.inference.analyzers.AnalysisException;
import io.chai.inference.analyzers.OpenCvFrames;
import io.chai.media.CancellationToken;
import io.chai.media.FrameSampler;
import io.chai.media.PixelLayout;
import io.chai.media.ProgressListener;
import io.chai.media.VideoClip;
import io.chai.media.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Classical on-screen text and overlay detection: text-like regions that stay fixed while the picture changes.
 *
 * <p>Frames are sampled uniformly over the clip. A pixel is a <em>stable edge</em> when it is a Canny edge in at
 * least 80% of the samples and its brightness varies by at most {@value #STABLE_STD} grey levels (standard
 * deviation) across them. Stable edges are closed with a wide, flat kernel (joining the strokes of a line of
 * text), and each connected region is kept when it is text-shaped: at least 2.5% of the picture height (and 6 px),
 * at most a fifth of it, at least 1.5 times as wide as tall, with at least 10% stable edges inside. Overlays are
 * suggested when such a region exists and the rest of the picture changes (camera or scene motion); over a static
 * scene fixed text cannot be told from text in the scene, and the confidence says so (0.5).
 */
public final class OverlayDetector {
    /** Brightness standard deviation (grey levels) under which a pixel counts as unchanged. */
    public static final double STABLE_STD = 12;
    /** Fraction of the picture that must change for a confident verdict. */
    public static final double MIN_CHANGING = 0.2;

    private final int samples;
    private final long maxPixels;

    /** {@code samples} frames (at least 4) of at most {@code maxPixels} pixels each. */
    public OverlayDetector(int samples, long maxPixels) {
        if (samples < 4 || maxPixels < 64 * 64) {
            throw new IllegalArgumentException("overlay detection needs at least 4 samples and 64x64 pixels");
        }
        this.samples = samples;
        this.maxPixels = maxPixels;
    }

    /** 16 samples at most 640x360. */
    public OverlayDetector() {
        this(16, 640L * 360);
    }

    /** Opens, indexes and analyses the whole clip. */
    public OverlayEstimate detect(Path clip, CancellationToken token) {
        try (VideoClip vc = VideoClip.open(clip, null, ProgressListener.NONE, token)) {
            return detect(vc, token);
        }
    }

    /** Analyses the whole of an open clip. */
    public OverlayEstimate detect(VideoClip clip, CancellationToken token) {
        int n = clip.index().frameCount();
        if (n < 2) {
            throw new AnalysisException("overlay detection needs at least two frames; "
                    + clip.path().getFileName() + " has " + n);
        }
        int[] picks = FrameSampler.uniform(clip.index(), Math.min(samples, n), 0, n);
        List<VideoFrame> frames = new ArrayList<>();
        for (int i : picks) {
            token.throwIfCancelled();
            frames.add(clip.decoder().frame(i, PixelLayout.BGR24, maxPixels));
        }
        return detect(frames);
    }

    /** Analyses decoded BGR24 frames of one size. */
    public OverlayEstimate detect(List<VideoFrame> frames) {
        if (frames.size() < 2) {
            throw new AnalysisException("overlay detection needs at least two frames, got " + frames.size());
        }
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        int px = w * h;
        int[] edgeCount = new int[px];
        double[] sum = new double[px];
        double[] sumSq = new double[px];
        try (PointerScope scope = new PointerScope()) {
            for (VideoFrame f : frames) {
                if (f.width() != w || f.height() != h) {
                    throw new AnalysisException("overlay detection needs frames of one size");
                }
                try (Mat gray = OpenCvFrames.gray(f);
                        Mat edges = new Mat()) {
                    Canny(gray, edges, 80, 160);
                    byte[] e = new byte[px];
                    byte[] g = new byte[px];
                    ((ByteBuffer) edges.createBuffer()).get(e);
                    ((ByteBuffer) gray.createBuffer()).get(g);
                    for (int i = 0; i < px; i++) {
                        if (e[i] != 0) {
                            edgeCount[i]++;
                        }
                        double v = g[i] & 0xff;
                        sum[i] += v;
                        sumSq[i] += v * v;
                    }
                }
            }
            int n = frames.size();
            int minEdges = (int) Math.ceil(0.8 * n);
            byte[] stable = new byte[px];
            int changing = 0;
            for (int i = 0; i < px; i++) {
                double mean = sum[i] / n;
                double std = Math.sqrt(Math.max(0, sumSq[i] / n - mean * mean));
                if (std > STABLE_STD) {
                    changing++;
                } else if (edgeCount[i] >= minEdges) {
                    stable[i] = (byte) 255;
                }
            }
            double changingFraction = (double) changing / px;
            List<OverlayRegion> regions = regions(stable, w, h);
            boolean suggested = !regions.isEmpty();
            double confidence;
            if (changingFraction < MIN_CHANGING) {
                confidence = 0.5;
            } else {
                double motion = Math.min(1, changingFraction / 0.5);
                double strength = regions.isEmpty() ? 1
                        : Math.min(1, regions.get(0).edgeDensity() / 0.2);
                confidence = 0.5 + 0.45 * motion * strength;
            }
            return new OverlayEstimate(regions, changingFraction, suggested, confidence, n);
        }
    }

    private static List<OverlayRegion> regions(byte[] stable, int w, int h) {
        List<OverlayRegion> out = new ArrayList<>();
        try (Mat mask = new Mat(h, w, CV_8U); Mat closed = new Mat(); MatVector contours = new MatVector();
                Mat hierarchy = new Mat();
                Mat kernel = getStructuringElement(MORPH_RECT, new Size(Math.max(5, w / 40), 3))) {
            ((ByteBuffer) mask.createBuffer()).put(stable);
            morphologyEx(mask, closed, MORPH_CLOSE, kernel);
            findContours(closed.clone(), contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            for (long k = 0; k < contours.size(); k++) {
                try (Rect r = boundingRect(contours.get(k))) {
                    int rh = r.height();
                    int rw = r.width();
                    if (rh < Math.max(6, 0.025 * h) || rh > 0.2 * h || rw < 1.5 * rh || rw > 0.95 * w) {
                        continue;
                    }
                    int inside = 0;
                    for (int y = r.y(); y < r.y() + rh; y++) {
                        for (int x = r.x(); x < r.x() + rw; x++) {
                            if (stable[y * w + x] != 0) {
                                inside++;
                            }
                        }
                    }
                    double density = (double) inside / (rw * rh);
                    if (density >= 0.1) {
                        out.add(new OverlayRegion((double) r.x() / w, (double) r.y() / h, (double) rw / w,
                                (double) rh / h, density));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((OverlayRegion o) -> o.width() * o.height()).reversed());
        return out;
    }
}
