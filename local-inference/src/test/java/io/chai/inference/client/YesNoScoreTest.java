// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chai.inference.settings.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class YesNoScoreTest {
    static ChatResult result(List<TokenLogprob> lp) {
        return new ChatResult("Yes", "length", null, Usage.UNKNOWN, lp,
                new RouteTaken(Dialect.VLLM, VideoMode.FRAMES_AS_IMAGES, false, 1, List.of()),
                new CallProvenance("s", "http://x", "m", "m", Dialect.VLLM, "id", Instant.EPOCH, Duration.ZERO,
                        Duration.ZERO));
    }

    @Test
    void sumsYesAndNoVariantsAndNormalises() {
        TokenLogprob t = new TokenLogprob("Yes", Math.log(0.6), List.of(
                new TokenLogprob.Alternative("Yes", Math.log(0.6)),
                new TokenLogprob.Alternative(" yes", Math.log(0.1)),
                new TokenLogprob.Alternative("No", Math.log(0.2)),
                new TokenLogprob.Alternative("NO.", Math.log(0.05)),
                new TokenLogprob.Alternative("Maybe", Math.log(0.05))));
        YesNoScore s = YesNoScore.from(result(List.of(t)));
        assertThat(s.status()).isEqualTo(YesNoScore.Status.SCORED);
        assertThat(s.pYes()).isCloseTo(0.7 / 0.95, within(1e-9));
        assertThat(s.massYesNo()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void saysWhenThereIsNothingToScore() {
        assertThat(YesNoScore.from(result(null)).status()).isEqualTo(YesNoScore.Status.NO_LOGPROBS);
        YesNoScore s = YesNoScore.from(result(List.of(new TokenLogprob("The", -0.1, List.of()))));
        assertThat(s.status()).isEqualTo(YesNoScore.Status.NO_YES_NO_TOKENS);
        assertThat(s.detail()).isEqualTo("The first answer token 'The' and its alternatives contain no Yes/No;"
                + " use a rubric score instead.");
        assertThat(Double.isNaN(s.pYes())).isTrue();
    }
}
