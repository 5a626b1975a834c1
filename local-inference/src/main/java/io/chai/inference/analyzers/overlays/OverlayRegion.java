// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.overlays;

/**
 * A text-like region that stays fixed on screen, in fractions of the picture (0..1 from the top-left corner).
 *
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 * @param edgeDensity fraction of the region's pixels that are stable edges (text is dense, 0.1–0.5)
 */
public record OverlayRegion(double x, double y, double width, double height, double edgeDensity) {

    /** Where on screen, in words: "bottom-left", "top-right", "centre" … */
    public String place() {
        double cx = x + width / 2;
        double cy = y + height / 2;
        String v = cy < 1.0 / 3 ? "top" : cy > 2.0 / 3 ? "bottom" : "middle";
        String h = cx < 1.0 / 3 ? "left" : cx > 2.0 / 3 ? "right" : "centre";
        return v.equals("middle") && h.equals("centre") ? "centre" : v + "-" + h;
    }
}
