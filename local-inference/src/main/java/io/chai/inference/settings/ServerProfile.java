// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured model server, as stored in the user's settings (never in a project).
 *
 * @param name      short unique name, e.g. {@code local-vllm}
 * @param baseUrl   the server root without {@code /v1}, e.g. {@code http://127.0.0.1:8000}
 * @param model     the model id sent in every request, e.g. {@code Qwen/Qwen3-VL-8B-Instruct}
 * @param dialect   how to talk to it
 * @param apiKeyRef where the API key lives: {@code env:VARIABLE}, {@code secret:NAME} (the user's secrets file), or
 *                  null for none; the key itself is never stored here
 * @param timeouts  connect/read timeouts
 * @param retry     retry policy on 429/5xx
 * @param launch    how to start the server locally, or null when it is started elsewhere
 */
public record ServerProfile(String name, URI baseUrl, String model, Dialect dialect, String apiKeyRef,
        Timeouts timeouts, RetryPolicy retry, LaunchSpec launch) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ServerProfile {
        Objects.requireNonNull(dialect, "dialect");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SettingsException("Invalid server name '" + name
                    + "': use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        baseUrl = normaliseBaseUrl(name, baseUrl);
        if (model == null || model.isBlank()) {
            throw new SettingsException("Server '" + name + "' needs a model id (e.g. Qwen/Qwen3-VL-8B-Instruct).");
        }
        if (apiKeyRef != null && apiKeyRef.isBlank()) {
            apiKeyRef = null;
        }
        if (apiKeyRef != null && !apiKeyRef.startsWith("env:") && !apiKeyRef.startsWith("secret:")) {
            throw new SettingsException("Server '" + name + "': apiKeyRef must be 'env:VARIABLE' or 'secret:NAME', not a key.");
        }
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /** A profile with default timeouts and retries, no API key and no launch command. */
    public static ServerProfile of(String name, String baseUrl, String model, Dialect dialect) {
        return new ServerProfile(name, parseUrl(name, baseUrl), model, dialect, null, null, null, null);
    }

    public ServerProfile withTimeouts(Timeouts t) {
        return new ServerProfile(name, baseUrl, model, dialect, apiKeyRef, t, retry, launch);
    }

    public ServerProfile withRetry(RetryPolicy r) {
        return new ServerProfile(name, baseUrl, model, dialect, apiKeyRef, timeouts, r, launch);
    }

    public ServerProfile withApiKeyRef(String ref) {
        return new ServerProfile(name, baseUrl, model, dialect, ref, timeouts, retry, launch);
    }

    public ServerProfile withLaunch(LaunchSpec l) {
        return new ServerProfile(name, baseUrl, model, dialect, apiKeyRef, timeouts, retry, l);
    }

    public ServerProfile withModel(String m) {
        return new ServerProfile(name, baseUrl, m, dialect, apiKeyRef, timeouts, retry, launch);
    }

    public Optional<LaunchSpec> launchSpec() {
        return Optional.ofNullable(launch);
    }

    /** The absolute URI of {@code path} (which starts with '/') on this server. */
    public URI resolve(String path) {
        return URI.create(baseUrl.toString() + path);
    }

    public static URI parseUrl(String name, String text) {
        try {
            return URI.create(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Server '" + name + "': '" + text + "' is not a valid URL.");
        }
    }

    private static URI normaliseBaseUrl(String name, URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new SettingsException("Server '" + name + "': base URL '" + url
                    + "' must be an absolute http(s) URL such as http://127.0.0.1:8000.");
        }
        String s = url.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/v1")) {
            s = s.substring(0, s.length() - 3);
        }
        return URI.create(s);
    }
}
