// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import java.util.List;
import java.util.Locale;

/**
 * A VQAScore-style reward: P("yes") normalised over the yes/no variants among the first answer token's top
 * alternatives. When the server returned no logprobs, or none of the alternatives is a yes/no token, the status
 * says so and the caller falls back (e.g. to a rubric score).
 *
 * @param status     what could be computed
 * @param pYes       P(yes | yes or no), NaN unless {@link Status#SCORED}
 * @param massYesNo  the total probability of all yes/no variants (how much the model stayed on-format), NaN unless scored
 * @param detail     a one-line explanation for the user
 */
public record YesNoScore(Status status, double pYes, double massYesNo, String detail) {

    /** The outcome of scoring. */
    public enum Status { SCORED, NO_LOGPROBS, NO_YES_NO_TOKENS }

    public boolean scored() {
        return status == Status.SCORED;
    }

    /** Scores a result: uses the first generated token's alternatives (plus the token itself). */
    public static YesNoScore from(ChatResult result) {
        List<TokenLogprob> tokens = result.logprobs();
        if (tokens == null || tokens.isEmpty()) {
            return new YesNoScore(Status.NO_LOGPROBS, Double.NaN, Double.NaN,
                    "Server '" + result.provenance().serverName() + "' returned no logprobs; use a rubric score instead.");
        }
        TokenLogprob first = tokens.get(0);
        double yes = 0;
        double no = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<TokenLogprob.Alternative> candidates = new java.util.ArrayList<>(first.top());
        candidates.add(new TokenLogprob.Alternative(first.token(), first.logprob()));
        for (TokenLogprob.Alternative a : candidates) {
            if (!seen.add(a.token())) {
                continue;
            }
            String t = normalise(a.token());
            double p = Math.exp(a.logprob());
            if (t.equals("yes")) {
                yes += p;
            } else if (t.equals("no")) {
                no += p;
            }
        }
        if (yes + no <= 0) {
            return new YesNoScore(Status.NO_YES_NO_TOKENS, Double.NaN, Double.NaN,
                    "The first answer token '" + first.token() + "' and its alternatives contain no Yes/No; use a rubric score instead.");
        }
        return new YesNoScore(Status.SCORED, yes / (yes + no), yes + no,
                String.format(Locale.ROOT, "P(yes)=%.3f over yes/no mass %.3f", yes / (yes + no), yes + no));
    }

    static String normalise(String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        while (!t.isEmpty() && !Character.isLetter(t.charAt(t.length() - 1))) {
            t = t.substring(0, t.length() - 1);
        }
        // SentencePiece / BPE word markers
        if (t.startsWith("▁") || t.startsWith("ġ")) {
            t = t.substring(1);
        }
        return t;
    }
}
