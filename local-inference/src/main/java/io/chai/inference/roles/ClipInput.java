// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.FrameSampling;
import io.chai.inference.client.VideoMode;
import java.nio.file.Path;
import java.util.List;

/**
 * How a role shows the clip to the model: sampled frames (with their source sampling, for exact vLLM timestamps),
 * optionally the clip file (vLLM {@code file://} video), and the preferred video mode.
 */
public record ClipInput(List<EncodedFrame> frames, FrameSampling sampling, Path videoFile, VideoMode videoMode) {
    public ClipInput {
        frames = List.copyOf(frames == null ? List.of() : frames);
        videoMode = videoMode == null ? VideoMode.AUTO : videoMode;
        if (frames.isEmpty() && videoFile == null) {
            throw new IllegalArgumentException("A clip input needs frames or a video file");
        }
    }

    public static ClipInput of(List<EncodedFrame> frames) {
        return new ClipInput(frames, null, null, VideoMode.AUTO);
    }
}
