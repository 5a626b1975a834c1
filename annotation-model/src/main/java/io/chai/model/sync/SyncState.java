// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one project copy remembers about one shared store, in {@code <project>/sync/<store id>.json} (replaced
 * atomically): the pull cursor, how far its own log was scanned for pushing, revisions pulled before their clip
 * arrived (applied on a later pull), and when it last synced. Losing this file loses nothing: the next sync pulls
 * everything again and applying is idempotent.
 */
public record SyncState(String pullCursor, long scannedSeq, List<SyncRecord> pending, String lastSync,
        int lastConflicts) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public SyncState {
        pending = List.copyOf(pending);
    }

    /** The state before any sync. */
    public static SyncState initial() {
        return new SyncState("", 0, List.of(), null, 0);
    }

    /** The state file of {@code storeId} in {@code projectDir}. */
    public static Path file(Path projectDir, String storeId) {
        return projectDir.resolve("sync").resolve(storeId + ".json");
    }

    /** Loads the state, or {@link #initial()} when none was saved. */
    public static SyncState load(Path projectDir, String storeId) {
        Path f = file(projectDir, storeId);
        if (!Files.isRegularFile(f)) {
            return initial();
        }
        try {
            JsonNode n = MAPPER.readTree(f.toFile());
            List<SyncRecord> pending = new ArrayList<>();
            for (JsonNode p : n.path("pending")) {
                pending.add(RecordCodec.decode(p.asText().getBytes(StandardCharsets.UTF_8)));
            }
            JsonNode last = n.get("last_sync");
            return new SyncState(n.path("pull_cursor").asText(""), n.path("scanned_seq").asLong(), pending,
                    last == null || last.isNull() ? null : last.asText(), n.path("last_conflicts").asInt());
        } catch (IOException | IllegalArgumentException e) {
            throw new SyncException("sync state " + f + " is damaged (" + e.getMessage() + "): delete it to pull"
                    + " everything again (nothing is duplicated)", e);
        }
    }

    /** Writes the state durably (temporary file, forced, moved into place). */
    public void save(Path projectDir, String storeId) {
        Path f = file(projectDir, storeId);
        ObjectNode n = MAPPER.createObjectNode();
        n.put("pull_cursor", pullCursor);
        n.put("scanned_seq", scannedSeq);
        ArrayNode arr = n.putArray("pending");
        pending.forEach(p -> arr.add(RecordCodec.toText(p)));
        n.put("last_sync", lastSync);
        n.put("last_conflicts", lastConflicts);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(".tmp-" + UUID.randomUUID());
            try {
                Files.write(tmp, MAPPER.writeValueAsBytes(n), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                try {
                    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SyncException("cannot save sync state " + f + ": " + e.getMessage(), e);
        }
    }

    SyncState withPull(String cursor, List<SyncRecord> stillPending) {
        return new SyncState(cursor, scannedSeq, stillPending, lastSync, lastConflicts);
    }

    SyncState withScanned(long seq) {
        return new SyncState(pullCursor, Math.max(scannedSeq, seq), pending, lastSync, lastConflicts);
    }

    SyncState finished(Instant at, int conflicts) {
        return new SyncState(pullCursor, scannedSeq, pending, at.toString(), conflicts);
    }
}
