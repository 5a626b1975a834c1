// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.frames;

/**
 * A synthetic clip whose frame {@code i} shows the number {@code i} in large seven-segment digits over a
 * background whose hue and a sweeping bar depend on {@code i}. Every frame is different and identifiable by
 * eye and by pixel hash, which makes it the reference for player tests and the picture of the demo when no
 * clip is loaded.
 */
public final class TestPatternFrameSource implements FrameSource {
    // segments: a b c d e f g (top, upper right, lower right, bottom, lower left, upper left, middle)
    private static final int[] DIGIT_SEGMENTS = {
        0b1111110, 0b0110000, 0b1101101, 0b1111001, 0b0110011,
        0b1011011, 0b1011111, 0b1110000, 0b1111111, 0b1111011,
    };

    private final String name;
    private final int frameCount;
    private final FrameTiming timing;
    private final int width;
    private final int height;

    public TestPatternFrameSource(String name, int frameCount, FrameTiming timing, int width, int height) {
        if (frameCount < 1) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        if (width < 64 || height < 36) {
            throw new IllegalArgumentException("test pattern too small: " + width + "x" + height);
        }
        this.name = name;
        this.frameCount = frameCount;
        this.timing = timing;
        this.width = width;
        this.height = height;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public FrameTiming timing() {
        return timing;
    }

    @Override
    public FramePicture frame(int index) {
        if (index < 0 || index >= frameCount) {
            throw new IndexOutOfBoundsException("frame " + index + " outside 0.." + (frameCount - 1));
        }
        int[] px = new int[width * height];
        float hue = (index * 7 % 360) / 360f;
        int bg = hsb(hue, 0.35f, 0.30f);
        java.util.Arrays.fill(px, bg);
        // a bar sweeping left to right once per second of the clip
        int perCycle = Math.max(1, timing.nominalFps());
        int barX = (int) ((long) (index % perCycle) * (width - width / 20) / perCycle);
        fillRect(px, barX, height - height / 8, width / 20, height / 16, hsb(hue, 0.6f, 0.9f));
        // the frame number, centred
        String digits = Integer.toString(index);
        int digitH = height / 2;
        int digitW = digitH / 2;
        int gap = digitW / 3;
        int total = digits.length() * digitW + (digits.length() - 1) * gap;
        int scale = 1;
        while (total / scale > width * 9 / 10) {
            scale++;
        }
        digitH /= scale;
        digitW /= scale;
        gap /= scale;
        total = digits.length() * digitW + (digits.length() - 1) * gap;
        int x0 = (width - total) / 2;
        int y0 = (height - digitH) / 2 - height / 16;
        int fg = 0xFFF5F5F0;
        for (int d = 0; d < digits.length(); d++) {
            drawDigit(px, digits.charAt(d) - '0', x0 + d * (digitW + gap), y0, digitW, digitH, fg);
        }
        return new FramePicture(index, width, height, px);
    }

    private void drawDigit(int[] px, int digit, int x, int y, int w, int h, int color) {
        int t = Math.max(2, w / 5);
        int half = h / 2;
        int seg = DIGIT_SEGMENTS[digit];
        if ((seg & 0b1000000) != 0) {
            fillRect(px, x, y, w, t, color);
        }
        if ((seg & 0b0100000) != 0) {
            fillRect(px, x + w - t, y, t, half, color);
        }
        if ((seg & 0b0010000) != 0) {
            fillRect(px, x + w - t, y + half, t, h - half, color);
        }
        if ((seg & 0b0001000) != 0) {
            fillRect(px, x, y + h - t, w, t, color);
        }
        if ((seg & 0b0000100) != 0) {
            fillRect(px, x, y + half, t, h - half, color);
        }
        if ((seg & 0b0000010) != 0) {
            fillRect(px, x, y, t, half, color);
        }
        if ((seg & 0b0000001) != 0) {
            fillRect(px, x, y + half - t / 2, w, t, color);
        }
    }

    private void fillRect(int[] px, int x, int y, int w, int h, int color) {
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        for (int yy = Math.max(0, y); yy < y1; yy++) {
            int row = yy * width;
            for (int xx = Math.max(0, x); xx < x1; xx++) {
                px[row + xx] = color;
            }
        }
    }

    private static int hsb(float h, float s, float b) {
        return 0xFF000000 | (java.awt.Color.HSBtoRGB(h, s, b) & 0xFFFFFF);
    }
}
