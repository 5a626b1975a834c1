// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.app.ui.sync.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.model.store.ProjectInfo;
import io.chai.model.sync.FolderStore;
import io.chai.model.sync.SharedStore;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.pg.PostgresStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared store a project syncs with, as {@code chai sync} remembers it in {@code <project>/sync/remote.json}
 * ({@code {"kind": "folder", "location": DIR}} or {@code {"kind": "postgres", "url": URL, "user": NAME}}; never a
 * password: PostgreSQL passwords come from {@code $CHAI_PG_PASSWORD} or {@code ~/.pgpass}).
 *
 * @param kind     {@code folder} or {@code postgres}
 * @param location the folder, or the PostgreSQL URL
 * @param user     the database user ({@code postgres} only, else empty)
 */
public record SharedStoreConfig(String kind, String location, String user) {
    /** The file {@code chai sync} writes. */
    public static Path file(Path projectDir) {
        return projectDir.resolve("sync").resolve("remote.json");
    }

    public SharedStoreConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        user = user == null ? "" : user;
        if (!kind.equals("folder") && !kind.equals("postgres")) {
            throw new SyncException("unknown shared store kind '" + kind + "' in remote.json (folder or postgres)");
        }
    }

    /**
     * The remembered store of the project in {@code projectDir}; empty when it has none (never synced). Throws
     * {@link SyncException} with a one-line message when the file is damaged.
     */
    public static Optional<SharedStoreConfig> load(Path projectDir) {
        Path f = file(projectDir);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = new ObjectMapper().readTree(f.toFile());
            String kind = n.path("kind").asText("folder");
            String where = kind.equals("postgres") ? n.path("url").asText("") : n.path("location").asText("");
            if (where.isEmpty()) {
                throw new SyncException(f + " names no store; run 'chai sync --store DIR' or 'chai sync --postgres URL'"
                        + " again");
            }
            return Optional.of(new SharedStoreConfig(kind, where, n.path("user").asText("")));
        } catch (IOException e) {
            throw new SyncException(f + " is damaged (" + e.getMessage().lines().findFirst().orElse("") + "); run "
                    + "'chai sync --store DIR' or 'chai sync --postgres URL' again", e);
        }
    }

    /** Opens the store (a folder store is created when the folder is empty, as {@code chai sync} does). */
    public SharedStore open(ProjectInfo project) {
        return kind.equals("postgres") ? PostgresStore.open(location, user, System.getenv("CHAI_PG_PASSWORD"))
                : FolderStore.openOrCreate(Path.of(location), project.specId(), project.specVersion());
    }

    /** For people: "folder /mnt/nas/chai" or "PostgreSQL postgresql://db/chai as anna". */
    public String describe() {
        return kind.equals("postgres") ? "PostgreSQL " + location + " as " + user : "folder " + location;
    }
}
