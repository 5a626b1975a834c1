// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.util.Map;
import java.util.Optional;

/** Resolves a profile's {@code apiKeyRef} ({@code env:VAR} or {@code secret:NAME}) to the key itself. */
public final class ApiKeys {
    private final Map<String, String> environment;
    private final SecretStore secrets;

    public ApiKeys(Map<String, String> environment, SecretStore secrets) {
        this.environment = environment;
        this.secrets = secrets;
    }

    /** Keys from the process environment and the secrets file of {@code ConfigPaths.configDir()}. */
    public static ApiKeys system() {
        return new ApiKeys(System.getenv(), new SecretStore(ConfigPaths.configDir()));
    }

    /** No keys at all (for servers without authentication). */
    public static ApiKeys none() {
        return new ApiKeys(Map.of(), null);
    }

    /** The key for {@code profile}, empty when it has none; a clear error when the reference cannot be resolved. */
    public Optional<String> resolve(ServerProfile profile) {
        String ref = profile.apiKeyRef();
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.startsWith("env:")) {
            String var = ref.substring(4);
            String v = environment.get(var);
            if (v == null || v.isBlank()) {
                throw new SettingsException("Server '" + profile.name() + "' takes its API key from the environment variable "
                        + var + ", which is not set.");
            }
            return Optional.of(v.strip());
        }
        String name = ref.substring("secret:".length());
        if (secrets == null) {
            throw new SettingsException("Server '" + profile.name() + "' needs the stored secret '" + name
                    + "' but no secrets file is available.");
        }
        return Optional.of(secrets.get(name).orElseThrow(() -> new SettingsException("Server '" + profile.name()
                + "' needs the stored secret '" + name + "', which is not in " + secrets.file()
                + "; add it with 'chai models add " + profile.name() + " ... --api-key-stdin'.")));
    }
}
