// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One chat request: optional system text, user text, the clip as frames (and/or a local file for vLLM), decoding
 * parameters, an optional output schema, optional logprobs, and the preferred video mode. Build with
 * {@link #builder(String)}.
 *
 * @param systemText         system prompt, or null
 * @param userText           the user's instruction (required)
 * @param frames             frames in presentation order (may be empty for text-only requests)
 * @param sampling           how the frames were sampled from the source (for exact vLLM timestamps), or null
 * @param videoFile          the clip file for {@link VideoMode#VIDEO_FILE}, or null
 * @param videoMode          preferred way to send the clip
 * @param allowVideoFallback whether a rejected video form may fall back to the next form (ending at images)
 * @param annotateFrameTimes when frames go as images, precede them with one text part listing their times
 * @param params             decoding parameters
 * @param schema             required JSON shape of the answer, or null for free text
 * @param topLogprobs        null for no logprobs, else how many alternatives per token (0..20)
 * @param acceptTruncated    whether {@code finish_reason=length} is a valid outcome (e.g. one-token yes/no scoring)
 *                           rather than an error
 */
public record ChatRequest(String systemText, String userText, List<EncodedFrame> frames, FrameSampling sampling,
        Path videoFile, VideoMode videoMode, boolean allowVideoFallback, boolean annotateFrameTimes,
        SamplingParams params, OutputSchema schema, Integer topLogprobs, boolean acceptTruncated) {

    public ChatRequest {
        if (userText == null || userText.isBlank()) {
            throw new IllegalArgumentException("A chat request needs user text");
        }
        frames = List.copyOf(frames == null ? List.of() : frames);
        videoMode = videoMode == null ? VideoMode.AUTO : videoMode;
        params = params == null ? SamplingParams.DEFAULT : params;
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > 20)) {
            throw new IllegalArgumentException("topLogprobs must be within 0..20");
        }
        if (videoMode == VideoMode.VIDEO_FILE && videoFile == null) {
            throw new IllegalArgumentException("VIDEO_FILE mode needs a video file");
        }
        if (videoFile != null && !videoFile.isAbsolute()) {
            videoFile = videoFile.toAbsolutePath();
        }
    }

    public boolean wantsLogprobs() {
        return topLogprobs != null;
    }

    public boolean hasVideoFile() {
        return videoFile != null && Files.isRegularFile(videoFile);
    }

    public static Builder builder(String userText) {
        return new Builder(userText);
    }

    public Builder toBuilder() {
        Builder b = new Builder(userText);
        b.systemText = systemText;
        b.frames = new ArrayList<>(frames);
        b.sampling = sampling;
        b.videoFile = videoFile;
        b.videoMode = videoMode;
        b.allowVideoFallback = allowVideoFallback;
        b.annotateFrameTimes = annotateFrameTimes;
        b.params = params;
        b.schema = schema;
        b.topLogprobs = topLogprobs;
        b.acceptTruncated = acceptTruncated;
        return b;
    }

    /** Mutable builder; defaults: AUTO video mode with fallback, frame times annotated, {@link SamplingParams#DEFAULT}. */
    public static final class Builder {
        private final String userText;
        private String systemText;
        private List<EncodedFrame> frames = new ArrayList<>();
        private FrameSampling sampling;
        private Path videoFile;
        private VideoMode videoMode = VideoMode.AUTO;
        private boolean allowVideoFallback = true;
        private boolean annotateFrameTimes = true;
        private SamplingParams params = SamplingParams.DEFAULT;
        private OutputSchema schema;
        private Integer topLogprobs;
        private boolean acceptTruncated;

        private Builder(String userText) {
            this.userText = Objects.requireNonNull(userText, "userText");
        }

        public Builder system(String text) {
            this.systemText = text;
            return this;
        }

        public Builder frames(List<EncodedFrame> f) {
            this.frames = new ArrayList<>(f);
            return this;
        }

        public Builder sampling(FrameSampling s) {
            this.sampling = s;
            return this;
        }

        public Builder videoFile(Path p) {
            this.videoFile = p;
            return this;
        }

        public Builder videoMode(VideoMode m) {
            this.videoMode = m;
            return this;
        }

        public Builder allowVideoFallback(boolean b) {
            this.allowVideoFallback = b;
            return this;
        }

        public Builder annotateFrameTimes(boolean b) {
            this.annotateFrameTimes = b;
            return this;
        }

        public Builder params(SamplingParams p) {
            this.params = p;
            return this;
        }

        public Builder maxTokens(int n) {
            this.params = params.withMaxTokens(n);
            return this;
        }

        public Builder schema(OutputSchema s) {
            this.schema = s;
            return this;
        }

        public Builder logprobs(int top) {
            this.topLogprobs = top;
            return this;
        }

        public Builder acceptTruncated(boolean b) {
            this.acceptTruncated = b;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(systemText, userText, frames, sampling, videoFile, videoMode, allowVideoFallback,
                    annotateFrameTimes, params, schema, topLogprobs, acceptTruncated);
        }
    }
}
