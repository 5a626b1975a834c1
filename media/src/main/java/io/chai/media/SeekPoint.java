// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

/**
 * A keyframe packet found during the scan, in decode order: where decoding can start. Timestamps are in the
 * stream time base; either may be {@code Long.MIN_VALUE} (FFmpeg's "no timestamp").
 */
public record SeekPoint(long pts, long dts) {
}
