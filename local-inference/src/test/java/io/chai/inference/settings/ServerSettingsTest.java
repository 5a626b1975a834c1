// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void savesAndLoadsEveryField() {
        ServerProfile full = ServerProfile.of("local-vllm", "http://127.0.0.1:8000/v1/", "Qwen/Qwen3-VL-8B-Instruct",
                Dialect.VLLM).withApiKeyRef("env:VLLM_KEY")
                .withTimeouts(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(90)))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(4)))
                .withLaunch(new LaunchSpec(List.of("vllm", "serve", "Qwen/Qwen3-VL-8B-Instruct"), dir,
                        Map.of("CUDA_VISIBLE_DEVICES", "0"), Duration.ofMinutes(15)));
        ServerProfile plain = ServerProfile.of("ollama", "http://127.0.0.1:11434", "qwen3-vl:8b", Dialect.OLLAMA);
        new ServerSettings(List.of(full, plain)).save(dir);

        ServerSettings back = ServerSettings.load(dir);
        assertThat(back.profiles()).containsExactly(full, plain);
        assertThat(full.baseUrl().toString()).isEqualTo("http://127.0.0.1:8000");
        assertThat(full.resolve("/v1/models").toString()).isEqualTo("http://127.0.0.1:8000/v1/models");
    }

    @Test
    void addRemoveAndLookUpWithClearErrors() {
        ServerSettings s = ServerSettings.empty().with(ServerProfile.of("a", "http://h:1", "m", Dialect.OPENAI), false);
        assertThatThrownBy(() -> s.with(ServerProfile.of("a", "http://h:2", "m", Dialect.OPENAI), false))
                .hasMessage("A server named 'a' already exists; remove it first or choose another name.");
        assertThatThrownBy(() -> s.require("b")).isInstanceOf(SettingsException.class)
                .hasMessage("No model server named 'b'; configured: a.");
        assertThat(s.without("a").profiles()).isEmpty();
        assertThatThrownBy(() -> ServerSettings.empty().require("x"))
                .hasMessage("No model server named 'x'; add one with 'chai models add'.");
    }

    @Test
    void badFilesAndValuesAreReportedWithTheirPlace() throws Exception {
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [ {\"name\": \"x\",");
        assertThatThrownBy(() -> ServerSettings.load(dir)).isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(dir.resolve("servers.json") + " is not valid JSON (line 1)");
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [{\"name\":\"x\",\"baseUrl\":\"http://h:1\","
                + "\"model\":\"m\",\"dialect\":\"tgi\"}]}");
        assertThatThrownBy(() -> ServerSettings.load(dir)).hasMessage(dir.resolve("servers.json")
                + ": servers[0]: Unknown dialect 'tgi'; use one of: openai, vllm, llama-cpp, ollama, lm-studio.");
        Files.writeString(dir.resolve("servers.json"), "{\"servers\": [{\"name\":\"x\",\"model\":\"m\"}]}");
        assertThatThrownBy(() -> ServerSettings.load(dir)).hasMessage(dir.resolve("servers.json")
                + ": servers[0]: \"baseUrl\" is missing or not a string.");
        assertThatThrownBy(() -> ServerProfile.of("x", "ftp://h", "m", Dialect.VLLM))
                .hasMessage("Server 'x': base URL 'ftp://h' must be an absolute http(s) URL such as http://127.0.0.1:8000.");
        assertThatThrownBy(() -> ServerProfile.of("x", "http://h:1", "m", Dialect.VLLM).withApiKeyRef("sk-123"))
                .hasMessage("Server 'x': apiKeyRef must be 'env:VARIABLE' or 'secret:NAME', not a key.");
        assertThatThrownBy(() -> ServerProfile.of("bad name", "http://h:1", "m", Dialect.VLLM))
                .hasMessageStartingWith("Invalid server name 'bad name'");
        assertThat(ServerSettings.load(dir.resolve("absent")).profiles()).isEmpty();
    }

    @Test
    void secretsLiveInAnOwnerOnlyFileAndResolveByReference() throws Exception {
        SecretStore store = new SecretStore(dir);
        store.put("vllm", "  sk-abc  ");
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(store.get("vllm")).contains("sk-abc");
        ApiKeys keys = new ApiKeys(Map.of("K", "from-env"), store);
        ServerProfile p = ServerProfile.of("v", "http://h:1", "m", Dialect.VLLM);
        assertThat(keys.resolve(p)).isEmpty();
        assertThat(keys.resolve(p.withApiKeyRef("secret:vllm"))).contains("sk-abc");
        assertThat(keys.resolve(p.withApiKeyRef("env:K"))).contains("from-env");
        assertThatThrownBy(() -> keys.resolve(p.withApiKeyRef("env:MISSING"))).isInstanceOf(SettingsException.class)
                .hasMessage("Server 'v' takes its API key from the environment variable MISSING, which is not set.");
        assertThatThrownBy(() -> keys.resolve(p.withApiKeyRef("secret:other"))).hasMessageStartingWith(
                "Server 'v' needs the stored secret 'other', which is not in " + store.file());
        assertThat(store.remove("vllm")).isTrue();
        assertThat(store.get("vllm")).isEmpty();
    }

    @Test
    void configDirFollowsXdgWithAnOverride() {
        assertThat(ConfigPaths.configDir(Map.of("XDG_CONFIG_HOME", "/x/cfg"), null, "/home/u"))
                .isEqualTo(Path.of("/x/cfg/chai"));
        assertThat(ConfigPaths.configDir(Map.of(), null, "/home/u")).isEqualTo(Path.of("/home/u/.config/chai"));
        assertThat(ConfigPaths.configDir(Map.of("XDG_CONFIG_HOME", "relative"), null, "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/chai"));
        assertThat(ConfigPaths.configDir(Map.of("XDG_CONFIG_HOME", "/x"), "/o", "/h")).isEqualTo(Path.of("/o"));
    }
}
