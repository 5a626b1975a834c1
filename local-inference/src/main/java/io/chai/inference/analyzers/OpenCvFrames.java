// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.chai.media.PixelLayout;
import io.chai.media.VideoFrame;
import java.nio.ByteBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Conversion of decoded frames to OpenCV matrices, shared by the OpenCV-based analyzers. */
public final class OpenCvFrames {
    private OpenCvFrames() {
    }

    /** A new 8-bit grey matrix of a BGR24 frame; the caller closes it. */
    public static Mat gray(VideoFrame f) {
        if (f.layout() != PixelLayout.BGR24) {
            throw new IllegalArgumentException("analysis needs BGR24 frames, got " + f.layout());
        }
        try (Mat bgr = new Mat(f.height(), f.width(), CV_8UC3)) {
            ByteBuffer buf = bgr.createBuffer();
            buf.put(f.pixels());
            Mat g = new Mat();
            cvtColor(bgr, g, COLOR_BGR2GRAY);
            return g;
        }
    }
}
