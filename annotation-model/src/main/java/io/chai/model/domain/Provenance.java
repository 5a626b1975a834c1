// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a model-written text came from: enough to reproduce or audit it (specification §2.2 "each role must be
 * swappable and recorded per item", §4.2). Used for pre-captions, polished critiques and revisions.
 *
 * <p>Mapping to the authors' fields: for a pre-caption {@code model} → {@code pre_caption_llm}, {@code prompt}
 * → {@code pre_caption_prompt}, {@code mode} → {@code pre_caption_mode}; for a polished critique {@code model}
 * → {@code gpt_feedback_llm}, {@code prompt} → {@code gpt_feedback_prompt}; for a revision {@code model} →
 * {@code gpt_caption_llm}, {@code prompt} → {@code gpt_caption_prompt}.
 *
 * @param model            model id as the server named it, e.g. {@code gemini-2.5-pro}
 * @param server           server the request went to (profile name or base URL)
 * @param dialect          request dialect, e.g. {@code openai}, {@code ollama}
 * @param systemPrompt     the system prompt, when one was sent
 * @param prompt           the full user prompt as sent
 * @param mode             how the clip was shown ({@code Text Only} for the polisher and reviser)
 * @param sampling         sampling parameters
 * @param frames           0-based frame indices sent as images (empty for video or text-only input)
 * @param latency          request sent → response complete
 * @param promptTokens     input tokens, when the server reported them
 * @param completionTokens output tokens, when the server reported them
 * @param createdAt        when the response arrived
 */
public record Provenance(
        @JsonProperty("model") String model,
        @JsonProperty("server") String server,
        @JsonProperty("dialect") String dialect,
        @JsonProperty("system_prompt") Optional<String> systemPrompt,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("mode") InputMode mode,
        @JsonProperty("sampling") Sampling sampling,
        @JsonProperty("frames") List<Long> frames,
        @JsonProperty("latency") Duration latency,
        @JsonProperty("prompt_tokens") OptionalInt promptTokens,
        @JsonProperty("completion_tokens") OptionalInt completionTokens,
        @JsonProperty("created_at") Instant createdAt) {

    public Provenance {
        Checks.nonBlank(model, "model id");
        Checks.nonBlank(server, "model server");
        Checks.nonBlank(dialect, "server dialect");
        systemPrompt = Checks.opt(systemPrompt);
        Checks.required(prompt, "prompt");
        Checks.required(mode, "input mode");
        sampling = sampling == null ? Sampling.DEFAULTS : sampling;
        frames = Checks.list(frames, "frame list");
        for (long f : frames) {
            if (f < 0) {
                throw new InvalidValueException("Frame index must not be negative, got " + f + ".");
            }
        }
        Checks.required(latency, "latency");
        if (latency.isNegative()) {
            throw new InvalidValueException("Latency must not be negative, got " + latency + ".");
        }
        promptTokens = Checks.opt(promptTokens);
        completionTokens = Checks.opt(completionTokens);
        if (promptTokens.isPresent() && promptTokens.getAsInt() < 0
                || completionTokens.isPresent() && completionTokens.getAsInt() < 0) {
            throw new InvalidValueException("Token counts must not be negative.");
        }
        Checks.required(createdAt, "generation time");
    }
}
