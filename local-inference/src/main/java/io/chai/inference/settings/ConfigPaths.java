// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the user's CHAI settings live: {@code $XDG_CONFIG_HOME/chai}, else {@code ~/.config/chai}. The system
 * property {@code chai.config.dir} overrides both (for tests and portable installs). Never inside a project.
 */
public final class ConfigPaths {
    public static final String OVERRIDE_PROPERTY = "chai.config.dir";

    private ConfigPaths() {
    }

    /** The configuration directory for the current process environment. */
    public static Path configDir() {
        return configDir(System.getenv(), System.getProperty(OVERRIDE_PROPERTY), System.getProperty("user.home"));
    }

    static Path configDir(Map<String, String> env, String override, String home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "chai");
        }
        return Path.of(home, ".config", "chai");
    }

    public static Path serversFile(Path configDir) {
        return configDir.resolve("servers.json");
    }

    public static Path secretsFile(Path configDir) {
        return configDir.resolve("secrets.json");
    }
}
