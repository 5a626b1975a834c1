// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.inference.client.CallCancelledException;
import io.chai.inference.client.ConnectionDroppedException;
import io.chai.inference.client.EncodedFrame;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.client.ModelServerException;
import io.chai.inference.client.StreamListener;
import io.chai.inference.client.TestFrames;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.server.RecordedRequest;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The streamed pre-caption against the loopback server over real HTTP (SSE and Ollama NDJSON). */
class PrecaptionStreamTest {
    static final Specification SPEC = Specifications.bundled();
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final List<EncodedFrame> FRAMES = TestFrames.frames(4);

    LoopbackModelServer server;
    ModelServerClient client;
    ModelRoles roles;

    void start(Dialect dialect) {
        client = new ModelServerClient(ServerProfile.of("loop", server.baseUrl().toString(),
                LoopbackModelServer.DEFAULT_MODEL, dialect), ApiKeys.none());
        roles = new ModelRoles(SPEC, client, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackModelServer.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
        assertThat(server.violations()).isEmpty();
    }

    /** Collects the deltas; counts down when the first one arrives. */
    static final class Deltas implements StreamListener {
        final List<String> chunks = new CopyOnWriteArrayList<>();
        final List<String> restarts = new CopyOnWriteArrayList<>();
        final CountDownLatch first = new CountDownLatch(1);

        @Override
        public void onText(String chunk) {
            chunks.add(chunk);
            first.countDown();
        }

        @Override
        public void onRestart(String reason) {
            restarts.add(reason);
            chunks.clear();
        }

        String text() {
            return String.join("", chunks);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"OPENAI", "OLLAMA"})
    void streamedTextEqualsTheFinalTextWithTheBlockingCallsProvenance(Dialect dialect) {
        start(dialect);
        Deltas deltas = new Deltas();
        server.enqueue(new Behavior.Answer("  A woman in a red coat walks left to right across the frame.  ", "stop"));

        RoleStream s = roles.precaptionStream("subject", null, Map.of(), null, null, ClipInput.of(FRAMES), deltas);
        assertThat(s.userPrompt()).startsWith("Watch the video and write its Subject caption.");
        assertThat(s.model()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(s.server()).isEqualTo("loop");
        RoleOutput out = s.await();

        assertThat(deltas.chunks).hasSizeGreaterThan(5);
        assertThat(deltas.text().strip()).isEqualTo(out.text())
                .isEqualTo("A woman in a red coat walks left to right across the frame.");
        RecordedRequest req = server.chatRequests().get(0);
        assertThat(req.stream()).isTrue();
        assertThat(out.provenance().prompt()).isEqualTo(s.userPrompt());
        assertThat(out.provenance().model()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
        assertThat(out.provenance().createdAt()).isEqualTo(NOW);
        assertThat(out.provenance().frames()).hasSize(4);

        // the blocking call renders the same prompt and records the same kind of provenance
        RoleOutput blocking = roles.precaption("subject", null, Map.of(), null, null, ClipInput.of(FRAMES));
        assertThat(blocking.provenance().prompt()).isEqualTo(out.provenance().prompt());
        assertThat(blocking.provenance().mode()).isEqualTo(out.provenance().mode());
        assertThat(server.chatRequests().get(1).stream()).isFalse();
    }

    @Test
    void cancellingMidStreamAbortsTheExchangeAndYieldsNoOutput() throws Exception {
        start(Dialect.OPENAI);
        Deltas deltas = new Deltas();
        server.enqueue(new Behavior.SlowStream(Duration.ofMillis(300)));

        RoleStream s = roles.precaptionStream("subject", null, Map.of(), null, null, ClipInput.of(FRAMES), deltas);
        assertThat(deltas.first.await(10, TimeUnit.SECONDS)).isTrue();
        s.cancel();

        assertThatThrownBy(s::await).isInstanceOf(CallCancelledException.class)
                .hasMessageContaining("cancelled; nothing was saved");
        assertThat(s.isDone()).isTrue();
        int seen = deltas.chunks.size();
        String full = roles.precaption("subject", null, Map.of(), null, null, ClipInput.of(FRAMES)).text();
        // the canned answer has far more words than arrived before the cancel, and none arrive after it
        assertThat(deltas.text().length()).isLessThan(full.length());
        assertThat(deltas.chunks).hasSize(seen);
    }

    @Test
    void aStreamThatBreaksPartWayFailsWithOneLineAndNoOutput() throws Exception {
        start(Dialect.OPENAI);
        Deltas deltas = new Deltas();
        server.enqueue(new Behavior.DropConnection(4));

        RoleStream s = roles.precaptionStream("subject", null, Map.of(), null, null, ClipInput.of(FRAMES), deltas);

        assertThatThrownBy(s::await).isInstanceOf(ConnectionDroppedException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n").contains("not saved");
                    assertThat(((ModelServerException) e).partialText()).isEqualTo(s.partialText());
                });
        assertThat(deltas.chunks).isNotEmpty();
        assertThat(s.partialText()).isEqualTo(deltas.text()).isNotBlank();
    }

    @Test
    void anEmptyStreamedAnswerIsRefusedLikeABlockingOne() {
        start(Dialect.OPENAI);
        server.enqueue(new Behavior.Answer("   ", "stop"));
        RoleStream s = roles.precaptionStream("subject", null, Map.of(), null, null, ClipInput.of(FRAMES),
                new Deltas());
        assertThatThrownBy(s::await).isInstanceOf(RoleException.class)
                .hasMessage("Server 'loop' returned an empty Subject pre-caption; nothing was saved.");
    }

    @Test
    void inputErrorsAreThrownBeforeAnythingIsSent() {
        start(Dialect.OPENAI);
        assertThatThrownBy(() -> roles.precaptionStream("spatial", null, Map.of(), null, null, ClipInput.of(FRAMES),
                new Deltas())).isInstanceOf(RoleException.class);
        assertThat(server.chatRequests()).isEmpty();
    }
}
