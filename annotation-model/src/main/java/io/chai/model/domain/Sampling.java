// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sampling parameters sent with a model request; an absent value means the server's default was used.
 *
 * @param temperature ≥ 0
 * @param topP        in (0, 1]
 * @param maxTokens   > 0
 * @param seed        any
 */
public record Sampling(
        @JsonProperty("temperature") OptionalDouble temperature,
        @JsonProperty("top_p") OptionalDouble topP,
        @JsonProperty("max_tokens") OptionalInt maxTokens,
        @JsonProperty("seed") OptionalLong seed) {

    /** Server defaults for everything. */
    public static final Sampling DEFAULTS =
            new Sampling(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalLong.empty());

    public Sampling {
        temperature = Checks.opt(temperature);
        topP = Checks.opt(topP);
        maxTokens = Checks.opt(maxTokens);
        seed = Checks.opt(seed);
        if (temperature.isPresent() && !(temperature.getAsDouble() >= 0 && temperature.getAsDouble() < 1e9)) {
            throw new InvalidValueException("Temperature must be 0 or more, got " + temperature.getAsDouble() + ".");
        }
        if (topP.isPresent() && !(topP.getAsDouble() > 0 && topP.getAsDouble() <= 1)) {
            throw new InvalidValueException("top_p must be in (0, 1], got " + topP.getAsDouble() + ".");
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() <= 0) {
            throw new InvalidValueException("max_tokens must be positive, got " + maxTokens.getAsInt() + ".");
        }
    }
}
