// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.SecretStore;
import io.chai.inference.settings.ServerSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chai models ...} through the real command line, against real settings files and a loopback server. */
class ModelsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int chai(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 3];
        all[0] = "models";
        all[1] = "--config-dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return ChaiCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    @Test
    void addListRemove() {
        assertThat(chai("list")).isZero();
        assertThat(out.toString()).startsWith("No model servers configured;");

        assertThat(chai("add", "local-vllm", "--url", "http://127.0.0.1:8000/v1", "--model", "Qwen/Qwen3-VL-8B-Instruct",
                "--dialect", "vllm", "--api-key-env", "VLLM_KEY", "--read-timeout", "300",
                "--launch", "vllm serve Qwen/Qwen3-VL-8B-Instruct --limit-mm-per-prompt '{\"image\":32,\"video\":1}'"))
                .isZero();
        assertThat(out.toString()).startsWith("Added server 'local-vllm' (vllm, http://127.0.0.1:8000,"
                + " Qwen/Qwen3-VL-8B-Instruct) to " + dir.resolve("servers.json"));
        assertThat(chai("add", "ollama", "--url", "http://127.0.0.1:11434", "--model", "qwen3-vl:8b", "--dialect",
                "ollama")).isZero();

        assertThat(chai("list")).isZero();
        assertThat(out.toString().lines().toList()).containsExactly(
                "NAME        DIALECT  URL                     MODEL                      API KEY       LAUNCH",
                "local-vllm  vllm     http://127.0.0.1:8000   Qwen/Qwen3-VL-8B-Instruct  env:VLLM_KEY  vllm serve"
                        + " Qwen/Qwen3-VL-8B-Instruct --limit-mm-per-prompt {\"image\":32,\"video\":1}",
                "ollama      ollama   http://127.0.0.1:11434  qwen3-vl:8b                -             -");
        var saved = ServerSettings.load(dir).require("local-vllm");
        assertThat(saved.timeouts().read().toSeconds()).isEqualTo(300);
        assertThat(saved.launch().command()).containsExactly("vllm", "serve", "Qwen/Qwen3-VL-8B-Instruct",
                "--limit-mm-per-prompt", "{\"image\":32,\"video\":1}");

        assertThat(chai("add", "ollama", "--url", "http://h:1", "--model", "m", "--dialect", "ollama")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chai: A server named 'ollama' already exists; remove it first or"
                + " choose another name.\n");
        assertThat(chai("remove", "ollama")).isZero();
        assertThat(chai("remove", "ollama")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chai: No model server named 'ollama'; configured: local-vllm.\n");
    }

    @Test
    void badInputIsOneClearLine() {
        assertThat(chai("add", "x", "--url", "http://h:1", "--model", "m", "--dialect", "tgi")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chai: Unknown dialect 'tgi'; use one of: openai, vllm, llama-cpp, ollama,"
                + " lm-studio.\n");
        assertThat(chai("add", "x", "--url", "localhost:8000", "--model", "m", "--dialect", "vllm")).isEqualTo(1);
        assertThat(err.toString()).startsWith("chai: Server 'x': base URL 'localhost:8000' must be an absolute http(s) URL");
        assertThat(chai("add", "x", "--url", "http://h:1", "--model", "m", "--dialect", "vllm", "--launch", "a 'b"))
                .isEqualTo(1);
        assertThat(err.toString()).isEqualTo("chai: Unbalanced quote in the launch command: a 'b\n");
        assertThat(Files.exists(dir.resolve("servers.json"))).isFalse();
    }

    @Test
    void apiKeyFromStdinGoesToTheSecretsFileNotTheProfile() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("sk-local-123\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(chai("add", "lm", "--url", "http://127.0.0.1:1234", "--model", "qwen3-vl-8b", "--dialect",
                    "lm-studio", "--api-key-stdin")).isZero();
        } finally {
            System.setIn(saved);
        }
        assertThat(Files.readString(dir.resolve("servers.json"))).contains("\"apiKeyRef\" : \"secret:lm\"")
                .doesNotContain("sk-local-123");
        assertThat(new SecretStore(dir).get("lm")).contains("sk-local-123");
        assertThat(chai("remove", "lm")).isZero();
        assertThat(new SecretStore(dir).get("lm")).isEmpty();
    }

    @Test
    void checkProbesEachServerAndFailsWhenOneIsUnusable() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            assertThat(chai("add", "loop", "--url", server.baseUrl().toString(), "--model",
                    LoopbackModelServer.DEFAULT_MODEL, "--dialect", "vllm")).isZero();
            assertThat(chai("add", "down", "--url", "http://127.0.0.1:" + deadPort, "--model", "m", "--dialect",
                    "llama-cpp")).isZero();

            assertThat(chai("check", "--server", "loop")).isZero();
            List<String> lines = out.toString().lines().toList();
            assertThat(lines.get(0)).isEqualTo("loop  vllm  " + server.baseUrl() + "  " + LoopbackModelServer.DEFAULT_MODEL);
            assertThat(lines.subList(1, 7)).extracting(l -> l.substring(0, 20).strip()).containsExactly(
                    "models       yes", "chat         yes", "images       yes", "json_schema  yes", "logprobs     yes",
                    "video_url    yes");
            assertThat(server.violations()).isEmpty();

            assertThat(chai("check")).isEqualTo(1);
            assertThat(out.toString()).contains("  models       FAILED  Model server 'down' at http://127.0.0.1:"
                    + deadPort + " is not reachable (connection refused). Is it running?");
            assertThat(out.toString()).contains("  video_url    -       skipped: the server is not usable");
            assertThat(err.toString()).isEqualTo("chai: 1 of 2 servers are not usable: down.\n");
        }
    }

    @Test
    void splitsLaunchCommandsWithQuotes() {
        assertThat(ModelsCommand.splitCommand("llama-server -m \"/models/Qwen3 VL.gguf\" --mmproj '' -c 16384"))
                .containsExactly("llama-server", "-m", "/models/Qwen3 VL.gguf", "--mmproj", "", "-c", "16384");
    }
}
