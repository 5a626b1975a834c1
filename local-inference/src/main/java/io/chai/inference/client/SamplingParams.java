// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

/**
 * Decoding parameters. Null fields are left to the server's defaults.
 *
 * @param maxTokens   answer length limit
 * @param temperature 0..2
 * @param topP        (0, 1]
 * @param seed        for reproducible sampling where the server honours it
 */
public record SamplingParams(Integer maxTokens, Double temperature, Double topP, Long seed) {
    public static final SamplingParams DEFAULT = new SamplingParams(512, 0.2, null, null);

    public SamplingParams {
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2");
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw new IllegalArgumentException("topP must be within (0, 1]");
        }
    }

    public SamplingParams withMaxTokens(int n) {
        return new SamplingParams(n, temperature, topP, seed);
    }
}
