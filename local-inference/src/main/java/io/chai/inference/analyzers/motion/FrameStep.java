// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers.motion;

/**
 * The similarity transform fitted between two consecutive sampled frames, expressed about the picture centre.
 *
 * @param fromFrame index of the earlier frame
 * @param toFrame index of the later frame
 * @param dx horizontal displacement of the content at the picture centre, as a fraction of the picture width
 *        (positive: content moves right)
 * @param dy vertical displacement of the content at the centre, as a fraction of the picture height (positive:
 *        content moves down)
 * @param logScale natural log of the scale factor (positive: content grows, i.e. zoom in)
 * @param rotation rotation of the content in radians, positive clockwise as seen on screen
 * @param tracked features tracked from one frame to the next
 * @param inliers features agreeing with the fitted transform; 0 when no transform could be fitted
 */
public record FrameStep(int fromFrame, int toFrame, double dx, double dy, double logScale, double rotation,
        int tracked, int inliers) {

    /** Minimum agreeing features for a step to count. */
    public static final int MIN_INLIERS = 8;

    /** Whether a transform was fitted on enough agreeing features. */
    public boolean valid() {
        return inliers >= MIN_INLIERS;
    }
}
