// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Synthetic frames: a moving square on a gradient, encoded as real JPEGs. */
public final class TestFrames {
    private TestFrames() {
    }

    public static BufferedImage image(int w, int h, int i) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int x = 0; x < w; x += 8) {
            g.setColor(new Color((x * 255 / w) & 0xff, (i * 37) & 0xff, 128));
            g.fillRect(x, 0, 8, h);
        }
        g.setColor(Color.WHITE);
        g.fillRect((i * 20) % Math.max(1, w - 40), h / 3, 40, 40);
        g.dispose();
        return img;
    }

    /** {@code n} frames of a 25 fps source, every 12th frame, encoded at 448 px. */
    public static List<EncodedFrame> frames(int n) {
        JpegFrameEncoder enc = JpegFrameEncoder.standard();
        List<EncodedFrame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long index = i * 12L;
            out.add(enc.encode(image(640, 360, i), index, index / 25.0));
        }
        return out;
    }
}
