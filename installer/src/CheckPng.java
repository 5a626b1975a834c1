// SPDX-License-Identifier: GPL-3.0-or-later

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Fails (exit 1, one line) unless every PNG given is a real screenshot: it decodes, is at least 320 × 200, has at
 * least 32 distinct colours and no single colour covers more than 95% of it (a blank or black window fails).
 * {@code java CheckPng.java FILE…}; prints one line per file.
 */
public final class CheckPng {
    private CheckPng() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java CheckPng.java FILE...");
            System.exit(1);
        }
        for (String a : args) {
            String problem = check(new File(a));
            if (problem != null) {
                System.err.println("CheckPng: " + a + ": " + problem);
                System.exit(1);
            }
        }
    }

    private static String check(File f) throws IOException {
        if (!f.isFile()) {
            return "missing";
        }
        BufferedImage img = ImageIO.read(f);
        if (img == null) {
            return "not a readable image";
        }
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < 320 || h < 200) {
            return "too small: " + w + "x" + h;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                counts.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        double share = top / (double) (w * h);
        System.out.printf("%s: %dx%d, %d colours, most common covers %.0f%%%n", f, w, h, counts.size(), 100 * share);
        if (counts.size() < 32) {
            return "blank: only " + counts.size() + " colours";
        }
        if (share > 0.95) {
            return String.format("blank: one colour covers %.0f%%", 100 * share);
        }
        return null;
    }
}
