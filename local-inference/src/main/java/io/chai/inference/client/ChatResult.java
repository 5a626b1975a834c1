// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete answer. Only ever produced for a finished exchange: a dropped, cancelled, cut-off or invalid answer
 * is an exception, never a result.
 *
 * @param text         the answer text
 * @param finishReason {@code stop}, or {@code length} when the request accepted truncation
 * @param json         the parsed, schema-validated answer when the request had a schema, else null
 * @param usage        token counts
 * @param logprobs     per-token logprobs when requested and returned, else null
 * @param route        how the request went out (dialect, video mode, fallbacks)
 * @param provenance   where it came from and timings
 */
public record ChatResult(String text, String finishReason, JsonNode json, Usage usage, List<TokenLogprob> logprobs,
        RouteTaken route, CallProvenance provenance) {
    public ChatResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(provenance, "provenance");
        usage = usage == null ? Usage.UNKNOWN : usage;
        logprobs = logprobs == null ? null : List.copyOf(logprobs);
    }

    public Optional<JsonNode> jsonAnswer() {
        return Optional.ofNullable(json);
    }

    public boolean hasLogprobs() {
        return logprobs != null && !logprobs.isEmpty();
    }

    /** P(yes) from the first token's logprobs, or a status saying why it could not be computed. */
    public YesNoScore yesNoScore() {
        return YesNoScore.from(this);
    }
}
