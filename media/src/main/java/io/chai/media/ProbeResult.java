// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.media;

import io.chai.media.time.FrameRate;
import io.chai.media.time.Rational;

/**
 * What {@code chai probe} reports about a clip: container and stream facts from the header, and the frame count,
 * timing and frame-rate mode measured by decoding (the {@link FrameIndex}), which override what the header claims.
 *
 * @param path absolute file path
 * @param container FFmpeg demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec decoder name, e.g. {@code h264}
 * @param profile codec profile, e.g. {@code High}, or null
 * @param pixelFormat decoded pixel format, e.g. {@code yuv420p}
 * @param width decoded picture width (before aspect correction and rotation)
 * @param height decoded picture height
 * @param sampleAspectRatio pixel aspect ratio (1 for square pixels)
 * @param rotation clockwise display rotation in degrees (0, 90, 180, 270)
 * @param displayWidth width as shown: square pixels, rotation applied
 * @param displayHeight height as shown
 * @param frameRate exact rate for CFR clips, average for VFR clips
 * @param headerFrameRate what the container declares, or null
 * @param constantFrameRate whether every frame interval is equal
 * @param timeBase stream time base
 * @param frameCount displayed frames counted by decoding
 * @param headerFrameCount frame count the container declares (0 when it does not)
 * @param keyframeCount frames where decoding can start
 * @param duration first frame to end of last frame, seconds, measured
 * @param containerDuration duration the container declares, seconds, or null
 * @param startTime presentation time of the first frame, seconds
 * @param hasAudio whether an audio stream exists
 * @param audioCodec first audio codec, or null
 * @param startTimecode embedded start timecode, or null
 * @param dropFrameTimecode whether timecodes for this clip are drop-frame
 * @param decodeErrors packets the decoder rejected during the scan
 * @param truncated whether reading stopped at a damaged or truncated part before the regular end
 */
public record ProbeResult(String path, String container, String codec, String profile, String pixelFormat, int width,
        int height, Rational sampleAspectRatio, int rotation, int displayWidth, int displayHeight, FrameRate frameRate,
        FrameRate headerFrameRate, boolean constantFrameRate, Rational timeBase, int frameCount, long headerFrameCount,
        int keyframeCount, Rational duration, Rational containerDuration, Rational startTime, boolean hasAudio,
        String audioCodec, String startTimecode, boolean dropFrameTimecode, int decodeErrors, boolean truncated) {
}
