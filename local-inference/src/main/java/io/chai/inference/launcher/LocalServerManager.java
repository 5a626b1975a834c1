// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.launcher;

import io.chai.inference.settings.LaunchSpec;
import io.chai.inference.settings.ServerProfile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts model servers from their profiles' launch commands (e.g. {@code llama-server -m … --mmproj …},
 * {@code vllm serve …}, {@code ollama serve}) as child processes, waits until they answer their health endpoint,
 * captures their output (a ring buffer for display plus a log file), and stops them with the app: on
 * {@link #close()} and from a JVM shutdown hook, so no child outlives a normal exit.
 */
public final class LocalServerManager implements AutoCloseable {
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path logDir;
    private final Duration grace;
    private final Map<String, ManagedServer> running = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread hook;

    /**
     * @param logDir where {@code NAME.log} files go (created when needed)
     * @param grace  how long a stopping server may take before it is killed
     */
    public LocalServerManager(Path logDir, Duration grace) {
        this.logDir = logDir;
        this.grace = grace;
        this.hook = new Thread(this::stopAll, "chai-server-manager-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Logs under {@code $XDG_STATE_HOME/chai/logs} (or {@code ~/.local/state/chai/logs}). */
    public static LocalServerManager withDefaults() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return new LocalServerManager(base.resolve("chai").resolve("logs"), DEFAULT_GRACE);
    }

    /** The running server of that profile name, if this manager started it. */
    public java.util.Optional<ManagedServer> running(String name) {
        return java.util.Optional.ofNullable(running.get(name));
    }

    /**
     * Starts the profile's launch command and waits until the server is healthy. Fails (and leaves nothing
     * running) when the command cannot start, the process exits, or it is not healthy within the startup timeout.
     */
    public ManagedServer start(ServerProfile profile) {
        LaunchSpec spec = profile.launchSpec().orElseThrow(() -> new ServerLaunchException("Server '" + profile.name()
                + "' has no launch command; start it yourself or add one to its profile."));
        if (running.containsKey(profile.name()) && running.get(profile.name()).isAlive()) {
            throw new ServerLaunchException("Server '" + profile.name() + "' is already running (pid "
                    + running.get(profile.name()).pid() + ").");
        }
        if (healthy(profile)) {
            throw new ServerLaunchException("Something already answers at " + profile.baseUrl() + " (not started by"
                    + " CHAI); use it as is or stop it before starting server '" + profile.name() + "'.");
        }
        Path logFile = logDir.resolve(profile.name() + ".log");
        BufferedWriter writer;
        try {
            Files.createDirectories(logDir);
            writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            writer.write("# " + Instant.now() + " " + String.join(" ", spec.command()) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new ServerLaunchException("Cannot write the server log " + logFile + ": " + e.getMessage(), e);
        }
        ProcessBuilder pb = new ProcessBuilder(spec.command()).redirectErrorStream(true);
        if (spec.workingDir() != null) {
            pb.directory(spec.workingDir().toFile());
        }
        pb.environment().putAll(spec.environment());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            closeQuietly(writer);
            throw new ServerLaunchException("Cannot start '" + spec.command().get(0) + "' for server '" + profile.name()
                    + "': " + reason(e) + ".", e);
        }
        LogRing ring = new LogRing(1000);
        Thread pump = new Thread(() -> pump(process, ring, writer), "chai-server-log-" + profile.name());
        pump.setDaemon(true);
        pump.start();
        ManagedServer server = new ManagedServer(profile, process, ring, logFile, grace,
                () -> running.remove(profile.name()));
        running.put(profile.name(), server);
        try {
            awaitHealthy(profile, server, spec.startupTimeout());
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    private void awaitHealthy(ServerProfile profile, ManagedServer server, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!server.isAlive()) {
                waitForLogDrain(server);
                throw new ServerLaunchException("Server '" + profile.name() + "' exited with code "
                        + server.exitCode().orElse(-1) + " while starting" + lastLines(server) + " (log: "
                        + server.logFile() + ").");
            }
            if (healthy(profile)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ServerLaunchException("Server '" + profile.name() + "' did not become healthy at "
                        + profile.baseUrl() + " within " + timeout.toSeconds() + " s and was stopped" + lastLines(server)
                        + " (log: " + server.logFile() + ").");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerLaunchException("Interrupted while waiting for server '" + profile.name() + "'.");
            }
        }
    }

    private static void waitForLogDrain(ManagedServer server) {
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        long before = -1;
        while (System.nanoTime() < end && before != server.log().totalLines()) {
            before = server.log().totalLines();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String lastLines(ManagedServer server) {
        List<String> tail = server.log().tail(3);
        if (tail.isEmpty()) {
            return "; it printed nothing";
        }
        String joined = String.join(" | ", tail).replaceAll("\\s+", " ").strip();
        if (joined.length() > 300) {
            joined = joined.substring(joined.length() - 300);
        }
        return "; last output: " + joined;
    }

    /** Whether any of the dialect's health paths answers 200. */
    boolean healthy(ServerProfile profile) {
        for (String path : profile.dialect().healthPaths()) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(profile.resolve(path))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up (yet)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void pump(Process process, LogRing ring, BufferedWriter writer) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); writer) {
            String line;
            while ((line = r.readLine()) != null) {
                ring.add(line);
                writer.write(line);
                writer.write('\n');
                writer.flush();
            }
        } catch (IOException e) {
            ring.add("[chai] log capture ended: " + e.getMessage());
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("error=2")) {
            return "program not found (is it installed and on PATH?)";
        }
        if (m.contains("error=13")) {
            return "permission denied";
        }
        return m;
    }

    private static void closeQuietly(BufferedWriter w) {
        try {
            w.close();
        } catch (IOException e) {
            // nothing useful to do
        }
    }

    /** Stops every server this manager started. */
    public void stopAll() {
        for (ManagedServer s : List.copyOf(running.values())) {
            s.stop();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }
}
