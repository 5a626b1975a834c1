// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.domain.ClipId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files keyed by (absolute path, size, modification time), loaded from and saved to the project's
 * {@code file_hashes} table, so re-imports and relinks hash only new or changed files. Thread-safe.
 */
final class FileHashCache {
    record Entry(long size, long mtime, String sha256) {
    }

    /** A file's identity on disk and its hash; {@code fresh} when it was hashed now (not cached). */
    record Hashed(Path file, long size, long mtime, String sha256, boolean fresh) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    static FileHashCache load(ProjectStore store) {
        FileHashCache cache = new FileHashCache();
        store.read(() -> {
            try (PreparedStatement ps = store.db().connection.prepareStatement(
                    "SELECT path, size_bytes, mtime_ms, sha256 FROM file_hashes"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cache.entries.put(rs.getString(1), new Entry(rs.getLong(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return null;
        });
        return cache;
    }

    static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Stats and hashes {@code file} (or takes the cached hash); throws IOException when it cannot be read. */
    Hashed hash(Path file, BasicFileAttributes attrs) throws IOException {
        long size = attrs.size();
        long mtime = attrs.lastModifiedTime().toMillis();
        String key = key(file);
        Entry e = entries.get(key);
        if (e != null && e.size() == size && e.mtime() == mtime) {
            return new Hashed(file, size, mtime, e.sha256(), false);
        }
        String sha = ClipId.hashFile(file).hex();
        entries.put(key, new Entry(size, mtime, sha));
        return new Hashed(file, size, mtime, sha, true);
    }

    static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    /** Saves a fresh hash inside the caller's transaction. */
    static void save(ProjectStore store, Hashed h) throws SQLException {
        if (!h.fresh()) {
            return;
        }
        PreparedStatement ps = store.db().ps("INSERT INTO file_hashes(path, size_bytes, mtime_ms, sha256)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size_bytes = excluded.size_bytes,"
                + " mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256");
        ps.setString(1, key(h.file()));
        ps.setLong(2, h.size());
        ps.setLong(3, h.mtime());
        ps.setString(4, h.sha256());
        ps.executeUpdate();
    }

    /** A one-line reason for an I/O failure on {@code file}. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return "cannot read (" + (m == null ? e.getClass().getSimpleName() : m) + ")";
    }
}
