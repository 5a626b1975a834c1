// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

/**
 * The probe facts a project stores per clip. {@code fpsNum/fpsDen} is the nominal frame rate as a rational
 * (e.g. 24000/1001); {@code frameCount} may be an estimate from the container when the probe does not count.
 */
public record MediaInfo(double durationSeconds, long fpsNum, long fpsDen, int width, int height, long frameCount,
        String codec) {
    public MediaInfo {
        if (fpsDen <= 0 || fpsNum <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + fpsNum + "/" + fpsDen);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (!(durationSeconds >= 0) || frameCount < 0) {
            throw new IllegalArgumentException("duration and frame count must not be negative");
        }
        codec = codec == null ? "" : codec;
    }
}
