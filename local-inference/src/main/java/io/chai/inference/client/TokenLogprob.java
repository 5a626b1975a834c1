// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.util.List;

/** One generated token with its log-probability and the most likely alternatives at that position. */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {
    public TokenLogprob {
        top = List.copyOf(top);
    }

    /** An alternative token at the same position. */
    public record Alternative(String token, double logprob) {
    }
}
