// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chai.inference.analyzers.motion.CameraMotion;
import io.chai.inference.analyzers.motion.CameraMotionEstimator;
import io.chai.inference.analyzers.motion.MotionEstimate;
import io.chai.inference.analyzers.motion.SyntheticMotionClips;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Recipe;
import io.chai.inference.analyzers.motion.SyntheticMotionClips.Texture;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ClipInput;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.roles.RoleOutput;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.media.CancellationToken;
import io.chai.media.FfmpegCli;
import io.chai.model.spec.Specifications;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The motion estimate of a generated pan reaches the pre-caption prompt and its provenance. */
class AnalyzerEvidenceTest {
    @Test
    void motionEvidenceIsInThePromptSentToTheModelAndInTheProvenance() throws Exception {
        SyntheticMotionClips clips = new SyntheticMotionClips(FfmpegCli.locate(),
                Path.of("target", "motion-test-clips").toAbsolutePath());
        MotionEstimate m = new CameraMotionEstimator().estimate(
                clips.clip(new Recipe(CameraMotion.PAN_RIGHT, Texture.TESTSRC2, 0.16, 2.0)), CancellationToken.NONE);
        String evidence = AnalyzerEvidence.of(m).text();
        assertThat(evidence).startsWith("- Geometric motion analysis suggests: pan right (confidence ");

        try (LoopbackModelServer server = LoopbackModelServer.start();
                ModelServerClient client = new ModelServerClient(ServerProfile.of("loop",
                        server.baseUrl().toString(), LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI),
                        ApiKeys.none())) {
            ModelRoles roles = new ModelRoles(Specifications.bundled(), client,
                    Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
            RoleOutput out = roles.precaption("camera", null, Map.of(), null, evidence,
                    ClipInput.of(io.chai.inference.client.TestFrames.frames(2)));
            JsonNode messages = server.chatRequests().get(0).body().get("messages");
            assertThat(messages.toString()).contains("Geometric motion analysis suggests: pan right");
            assertThat(out.provenance().prompt()).contains(evidence);
        }
    }
}
