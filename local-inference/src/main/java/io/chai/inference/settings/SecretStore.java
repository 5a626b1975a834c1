// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * API keys kept apart from the profiles, in {@code secrets.json} of the config directory, readable only by the
 * user (0600 on POSIX file systems). A profile refers to a key as {@code secret:NAME}; keys never enter a project.
 */
public final class SecretStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public SecretStore(Path configDir) {
        this.file = ConfigPaths.secretsFile(configDir);
    }

    public Path file() {
        return file;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(readAll().get(name));
    }

    /** Stores (or replaces) a secret; the file is created with owner-only permissions before anything is written. */
    public void put(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new SettingsException("Refusing to store an empty API key for '" + name + "'.");
        }
        Map<String, String> all = readAll();
        all.put(name, value.strip());
        write(all);
    }

    public boolean remove(String name) {
        Map<String, String> all = readAll();
        boolean had = all.remove(name) != null;
        if (had) {
            write(all);
        }
        return had;
    }

    private Map<String, String> readAll() {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new SettingsException(file + " must contain a JSON object of name → key.");
            }
            root.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (JsonProcessingException e) {
            throw new SettingsException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SettingsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Map<String, String> all) {
        ObjectNode root = JSON.createObjectNode();
        all.forEach(root::put);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("secrets.json.tmp");
            Files.deleteIfExists(tmp);
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new SettingsException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
