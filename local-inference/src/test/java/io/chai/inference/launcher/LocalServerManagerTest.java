// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.inference.client.ChatRequest;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.LaunchSpec;
import io.chai.inference.settings.ServerProfile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real child process (the loopback server's main in a new JVM), checks health, stops it. */
class LocalServerManagerTest {
    @TempDir
    Path logs;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static List<String> loopbackCommand(int port, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoopbackModelServer.class.getName(),
                "--port", Integer.toString(port)));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    static ServerProfile profile(int port, Dialect d, List<String> command, Duration startup) {
        return ServerProfile.of("child", "http://127.0.0.1:" + port, LoopbackModelServer.DEFAULT_MODEL, d)
                .withLaunch(new LaunchSpec(command, null, Map.of(), startup));
    }

    @Test
    void startsWaitsForHealthServesAndStopsWithoutOrphans() throws Exception {
        int port = freePort();
        ServerProfile p = profile(port, Dialect.VLLM, loopbackCommand(port), Duration.ofSeconds(60));
        ProcessHandle child;
        try (LocalServerManager m = new LocalServerManager(logs, Duration.ofSeconds(5))) {
            ManagedServer s = m.start(p);
            child = ProcessHandle.of(s.pid()).orElseThrow();
            assertThat(s.isAlive()).isTrue();
            assertThat(m.running("child")).containsSame(s);
            try (ModelServerClient c = new ModelServerClient(p, ApiKeys.none())) {
                assertThat(c.chat(ChatRequest.builder("hello").build()).text()).contains("[canned answer");
            }
            assertThat(s.log().lines()).anyMatch(l -> l.contains("listening on http://127.0.0.1:" + port));
            assertThat(Files.readString(s.logFile())).contains("listening on http://127.0.0.1:" + port);
            assertThatThrownBy(() -> m.start(p)).isInstanceOf(ServerLaunchException.class)
                    .hasMessageStartingWith("Server 'child' is already running (pid ");
        }
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void aProcessThatExitsDuringStartupIsReportedWithItsOutput() throws Exception {
        int port = freePort();
        ServerProfile p = profile(port, Dialect.OPENAI, loopbackCommand(port, "--bogus"), Duration.ofSeconds(60));
        try (LocalServerManager m = new LocalServerManager(logs, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> m.start(p)).isInstanceOf(ServerLaunchException.class)
                    .hasMessageStartingWith("Server 'child' exited with code 1 while starting; last output: "
                            + "loopback-model-server: unknown argument --bogus")
                    .hasMessageEndingWith("(log: " + logs.resolve("child.log") + ").");
            assertThat(m.running("child")).isEmpty();
        }
    }

    @Test
    void aServerThatNeverBecomesHealthyIsStopped() throws Exception {
        int port = freePort();
        int otherPort = freePort();
        // the child listens elsewhere, so the profile's URL never answers
        ServerProfile p = profile(port, Dialect.OLLAMA, loopbackCommand(otherPort), Duration.ofSeconds(3));
        List<Long> pids = new ArrayList<>();
        try (LocalServerManager m = new LocalServerManager(logs, Duration.ofSeconds(5))) {
            m.running("child"); // nothing yet
            assertThatThrownBy(() -> {
                try {
                    m.start(p);
                } finally {
                    ProcessHandle.current().children().forEach(h -> pids.add(h.pid()));
                }
            }).isInstanceOf(ServerLaunchException.class)
                    .hasMessageStartingWith("Server 'child' did not become healthy at http://127.0.0.1:" + port
                            + " within 3 s and was stopped");
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void aMissingProgramIsAClearError() {
        ServerProfile p = profile(1, Dialect.LLAMA_CPP, List.of("chai-no-such-llama-server", "-m", "x.gguf"),
                Duration.ofSeconds(5));
        try (LocalServerManager m = new LocalServerManager(logs, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> m.start(p)).isInstanceOf(ServerLaunchException.class)
                    .hasMessage("Cannot start 'chai-no-such-llama-server' for server 'child': program not found"
                            + " (is it installed and on PATH?).");
        }
    }

    @Test
    void aProfileWithoutLaunchCommandCannotBeStarted() {
        ServerProfile p = ServerProfile.of("remote", "http://127.0.0.1:9", "m", Dialect.VLLM);
        try (LocalServerManager m = new LocalServerManager(logs, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> m.start(p)).isInstanceOf(ServerLaunchException.class)
                    .hasMessage("Server 'remote' has no launch command; start it yourself or add one to its profile.");
        }
    }

    @Test
    void logRingKeepsTheLastLines() {
        LogRing r = new LogRing(3);
        List<String> seen = new ArrayList<>();
        r.addListener(seen::add);
        for (int i = 1; i <= 5; i++) {
            r.add("line " + i);
        }
        assertThat(r.lines()).containsExactly("line 3", "line 4", "line 5");
        assertThat(r.tail(2)).containsExactly("line 4", "line 5");
        assertThat(r.totalLines()).isEqualTo(5);
        assertThat(seen).hasSize(5);
    }
}
