// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.ServerProfile;
import org.junit.jupiter.api.Test;

class ModelServerProbeTest {

    @Test
    void probesEveryFeatureOfAVideoCapableServer() throws Exception {
        try (LoopbackModelServer s = LoopbackModelServer.start();
                ModelServerClient c = new ModelServerClient(ServerProfile.of("v", s.baseUrl().toString(),
                        LoopbackModelServer.DEFAULT_MODEL, Dialect.VLLM), ApiKeys.none())) {
            ModelServerProbe.Report r = ModelServerProbe.probe(c);
            assertThat(r.checks()).extracting(ModelServerProbe.Check::feature).containsExactlyElementsOf(
                    ModelServerProbe.FEATURES);
            assertThat(r.checks()).allSatisfy(ch -> assertThat(ch.status()).as(ch.feature())
                    .isEqualTo(ModelServerProbe.Status.SUPPORTED));
            assertThat(r.usable()).isTrue();
            assertThat(s.violations()).isEmpty();
            assertThat(s.chatRequests()).anyMatch(q -> "jpeg-frames".equals(q.videoKind()));
        }
    }

    @Test
    void reportsVideoAsUnsupportedWhenTheServerRejectsIt() throws Exception {
        try (LoopbackModelServer s = LoopbackModelServer.start(
                LoopbackModelServer.Config.defaults().withVideoSupported(false), 0);
                ModelServerClient c = new ModelServerClient(ServerProfile.of("v", s.baseUrl().toString(),
                        LoopbackModelServer.DEFAULT_MODEL, Dialect.VLLM), ApiKeys.none())) {
            ModelServerProbe.Report r = ModelServerProbe.probe(c);
            assertThat(r.status("video_url")).isEqualTo(ModelServerProbe.Status.UNSUPPORTED);
            assertThat(r.checks().get(5).detail()).contains("At most 0 video(s)").endsWith("Frames will go as images.");
        }
    }

    @Test
    void aMissingModelSkipsTheRest() throws Exception {
        try (LoopbackModelServer s = LoopbackModelServer.start();
                ModelServerClient c = new ModelServerClient(ServerProfile.of("o", s.baseUrl().toString(),
                        "qwen3-vl:8b", Dialect.OLLAMA), ApiKeys.none())) {
            ModelServerProbe.Report r = ModelServerProbe.probe(c);
            assertThat(r.checks().get(0).status()).isEqualTo(ModelServerProbe.Status.FAILED);
            assertThat(r.checks().get(0).detail()).isEqualTo("model 'qwen3-vl:8b' is not served; available: "
                    + LoopbackModelServer.DEFAULT_MODEL);
            assertThat(r.checks().subList(1, 6)).allSatisfy(ch -> assertThat(ch.status())
                    .isEqualTo(ModelServerProbe.Status.SKIPPED));
            assertThat(r.usable()).isFalse();
        }
    }
}
