// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/**
 * How a clip is sent. Only vLLM has a video input; every other dialect always gets {@link #FRAMES_AS_IMAGES}.
 * When the server rejects a video form the client falls back (file → JPEG-frames video → images) unless the
 * request forbids it, and records the fallback in {@link ChatResult#route()}.
 */
public enum VideoMode {
    /** Every frame as an {@code image_url} part (works on every server). */
    FRAMES_AS_IMAGES,
    /** Client-sampled JPEG frames as one {@code data:video/jpeg;base64,...} {@code video_url} (vLLM). */
    VIDEO_FRAMES,
    /** The clip file as a {@code file://} {@code video_url}; the server samples (vLLM with --allowed-local-media-path). */
    VIDEO_FILE,
    /** The best the dialect offers: video frames on vLLM, images elsewhere. */
    AUTO
}
