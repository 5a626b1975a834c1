// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a local server for a profile, e.g. {@code ["llama-server", "-m", "model.gguf", "--mmproj",
 * "mmproj.gguf", "--port", "8080"]}, {@code ["vllm", "serve", ...]} or {@code ["ollama", "serve"]}.
 *
 * @param command        the program and its arguments (no shell is involved)
 * @param workingDir     the child's working directory, or null for the current one
 * @param environment    extra environment variables for the child
 * @param startupTimeout how long to wait for the server to become healthy (model loading can take minutes)
 */
public record LaunchSpec(List<String> command, Path workingDir, Map<String, String> environment,
        Duration startupTimeout) {
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(10);

    public LaunchSpec {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new SettingsException("A launch command needs at least a program name.");
        }
        command = List.copyOf(command);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        startupTimeout = startupTimeout == null ? DEFAULT_STARTUP_TIMEOUT : startupTimeout;
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new SettingsException("The startup timeout must be positive.");
        }
    }

    public static LaunchSpec of(List<String> command) {
        return new LaunchSpec(command, null, Map.of(), DEFAULT_STARTUP_TIMEOUT);
    }
}
