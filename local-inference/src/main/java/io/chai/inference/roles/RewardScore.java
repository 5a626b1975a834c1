// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import io.chai.model.domain.Provenance;
import java.util.List;

/**
 * A reward in [0, 1] for a caption: P(yes) from the first answer token's logprobs (VQAScore style) when the server
 * returns them, else a 1–5 rubric rating mapped to (rating − 1) / 4.
 *
 * @param value       the reward in [0, 1]
 * @param method      how it was obtained
 * @param detail      one line for display (e.g. "P(yes)=0.812 over yes/no mass 0.97", or why the rubric was used)
 * @param provenance  the requests that produced it (one for logprobs, two when the rubric fallback ran)
 */
public record RewardScore(double value, Method method, String detail, List<Provenance> provenance) {
    /** How the reward was computed. */
    public enum Method { LOGPROBS, RUBRIC }

    public RewardScore {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("reward must be in [0, 1], got " + value);
        }
        provenance = List.copyOf(provenance);
    }
}
