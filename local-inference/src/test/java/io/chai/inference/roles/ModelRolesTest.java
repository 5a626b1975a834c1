// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.TestFrames;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.server.RecordedRequest;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.model.domain.InputMode;
import io.chai.model.domain.LabelValue;
import io.chai.model.domain.PrimitiveLabels;
import io.chai.model.domain.Provenance;
import io.chai.model.domain.UserId;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roles render the bundled specification's templates and run them against the loopback server. */
class ModelRolesTest {
    static final Specification SPEC = Specifications.bundled();
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final List<EncodedFrame> FRAMES = TestFrames.frames(4);

    LoopbackModelServer server;
    ModelServerClient client;
    ModelRoles roles;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackModelServer.start();
        client = new ModelServerClient(ServerProfile.of("loop", server.baseUrl().toString(),
                LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI), ApiKeys.none());
        roles = new ModelRoles(SPEC, client, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        assertThat(server.violations()).isEmpty();
    }

    static PrimitiveLabels labels() {
        return PrimitiveLabels.of(Map.of(
                "shot_size", new LabelValue.StartEnd("wide", "full", false),
                "subject_height", new LabelValue.StartEnd("unknown", null, true),
                "shot_type", new LabelValue.Choice("human")), UserId.of("ann"), NOW);
    }

    static String userText(RecordedRequest r) {
        JsonNode messages = r.body().get("messages");
        JsonNode c = messages.get(messages.size() - 1).get("content");
        return c.isArray() ? c.get(0).get("text").asText() : c.asText();
    }

