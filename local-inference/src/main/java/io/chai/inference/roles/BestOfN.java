// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import java.util.List;

/** N scored candidates and the index of the best (highest reward; the first on ties). */
public record BestOfN(List<Candidate> candidates, int chosen) {
    /** One candidate output with its reward. */
    public record Candidate(RoleOutput output, RewardScore score) {
    }

    public BestOfN {
        candidates = List.copyOf(candidates);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("chosen index out of range");
        }
    }

    static BestOfN of(List<Candidate> candidates) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i).score().value() > candidates.get(best).score().value()) {
                best = i;
            }
        }
        return new BestOfN(candidates, best);
    }

    public Candidate best() {
        return candidates.get(chosen);
    }
}
