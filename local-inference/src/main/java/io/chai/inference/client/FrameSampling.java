// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/**
 * How the frames of a request were sampled from the source clip: lets vLLM place them at exact timestamps
 * ({@code frames_indices}, {@code total_num_frames}, {@code duration}, with {@code fps} = the source fps).
 */
public record FrameSampling(double sourceFps, long totalSourceFrames, double durationSeconds) {
    public FrameSampling {
        if (!(sourceFps > 0) || totalSourceFrames <= 0 || !(durationSeconds > 0)) {
            throw new IllegalArgumentException("Frame sampling needs positive fps, frame count and duration");
        }
    }
}