    @Test
    void precaptionRendersPolicyFactsAndApprovedCaptionsAndRecordsProvenance() {
        RoleOutput out = roles.precaption("spatial", labels(), Map.of("subject", "A woman in a red coat.",
                "scene", "A rainy street at night."), null, null, ClipInput.of(FRAMES));

        assertThat(out.text()).contains("received 4 images");
        RecordedRequest req = server.chatRequests().get(0);
        String user = userText(req);
        assertThat(user).startsWith("Watch the video and write its Spatial caption.")
                .contains(SPEC.policy().forAspect("spatial").summary().strip())
                .contains("Shot size: Wide at the start, Full at the end")
                .doesNotContain("Camera height relative to subject")
                .contains("Subject: A woman in a red coat.\nScene: A rainy street at night.")
                .doesNotContain("Shot transition:").doesNotContain("Automatic measurements")
                .endsWith("Output only the caption.");
        assertThat(req.body().at("/messages/0/content").asText()).startsWith("You are a professional video captioner");
        assertThat(req.imageCount()).isEqualTo(4);

        Provenance p = out.provenance();
        assertThat(p.model()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(p.server()).isEqualTo("loop");
        assertThat(p.dialect()).isEqualTo("openai");
        assertThat(p.prompt()).isEqualTo(user);
        assertThat(p.systemPrompt()).isPresent();
        assertThat(p.mode()).isEqualTo(InputMode.FOUR_FRAMES);
        assertThat(p.frames()).containsExactly(0L, 12L, 24L, 36L);
        assertThat(p.sampling().maxTokens()).hasValue(512);
        assertThat(p.promptTokens()).isPresent();
        assertThat(p.createdAt()).isEqualTo(NOW);
    }

    @Test
    void precaptionNeedsTheApprovedCaptionsItDependsOn() {
        assertThatThrownBy(() -> roles.precaption("spatial", labels(), Map.of("subject", "A woman."), null, null,
                ClipInput.of(FRAMES))).isInstanceOf(RoleException.class)
                .hasMessage("Cannot pre-caption Spatial: the Scene caption is not approved yet.");
        assertThatThrownBy(() -> roles.precaption("lighting", null, Map.of(), null, null, ClipInput.of(FRAMES)))
                .hasMessage("Unknown aspect 'lighting'; the specification has: subject, scene, motion, spatial, camera.");
        assertThat(server.chatRequests()).isEmpty();
    }

    @Test
    void precaptionIncludesTransitionNoteAndAnalyzerEvidenceWhenGiven() {
        roles.precaption("subject", labels(), Map.of(), "the clip cuts at 2.5 s; describe each segment",
                "camera: static (confidence 0.9)", ClipInput.of(FRAMES));
        assertThat(userText(server.chatRequests().get(0)))
                .contains("Shot type: Human")
                .contains("Shot transition: the clip cuts at 2.5 s; describe each segment")
                .contains("camera: static (confidence 0.9)")
                .doesNotContain("Captions of earlier aspects");
    }

    @Test
    void polisherAndReviserAreTextOnly() {
        RoleOutput polished = roles.polishCritique("subject", "A man walks.", "its a woman not man");
        RecordedRequest p = server.chatRequests().get(0);
        assertThat(p.imageCount()).isZero();
        assertThat(userText(p)).contains("Caption:\nA man walks.").contains("Annotator's critique:\nits a woman not man")
                .contains("output exactly: " + SPEC.sentinel());
        assertThat(polished.provenance().mode()).isEqualTo(InputMode.TEXT_ONLY);
        assertThat(polished.provenance().frames()).isEmpty();

        RoleOutput revised = roles.revise("A man walks.", "The subject is a woman, not a man.");
        assertThat(userText(server.chatRequests().get(1))).contains("Critique:\nThe subject is a woman, not a man.");
        assertThat(revised.provenance().mode()).isEqualTo(InputMode.TEXT_ONLY);

        assertThatThrownBy(() -> roles.revise("A man walks.", SPEC.sentinel())).isInstanceOf(RoleException.class)
                .hasMessageStartingWith("The critique says the caption needs no edits;");
    }

    @Test
    void criticRecognisesTheSentinel() {
        server.enqueue(new Behavior.Answer("\"" + SPEC.sentinel().toUpperCase(java.util.Locale.ROOT) + "\"\n", "stop"),
                new Behavior.Answer("The woman's coat is blue, not red.", "stop"));
        CriticOutput ok = roles.critique("subject", "A woman in a blue coat.", ClipInput.of(FRAMES));
        assertThat(ok.noEditsNeeded()).isTrue();
        assertThat(ok.output().text()).isEqualTo(SPEC.sentinel());
        CriticOutput edit = roles.critique("subject", "A woman in a red coat.", ClipInput.of(FRAMES));
        assertThat(edit.noEditsNeeded()).isFalse();
        assertThat(edit.output().text()).isEqualTo("The woman's coat is blue, not red.");
        assertThat(server.chatRequests().get(0).imageCount()).isEqualTo(4);
    }

    @Test
    void emptyAnswerIsAnError() {
        server.enqueue(new Behavior.Answer("   ", "stop"));
        assertThatThrownBy(() -> roles.revise("A man walks.", "It is a woman."))
                .hasMessage("Server 'loop' returned an empty revision; nothing was saved.");
    }

    @Test
    void rewardUsesLogprobsAndFallsBackToARubric() {
        server.enqueue(new Behavior.YesNo(0.8));
        RewardScore s = roles.reward("subject", "A woman in a red coat.", ClipInput.of(FRAMES));
        assertThat(s.method()).isEqualTo(RewardScore.Method.LOGPROBS);
        assertThat(s.value()).isCloseTo(0.8, within(1e-9));
        assertThat(s.provenance()).hasSize(1);
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.body().get("max_tokens").asInt()).isEqualTo(1);
        assertThat(req.body().get("top_logprobs").asInt()).isEqualTo(5);
        assertThat(userText(req)).endsWith("Answer\nYes or No.");

        server.enqueue(new Behavior.NoLogprobs(), new Behavior.Answer("{\"rating\":4,\"reason\":\"One colour is off.\"}",
                "stop"));
        RewardScore r = roles.reward("subject", "A woman in a red coat.", ClipInput.of(FRAMES));
        assertThat(r.method()).isEqualTo(RewardScore.Method.RUBRIC);
        assertThat(r.value()).isEqualTo(0.75);
        assertThat(r.detail()).isEqualTo("Server 'loop' returned no logprobs; rubric rating 4/5: One colour is off.");
        assertThat(r.provenance()).hasSize(2);
        assertThat(server.chatRequests().get(2).body().at("/response_format/json_schema/name").asText())
                .isEqualTo("caption_rating");
    }

    @Test
    void bestOfNPicksTheHighestReward() {
        server.enqueue(new Behavior.Answer("Caption one.", "stop"), new Behavior.Answer("Caption two.", "stop"),
                new Behavior.Answer("Caption three.", "stop"),
                new Behavior.YesNo(0.2), new Behavior.YesNo(0.9), new Behavior.YesNo(0.5));
        BestOfN best = roles.bestPrecaption(3, "subject", labels(), Map.of(), null, null, ClipInput.of(FRAMES));
        assertThat(best.chosen()).isEqualTo(1);
        assertThat(best.best().output().text()).isEqualTo("Caption two.");
        assertThat(best.candidates()).extracting(c -> c.output().provenance().sampling().seed().getAsLong())
                .containsExactly(1L, 2L, 3L);
        assertThat(server.chatRequests().get(0).body().get("temperature").asDouble()).isEqualTo(0.7);
    }
}
