// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.about;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the user's CHAI files live on each operating system (never inside a project, never removed by an
 * uninstall):
 *
 * <table>
 *   <caption>Folders per OS</caption>
 *   <tr><th></th><th>Linux (XDG)</th><th>Windows</th><th>macOS</th></tr>
 *   <tr><td>settings</td><td>{@code $XDG_CONFIG_HOME/chai}, {@code ~/.config/chai}</td>
 *       <td>{@code %APPDATA%\CHAI}</td><td>{@code ~/Library/Application Support/CHAI}</td></tr>
 *   <tr><td>logs</td><td>{@code $XDG_STATE_HOME/chai/logs}, {@code ~/.local/state/chai/logs}</td>
 *       <td>{@code %LOCALAPPDATA%\CHAI\logs}</td><td>{@code ~/Library/Logs/CHAI}</td></tr>
 *   <tr><td>cache</td><td>{@code $XDG_CACHE_HOME/chai}, {@code ~/.cache/chai}</td>
 *       <td>{@code %LOCALAPPDATA%\CHAI\cache}</td><td>{@code ~/Library/Caches/CHAI}</td></tr>
 * </table>
 *
 * {@code $CHAI_CONFIG_DIR} and {@code $CHAI_LOG_DIR} override the settings and log folders on every OS. XDG
 * variables that are not absolute paths are ignored, as the XDG spec requires.
 *
 * @param config the settings folder
 * @param logs   the log folder
 * @param cache  the cache folder
 */
public record UserDirs(Path config, Path logs, Path cache) {

    /** The operating-system families with their own conventions. */
    public enum Os {
        LINUX, WINDOWS, MACOS;

        /** The family of an {@code os.name} value; anything not Windows or macOS follows XDG like Linux. */
        public static Os of(String osName) {
            String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
            if (n.startsWith("windows")) {
                return WINDOWS;
            }
            if (n.startsWith("mac") || n.startsWith("darwin")) {
                return MACOS;
            }
            return LINUX;
        }
    }

    /** The folders of the current user on this machine. */
    public static UserDirs current() {
        return resolve(Os.of(System.getProperty("os.name")), System.getenv(), System.getProperty("user.home"));
    }

    /** The folders for an OS family, an environment and a home folder (pure; used by tests). */
    public static UserDirs resolve(Os os, Map<String, String> env, String home) {
        Path h = Path.of(home);
        Path config;
        Path logs;
        Path cache;
        switch (os) {
            case WINDOWS -> {
                Path roaming = abs(env.get("APPDATA"), h.resolve("AppData").resolve("Roaming"));
                Path local = abs(env.get("LOCALAPPDATA"), h.resolve("AppData").resolve("Local"));
                config = roaming.resolve("CHAI");
                logs = local.resolve("CHAI").resolve("logs");
                cache = local.resolve("CHAI").resolve("cache");
            }
            case MACOS -> {
                Path lib = h.resolve("Library");
                config = lib.resolve("Application Support").resolve("CHAI");
                logs = lib.resolve("Logs").resolve("CHAI");
                cache = lib.resolve("Caches").resolve("CHAI");
            }
            default -> {
                config = abs(env.get("XDG_CONFIG_HOME"), h.resolve(".config")).resolve("chai");
                logs = abs(env.get("XDG_STATE_HOME"), h.resolve(".local").resolve("state")).resolve("chai").resolve("logs");
                cache = abs(env.get("XDG_CACHE_HOME"), h.resolve(".cache")).resolve("chai");
            }
        }
        String explicitConfig = env.get("CHAI_CONFIG_DIR");
        if (explicitConfig != null && !explicitConfig.isBlank()) {
            config = Path.of(explicitConfig);
        }
        String explicitLogs = env.get("CHAI_LOG_DIR");
        if (explicitLogs != null && !explicitLogs.isBlank()) {
            logs = Path.of(explicitLogs);
        }
        return new UserDirs(config, logs, cache);
    }

    private static Path abs(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }
}
