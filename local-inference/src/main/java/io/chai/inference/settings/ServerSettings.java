// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's model-server profiles, stored as JSON in {@code servers.json} of the config directory. Immutable:
 * {@link #with} and {@link #without} return new settings; {@link #save} writes atomically.
 *
 * <pre>{"version":1,"servers":[{"name":"local-vllm","baseUrl":"http://127.0.0.1:8000","model":"Qwen/Qwen3-VL-8B-Instruct",
 *   "dialect":"vllm","apiKeyRef":"env:VLLM_KEY","connectTimeoutMs":5000,"readTimeoutMs":120000,"maxRetries":3,
 *   "launch":{"command":["vllm","serve","..."],"startupTimeoutSeconds":600}}]}</pre>
 */
public final class ServerSettings {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, ServerProfile> profiles;

    public ServerSettings(List<ServerProfile> profiles) {
        Map<String, ServerProfile> m = new LinkedHashMap<>();
        for (ServerProfile p : profiles) {
            if (m.put(p.name(), p) != null) {
                throw new SettingsException("Server name '" + p.name() + "' is used twice.");
            }
        }
        this.profiles = m;
    }

    public static ServerSettings empty() {
        return new ServerSettings(List.of());
    }

    /** Loads {@code servers.json} from {@code configDir}; a missing file means no servers. */
    public static ServerSettings load(Path configDir) {
        Path file = ConfigPaths.serversFile(configDir);
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new SettingsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ServerSettings parse(String text, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SettingsException(where + " is not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("servers").isArray()) {
            throw new SettingsException(where + ": expected an object with a \"servers\" array.");
        }
        int version = root.path("version").asInt(FORMAT_VERSION);
        if (version != FORMAT_VERSION) {
            throw new SettingsException(where + ": unsupported settings version " + version + " (expected 1).");
        }
        List<ServerProfile> list = new ArrayList<>();
        int i = 0;
        for (JsonNode s : root.get("servers")) {
            String at = where + ": servers[" + i++ + "]";
            list.add(profileFrom(s, at));
        }
        return new ServerSettings(list);
    }

    private static ServerProfile profileFrom(JsonNode s, String at) {
        if (!s.isObject()) {
            throw new SettingsException(at + ": expected an object.");
        }
        try {
            String name = text(s, "name", at);
            Timeouts t = new Timeouts(
                    Duration.ofMillis(s.path("connectTimeoutMs").asLong(Timeouts.DEFAULT.connect().toMillis())),
                    Duration.ofMillis(s.path("readTimeoutMs").asLong(Timeouts.DEFAULT.read().toMillis())));
            RetryPolicy r = new RetryPolicy(s.path("maxRetries").asInt(RetryPolicy.DEFAULT.maxRetries()),
                    Duration.ofMillis(s.path("initialBackoffMs").asLong(RetryPolicy.DEFAULT.initialBackoff().toMillis())),
                    Duration.ofMillis(s.path("maxBackoffMs").asLong(RetryPolicy.DEFAULT.maxBackoff().toMillis())));
            LaunchSpec launch = null;
            JsonNode l = s.get("launch");
            if (l != null && !l.isNull()) {
                if (!l.path("command").isArray()) {
                    throw new SettingsException(at + ".launch: \"command\" must be an array of strings.");
                }
                List<String> cmd = new ArrayList<>();
                l.get("command").forEach(c -> cmd.add(c.asText()));
                Map<String, String> env = new LinkedHashMap<>();
                l.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                String wd = l.path("workingDir").asText(null);
                launch = new LaunchSpec(cmd, wd == null ? null : Path.of(wd), env,
                        Duration.ofSeconds(l.path("startupTimeoutSeconds")
                                .asLong(LaunchSpec.DEFAULT_STARTUP_TIMEOUT.toSeconds())));
            }
            return new ServerProfile(name, ServerProfile.parseUrl(name, text(s, "baseUrl", at)), text(s, "model", at),
                    Dialect.parse(text(s, "dialect", at)), s.path("apiKeyRef").asText(null), t, r, launch);
        } catch (SettingsException e) {
            if (e.getMessage().startsWith(at)) {
                throw e;
            }
            throw new SettingsException(at + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode s, String field, String at) {
        JsonNode n = s.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new SettingsException(at + ": \"" + field + "\" is missing or not a string.");
        }
        return n.asText();
    }

    /** Writes {@code servers.json} atomically (temp file + move), creating the directory if needed. */
    public void save(Path configDir) {
        Path file = ConfigPaths.serversFile(configDir);
        try {
            Files.createDirectories(configDir);
            Path tmp = Files.createTempFile(configDir, "servers", ".json.tmp");
            Files.writeString(tmp, toJson());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SettingsException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode arr = root.putArray("servers");
        for (ServerProfile p : profiles.values()) {
            ObjectNode s = arr.addObject();
            s.put("name", p.name());
            s.put("baseUrl", p.baseUrl().toString());
            s.put("model", p.model());
            s.put("dialect", p.dialect().id());
            if (p.apiKeyRef() != null) {
                s.put("apiKeyRef", p.apiKeyRef());
            }
            s.put("connectTimeoutMs", p.timeouts().connect().toMillis());
            s.put("readTimeoutMs", p.timeouts().read().toMillis());
            s.put("maxRetries", p.retry().maxRetries());
            s.put("initialBackoffMs", p.retry().initialBackoff().toMillis());
            s.put("maxBackoffMs", p.retry().maxBackoff().toMillis());
            if (p.launch() != null) {
                ObjectNode l = s.putObject("launch");
                ArrayNode c = l.putArray("command");
                p.launch().command().forEach(c::add);
                if (p.launch().workingDir() != null) {
                    l.put("workingDir", p.launch().workingDir().toString());
                }
                if (!p.launch().environment().isEmpty()) {
                    ObjectNode env = l.putObject("env");
                    p.launch().environment().forEach(env::put);
                }
                l.put("startupTimeoutSeconds", p.launch().startupTimeout().toSeconds());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ServerProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    public Optional<ServerProfile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The named profile, or a clear error listing the configured names. */
    public ServerProfile require(String name) {
        ServerProfile p = profiles.get(name);
        if (p == null) {
            throw new SettingsException("No model server named '" + name + "'"
                    + (profiles.isEmpty() ? "; add one with 'chai models add'." : "; configured: "
                            + String.join(", ", profiles.keySet()) + "."));
        }
        return p;
    }

    /** These settings plus {@code profile}, replacing one of the same name only if {@code replace}. */
    public ServerSettings with(ServerProfile profile, boolean replace) {
        if (!replace && profiles.containsKey(profile.name())) {
            throw new SettingsException("A server named '" + profile.name()
                    + "' already exists; remove it first or choose another name.");
        }
        Map<String, ServerProfile> m = new LinkedHashMap<>(profiles);
        m.put(profile.name(), profile);
        return new ServerSettings(new ArrayList<>(m.values()));
    }

    public ServerSettings without(String name) {
        require(name);
        Map<String, ServerProfile> m = new LinkedHashMap<>(profiles);
        m.remove(name);
        return new ServerSettings(new ArrayList<>(m.values()));
    }
}
