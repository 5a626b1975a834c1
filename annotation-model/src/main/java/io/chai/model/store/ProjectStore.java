// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.domain.Aspect;
import io.chai.model.workflow.WorkflowState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A CHAI project: a folder holding {@value #DATABASE_FILE} (SQLite, WAL, foreign keys on, schema migrated on open)
 * and {@code cache/} (frame indexes, thumbnails). All annotation changes are appended to the revision log; the
 * current state is derived in the same transaction. Every method is thread-safe (one connection, serialized);
 * every committed append is durable before the method returns (see docs/store.md).
 */
public final class ProjectStore implements AutoCloseable {
    /** The database file that marks a folder as a project. */
    public static final String DATABASE_FILE = "chai-project.db";
    /** The five aspects, in their fixed order. */
    public static final List<String> ASPECTS = java.util.Arrays.stream(Aspect.values()).map(Aspect::key).toList();
    /** Cache folders created in every project. */
    public static final List<String> CACHE_FOLDERS = List.of("cache/frame-index", "cache/thumbnails");

    static final String SELECT_REVISION = "SELECT seq, uuid, clip_id, aspect, kind, author, device, hlc, parents,"
            + " payload, spec_id, spec_version FROM revisions";
    private static final String FORMAT = "chai-project";

    private final Db db;
    private final DerivedState derived;
    private final ProjectInfo info;
    private final HybridLogicalClock clock;
    private boolean closed;

    private ProjectStore(Db db, ProjectInfo info, LongSupplier wallClock) throws SQLException {
        this.db = db;
        this.derived = new DerivedState(db);
        this.info = info;
        Hlc last = null;
        try (Statement st = db.connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(hlc) FROM revisions")) {
            if (rs.next() && rs.getString(1) != null) {
                last = Hlc.parse(rs.getString(1));
            }
        }
        this.clock = new HybridLogicalClock(info.deviceId(), wallClock, null);
        if (last != null) {
            clock.observe(last);
        }
    }

    // ---------------------------------------------------------------- create, open, locate

    /** Creates a project in {@code dir} (created if needed; must not already hold a project). */
    public static ProjectStore create(Path dir, String name, String specId, String specVersion) {
        if (name == null || name.isBlank()) {
            throw new ProjectStoreException("a project needs a name (--name)");
        }
        Path db = dir.resolve(DATABASE_FILE);
        if (Files.exists(db)) {
            throw new ProjectStoreException("a project already exists in " + dir + " (" + DATABASE_FILE + ")");
        }
        try {
            Files.createDirectories(dir);
            for (String cache : CACHE_FOLDERS) {
                Files.createDirectories(dir.resolve(cache));
            }
        } catch (IOException e) {
            throw new ProjectStoreException("cannot create project folder " + dir + ": " + e.getMessage(), e);
        }
        Connection c = connect(db);
        try {
            Migrations.migrate(c, db.toString());
            String deviceId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("format", FORMAT);
            meta.put("project_id", UUID.randomUUID().toString());
            meta.put("name", name.strip());
            meta.put("created_at", Instant.now().toString());
            meta.put("spec_id", specId);
            meta.put("spec_version", specVersion);
            meta.put("device_id", deviceId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO project_meta(key, value) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : meta.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof ProjectStoreException p ? p
                    : new ProjectStoreException("cannot create project in " + dir + ": " + e.getMessage(), e);
        }
        ProjectStore store = finishOpen(dir, c, System::currentTimeMillis);
        try {
            ProjectMarker.write(store.info());   // project.chai: what a desktop double-clicks to open the project
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Opens the project in {@code dir}, migrating its schema when it is older than this version. */
    public static ProjectStore open(Path dir) {
        return open(dir, System::currentTimeMillis);
    }

    static ProjectStore open(Path dir, LongSupplier wallClock) {
        Path db = dir.resolve(DATABASE_FILE);
        if (!Files.isRegularFile(db)) {
            throw new ProjectStoreException("no CHAI project in " + dir + " (no " + DATABASE_FILE
                    + "): create one with 'chai init' or pass --project");
        }
        Connection c = connect(db);
        try {
            Migrations.migrate(c, db.toString());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof ProjectStoreException p ? p
                    : new ProjectStoreException("cannot open project " + dir + ": " + e.getMessage(), e);
        }
        return finishOpen(dir, c, wallClock);
    }

    private static ProjectStore finishOpen(Path dir, Connection c, LongSupplier wallClock) {
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT key, value FROM project_meta")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            if (!FORMAT.equals(meta.get("format"))) {
                throw new ProjectStoreException(dir.resolve(DATABASE_FILE) + " is not a CHAI project database");
            }
            ProjectInfo info = new ProjectInfo(dir.toAbsolutePath().normalize(), meta.get("project_id"),
                    meta.get("name"), meta.get("created_at"), meta.get("spec_id"), meta.get("spec_version"),
                    meta.get("device_id"), Migrations.version(c));
            return new ProjectStore(new Db(c), info, wallClock);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e instanceof ProjectStoreException p ? p
                    : new ProjectStoreException("cannot open project " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The nearest folder at or above {@code start} that holds a project. */
    public static Optional<Path> locate(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(DATABASE_FILE))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Loads the SQLite driver and its native library now, so that a program can do it on a thread of its own while it
     * starts (the workstation does); idempotent and thread-safe. A failure here is reported again, with its
     * context, by the first {@link #open}.
     */
    public static void loadDriver() {
        try {
            Class.forName("org.sqlite.JDBC");
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // reported by the first open
        }
    }

    static Connection connect(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new ProjectStoreException("cannot use write-ahead logging for " + file);
                    }
                }
                // FULL: each commit syncs the WAL, so an acknowledged edit survives even power loss (docs/store.md).
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
                // 64 MiB of page cache (native memory, not Java heap): large projects keep their indexes hot
                st.execute("PRAGMA cache_size = -65536");
            }
            return c;
        } catch (SQLException e) {
            throw new ProjectStoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the original error is reported
        }
    }

    public ProjectInfo info() {
        return info;
    }

    public Path directory() {
        return info.directory();
    }

    /** This copy's clock (local revisions are stamped with it). */
    public HybridLogicalClock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- appending

    /** Appends one local change and updates the derived state, in one durable transaction. */
    public synchronized Revision append(RevisionDraft draft) {
        return appendAll(List.of(draft)).get(0);
    }

    /** Appends local changes in one transaction (all or none). */
    public synchronized List<Revision> appendAll(List<RevisionDraft> drafts) {
        return write(() -> {
            List<Revision> out = new ArrayList<>(drafts.size());
            for (RevisionDraft d : drafts) {
                out.add(appendLocked(d));
            }
            return out;
        });
    }

    /**
     * Stores a revision made elsewhere (sync) if its UUID is new; returns false when it was already stored. The
     * clock observes its timestamp so later local edits sort after it.
     */
    public synchronized boolean appendRemote(Revision r) {
        return write(() -> {
            PreparedStatement ps = db.ps("SELECT 1 FROM revisions WHERE uuid = ?");
            ps.setString(1, r.uuid().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            validate(r.clipId(), r.aspect(), r.kind(), r.payload());
            clock.observe(r.hlc());
            Revision stored = insert(new Revision(0, r.uuid(), r.clipId(), r.aspect(), r.kind(), r.author(),
                    r.device(), r.hlc(), r.parents(), Json.canonical(r.payload()), r.specId(), r.specVersion()));
            derived.apply(stored);
            return true;
        });
    }

    /**
     * Stores revisions made elsewhere (sync) in one transaction, skipping UUIDs already stored (also repeats within
     * {@code revisions}); returns how many were new. All or none: a revision that fails validation (e.g. its clip is
     * unknown here) rolls the batch back. The bulk path of sync: statements are reused, each revision is one insert,
     * and the derived state is updated once per batch ({@code DerivedState.applyBulk}: counts summed, the newest
     * revision per (clip, aspect, kind) compared with the current value, each touched state recomputed once), with
     * the same result as applying them one by one.
     */
    public synchronized int appendRemoteAll(List<Revision> revisions) {
        return write(() -> {
            Map<String, Revision> fresh = new LinkedHashMap<>();
            for (Revision r : revisions) {
                fresh.putIfAbsent(r.uuid().toString(), r);
            }
            removeKnown(fresh);
            List<Revision> added = new ArrayList<>(fresh.size());
            java.util.Set<String> knownClips = new java.util.HashSet<>();
            PreparedStatement clipExists = db.ps("SELECT 1 FROM clips WHERE clip_id = ?");
            PreparedStatement ins = db.ps("INSERT INTO revisions(uuid, clip_id, aspect, kind, author, device, hlc,"
                    + " parents, payload, spec_id, spec_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ins.clearBatch(); // the statement is cached: nothing of a batch that failed validation may remain
            Hlc newest = null;
            for (Revision r : fresh.values()) {
                JsonNode payload = parsePayload(r.kind(), r.payload());
                checkChange(r.aspect(), r.kind(), payload);
                if (knownClips.add(r.clipId())) {
                    clipExists.setString(1, r.clipId());
                    try (ResultSet rs = clipExists.executeQuery()) {
                        if (!rs.next()) {
                            throw new ProjectStoreException("no clip " + r.clipId() + " in this project");
                        }
                    }
                }
                String canonical = Json.write(payload);
                ins.setString(1, r.uuid().toString());
                ins.setString(2, r.clipId());
                ins.setString(3, r.aspect());
                ins.setString(4, r.kind().id());
                ins.setString(5, r.author());
                ins.setString(6, r.device());
                ins.setString(7, r.hlc().toString());
                ins.setString(8, Json.uuids(r.parents()));
                ins.setString(9, canonical);
                ins.setString(10, r.specId());
                ins.setString(11, r.specVersion());
                ins.addBatch();
                added.add(new Revision(0, r.uuid(), r.clipId(), r.aspect(), r.kind(), r.author(), r.device(),
                        r.hlc(), r.parents(), canonical, r.specId(), r.specVersion()));
                if (newest == null || r.hlc().compareTo(newest) > 0) {
                    newest = r.hlc();
                }
            }
            if (added.isEmpty()) {
                return 0;
            }
            ins.executeBatch();
            clock.observe(newest);
            derived.applyBulk(added);
            return added.size();
        });
    }

    /** Removes from {@code byUuid} the revisions already in the log (looked up 500 at a time). */
    private void removeKnown(Map<String, Revision> byUuid) throws SQLException {
        final int chunk = 500;
        PreparedStatement ps = db.ps("SELECT uuid FROM revisions WHERE uuid IN ("
                + String.join(", ", java.util.Collections.nCopies(chunk, "?")) + ")");
        List<String> ids = new ArrayList<>(byUuid.keySet());
        for (int from = 0; from < ids.size(); from += chunk) {
            for (int i = 0; i < chunk; i++) {
                // the last chunk repeats its first id to fill the statement's slots
                ps.setString(i + 1, ids.get(from + i < ids.size() ? from + i : from));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byUuid.remove(rs.getString(1));
                }
            }
        }
    }

    /**
     * Appends many local changes in one transaction and then derives the state again from the whole log in a few
     * set-based passes: for generators, migrations and large sync batches, where it is much faster than
     * {@link #appendAll}. Parents are stored as given (not filled in). Returns how many were appended.
     */
    public synchronized long appendBulk(Iterable<RevisionDraft> drafts) {
        return write(() -> {
            long n = 0;
            try (Statement st = db.connection.createStatement()) {
                st.execute("PRAGMA cache_size = -524288"); // 512 MiB while loading: random-key indexes stay cached
            }
            for (RevisionDraft d : drafts) {
                checkChange(d.aspect(), d.kind(), d.payload());
                if (d.author().isBlank()) {
                    throw new ProjectStoreException("every change needs an author");
                }
                insert(new Revision(0, UUID.randomUUID(), d.clipId(), d.aspect(), d.kind(), d.author(),
                        info.deviceId(), clock.now(), d.parents(), Json.canonical(d.payload()), info.specId(),
                        info.specVersion()));
                n++;
            }
            derived.rebuild();
            try (Statement st = db.connection.createStatement()) {
                st.execute("PRAGMA cache_size = -65536");
            }
            return n;
        });
    }

    Revision appendLocked(RevisionDraft d) throws SQLException {
        validate(d.clipId(), d.aspect(), d.kind(), d.payload());
        if (d.author().isBlank()) {
            throw new ProjectStoreException("every change needs an author");
        }
        List<UUID> parents = d.parents();
        if (parents.isEmpty() && d.kind().hasCurrentValue()) {
            Optional<CurrentValue> cur = currentLocked(d.clipId(), d.aspect(), d.kind());
            if (cur.isPresent()) {
                parents = List.of(UUID.fromString(cur.get().revisionUuid()));
            }
        }
        Revision r = insert(new Revision(0, UUID.randomUUID(), d.clipId(), d.aspect(), d.kind(), d.author(),
                info.deviceId(), clock.now(), parents, Json.canonical(d.payload()), info.specId(),
                info.specVersion()));
        derived.apply(r);
        return r;
    }

    private void validate(String clipId, String aspect, RevisionKind kind, String payload) throws SQLException {
        checkChange(aspect, kind, payload);
        PreparedStatement ps = db.ps("SELECT 1 FROM clips WHERE clip_id = ?");
        ps.setString(1, clipId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new ProjectStoreException("no clip " + clipId + " in this project");
            }
        }
    }

    private static void checkChange(String aspect, RevisionKind kind, String payload) {
        checkChange(aspect, kind, parsePayload(kind, payload));
    }

    private static JsonNode parsePayload(RevisionKind kind, String payload) {
        try {
            return Json.parse(payload);
        } catch (IllegalArgumentException e) {
            throw new ProjectStoreException("a " + kind.id() + " " + e.getMessage());
        }
    }

    private static void checkChange(String aspect, RevisionKind kind, JsonNode p) {
        if (!aspect.isEmpty() && !ASPECTS.contains(aspect)) {
            throw new ProjectStoreException("unknown aspect '" + aspect + "' (known: " + String.join(", ", ASPECTS) + ")");
        }
        boolean clipLevelAllowed = kind == RevisionKind.PRIMITIVE_LABELS || kind == RevisionKind.ASSIGNMENT
                || kind == RevisionKind.PRE_CAPTION || kind == RevisionKind.STEP_TIMING;
        if (aspect.isEmpty() && !clipLevelAllowed) {
            throw new ProjectStoreException("a " + kind.id() + " change needs an aspect");
        }
        if (kind == RevisionKind.PRIMITIVE_LABELS && !aspect.isEmpty()) {
            throw new ProjectStoreException("primitive labels belong to the whole clip, not to aspect " + aspect);
        }
        boolean scalarAllowed = kind == RevisionKind.RATING && p.isInt();
        if (!p.isNull() && !p.isObject() && !scalarAllowed) {
            throw new ProjectStoreException("a " + kind.id() + " payload must be a JSON object or null");
        }
        if (kind == RevisionKind.STEP_TIMING) {
            for (String f : List.of("step", "openedAt", "submittedAt")) {
                if (!p.path(f).isTextual()) {
                    throw new ProjectStoreException("a step timing needs '" + f + "'");
                }
            }
            try {
                Instant.parse(p.get("openedAt").asText());
                Instant.parse(p.get("submittedAt").asText());
                if (p.hasNonNull("firstEditAt")) {
                    Instant.parse(p.get("firstEditAt").asText());
                }
            } catch (RuntimeException e) {
                throw new ProjectStoreException("a step timing needs ISO-8601 instants: " + e.getMessage());
            }
        }
    }

    private Revision insert(Revision r) throws SQLException {
        PreparedStatement ps = db.ps("INSERT INTO revisions(uuid, clip_id, aspect, kind, author, device, hlc, parents,"
                + " payload, spec_id, spec_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq");
        ps.setString(1, r.uuid().toString());
        ps.setString(2, r.clipId());
        ps.setString(3, r.aspect());
        ps.setString(4, r.kind().id());
        ps.setString(5, r.author());
        ps.setString(6, r.device());
        ps.setString(7, r.hlc().toString());
        ps.setString(8, Json.uuids(r.parents()));
        ps.setString(9, r.payload());
        ps.setString(10, r.specId());
        ps.setString(11, r.specVersion());
        long seq;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        return new Revision(seq, r.uuid(), r.clipId(), r.aspect(), r.kind(), r.author(), r.device(), r.hlc(),
                r.parents(), r.payload(), r.specId(), r.specVersion());
    }

    /**
     * Undoes the current value {@code uuid} by appending a new revision (parent: the undone one) whose payload is the
     * value before it, or JSON null when there was none. Undoing an undo redoes.
     */
    public synchronized Revision undo(UUID uuid, String author) {
        return write(() -> {
            Revision r = revisionLocked(uuid)
                    .orElseThrow(() -> new ProjectStoreException("no revision " + uuid + " in this project"));
            if (!r.kind().hasCurrentValue()) {
                throw new ProjectStoreException("a " + r.kind().id() + " revision cannot be undone");
            }
            CurrentValue cur = currentLocked(r.clipId(), r.aspect(), r.kind()).orElseThrow();
            if (!cur.revisionUuid().equals(uuid.toString())) {
                throw new ProjectStoreException("only the current " + r.kind().id() + " can be undone; revision "
                        + uuid + " was superseded by " + cur.revisionUuid());
            }
            String before = "null";
            PreparedStatement ps = db.ps("SELECT payload FROM revisions WHERE clip_id = ? AND aspect = ? AND kind = ?"
                    + " AND (hlc < ? OR (hlc = ? AND uuid < ?)) ORDER BY hlc DESC, uuid DESC LIMIT 1");
            ps.setString(1, r.clipId());
            ps.setString(2, r.aspect());
            ps.setString(3, r.kind().id());
            ps.setString(4, r.hlc().toString());
            ps.setString(5, r.hlc().toString());
            ps.setString(6, r.uuid().toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    before = rs.getString(1);
                }
            }
            return appendLocked(new RevisionDraft(r.clipId(), r.aspect(), r.kind(), author, List.of(uuid), before));
        });
    }

    /** Records the time spent on one annotation step (opened, first edit or null, submitted). */
    public synchronized Revision recordStepTiming(String clipId, String aspect, String step, String author,
            Instant opened, Instant firstEdit, Instant submitted) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("step", step);
        p.put("openedAt", opened.toString());
        if (firstEdit == null) {
            p.putNull("firstEditAt");
        } else {
            p.put("firstEditAt", firstEdit.toString());
        }
        p.put("submittedAt", submitted.toString());
        return append(RevisionDraft.of(clipId, aspect, RevisionKind.STEP_TIMING, author, Json.write(p)));
    }

    /** Recomputes every derived table from the log (a maintenance operation; normal appends keep them current). */
    public synchronized void rebuildDerivedState() {
        write(() -> {
            derived.rebuild();
            return null;
        });
    }

    /**
     * Registers clips by content hash in one transaction; a clip already present keeps its record (its tags are
     * added). Returns how many were new.
     */
    public synchronized int addClips(List<NewClip> clips) {
        return write(() -> {
            int added = 0;
            for (NewClip c : clips) {
                if (storedPathLocked(c.clipId()) == null) {
                    insertClipLocked(c.clipId(), c.path(), c.sizeBytes(), c.mtimeMillis(), c.externalId(), c.media());
                    added++;
                }
                for (String tag : c.tags()) {
                    addTagLocked(c.clipId(), tag);
                }
            }
            return added;
        });
    }

    // ---------------------------------------------------------------- clips (package-private: import, relink)

    /** Inserts a new clip (and its not-started aspect rows) inside the caller's transaction. */
    void insertClipLocked(String clipId, String storedPath, long size, long mtime, String externalId,
            MediaInfo media) throws SQLException {
        PreparedStatement ps = db.ps("INSERT INTO clips(clip_id, path, size_bytes, mtime_ms, external_id, duration_s,"
                + " fps_num, fps_den, width, height, frame_count, codec, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING clip_no");
        ps.setString(1, clipId);
        ps.setString(2, storedPath);
        ps.setLong(3, size);
        ps.setLong(4, mtime);
        ps.setString(5, externalId);
        if (media == null) {
            for (int i = 6; i <= 12; i++) {
                ps.setNull(i, java.sql.Types.NULL);
            }
        } else {
            ps.setDouble(6, media.durationSeconds());
            ps.setLong(7, media.fpsNum());
            ps.setLong(8, media.fpsDen());
            ps.setInt(9, media.width());
            ps.setInt(10, media.height());
            ps.setLong(11, media.frameCount());
            ps.setString(12, media.codec());
        }
        ps.setString(13, Instant.now().toString());
        long clipNo;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            clipNo = rs.getLong(1);
        }
        PreparedStatement st = db.ps("INSERT INTO aspect_state(clip_id, aspect, clip_no, state) VALUES "
                + String.join(", ", java.util.Collections.nCopies(ASPECTS.size(), "(?, ?, ?, ?)")));
        int i = 0;
        for (String aspect : ASPECTS) {
            st.setString(++i, clipId);
            st.setString(++i, aspect);
            st.setLong(++i, clipNo);
            st.setString(++i, WorkStates.id(WorkflowState.NOT_STARTED));
        }
        st.executeUpdate();
        addSourceLocked(clipId, storedPath);
    }

    void addSourceLocked(String clipId, String storedPath) throws SQLException {
        PreparedStatement ps = db.ps("INSERT OR IGNORE INTO clip_sources(clip_id, path, seen_at) VALUES (?, ?, ?)");
        ps.setString(1, clipId);
        ps.setString(2, storedPath);
        ps.setString(3, Instant.now().toString());
        ps.executeUpdate();
    }

    void addTagLocked(String clipId, String tag) throws SQLException {
        PreparedStatement ps = db.ps("INSERT OR IGNORE INTO clip_tags(clip_id, tag) VALUES (?, ?)");
        ps.setString(1, clipId);
        ps.setString(2, tag);
        ps.executeUpdate();
    }

    void updateClipPathLocked(String clipId, String storedPath, long mtime) throws SQLException {
        PreparedStatement ps = db.ps("UPDATE clips SET path = ?, mtime_ms = ? WHERE clip_id = ?");
        ps.setString(1, storedPath);
        ps.setLong(2, mtime);
        ps.setString(3, clipId);
        ps.executeUpdate();
        addSourceLocked(clipId, storedPath);
    }

    /** The stored path of a clip, or null when absent. */
    String storedPathLocked(String clipId) throws SQLException {
        PreparedStatement ps = db.ps("SELECT path FROM clips WHERE clip_id = ?");
        ps.setString(1, clipId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    Revision appendInTransaction(RevisionDraft d) throws SQLException {
        return appendLocked(d);
    }

    /** A path as stored: relative to the project folder when inside it (so the project can move), else absolute. */
    String storedPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(info.directory())) {
            return info.directory().relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /** Resolves a stored path against the project folder. */
    public Path resolve(String storedPath) {
        return info.directory().resolve(storedPath).normalize();
    }

    Db db() {
        return db;
    }

    // ---------------------------------------------------------------- transactions

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction; a failure rolls everything back. Callers hold the monitor. */
    synchronized <T> T write(SqlWork<T> work) {
        ensureOpen();
        Connection c = db.connection;
        try {
            c.setAutoCommit(false);
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new ProjectStoreException("project database error: " + e.getMessage(), e);
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the next call reports it
            }
        }
    }

    synchronized <T> T read(SqlWork<T> work) {
        ensureOpen();
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ProjectStoreException("project database error: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("project store is closed");
        }
    }

    // ---------------------------------------------------------------- reading

    static Revision readRevision(ResultSet rs) throws SQLException {
        return new Revision(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
                RevisionKind.fromId(rs.getString(5)), rs.getString(6), rs.getString(7), Hlc.parse(rs.getString(8)),
                Json.parseUuids(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12));
    }

    public synchronized Optional<Revision> revision(UUID uuid) {
        return read(() -> revisionLocked(uuid));
    }

    private Optional<Revision> revisionLocked(UUID uuid) throws SQLException {
        PreparedStatement ps = db.ps(SELECT_REVISION + " WHERE uuid = ?");
        ps.setString(1, uuid.toString());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(readRevision(rs)) : Optional.empty();
        }
    }

    /** The revisions of a clip (all aspects when {@code aspect} is null), oldest first by HLC. */
    public synchronized List<Revision> history(String clipId, String aspect) {
        return read(() -> {
            PreparedStatement ps = db.ps(aspect == null
                    ? SELECT_REVISION + " WHERE clip_id = ? ORDER BY hlc, uuid"
                    : SELECT_REVISION + " WHERE clip_id = ? AND aspect = ? ORDER BY hlc, uuid");
            ps.setString(1, clipId);
            if (aspect != null) {
                ps.setString(2, aspect);
            }
            List<Revision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readRevision(rs));
                }
            }
            return out;
        });
    }

    /** Up to {@code limit} revisions with a local sequence number greater than {@code afterSeq} (a push cursor). */
    public synchronized List<Revision> revisionsAfter(long afterSeq, int limit) {
        return read(() -> {
            PreparedStatement ps = db.ps(SELECT_REVISION + " WHERE seq > ? ORDER BY seq LIMIT ?");
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<Revision> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readRevision(rs));
                }
            }
            return out;
        });
    }

    /** The current value of (clip, aspect, kind), including a cleared one; empty when never set. */
    public synchronized Optional<CurrentValue> current(String clipId, String aspect, RevisionKind kind) {
        return read(() -> currentLocked(clipId, aspect, kind));
    }

    Optional<CurrentValue> currentLocked(String clipId, String aspect, RevisionKind kind)
            throws SQLException {
        PreparedStatement ps = db.ps("SELECT revision_uuid, hlc, author, payload FROM current_values"
                + " WHERE clip_id = ? AND aspect = ? AND kind = ?");
        ps.setString(1, clipId);
        ps.setString(2, aspect);
        ps.setString(3, kind.id());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new CurrentValue(clipId, aspect, kind, rs.getString(1), Hlc.parse(rs.getString(2)),
                    rs.getString(3), rs.getString(4)));
        }
    }

    /** The queue state of one (clip, aspect). */
    public synchronized WorkflowState state(String clipId, String aspect) {
        return read(() -> {
            PreparedStatement ps = db.ps("SELECT state FROM aspect_state WHERE clip_id = ? AND aspect = ?");
            ps.setString(1, clipId);
            ps.setString(2, aspect);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ProjectStoreException("no clip " + clipId + " in this project");
                }
                return WorkStates.parse(rs.getString(1));
            }
        });
    }

    /** Work queue: (clip, aspect) pairs matching the filter, in import order. */
    public synchronized List<QueueEntry> workQueue(QueueQuery q) {
        return read(() -> {
            StringBuilder sql = new StringBuilder();
            List<Object> args = new ArrayList<>();
            if (q.assignee() != null && !q.assignee().isEmpty()) {
                // one person's queue: walk their assignments (overlap ones included) in import order
                sql.append("SELECT s.clip_no, s.clip_id, s.aspect, s.state, x.assignee FROM aspect_assignees x"
                        + " JOIN aspect_state s ON s.clip_id = x.clip_id AND s.aspect = x.aspect"
                        + " WHERE x.assignee = ? AND x.clip_no > ?");
                args.add(q.assignee());
                args.add(q.afterClipNo());
                appendStateFilter(sql, args, q.aspect(), q.state(), null);
            } else {
                sql.append("SELECT s.clip_no, s.clip_id, s.aspect, s.state, s.assignee FROM aspect_state s"
                        + " WHERE s.clip_no > ?");
                args.add(q.afterClipNo());
                appendStateFilter(sql, args, q.aspect(), q.state(), q.assignee());
            }
            if (q.tag() != null) {
                // EXISTS keeps the walk in import order (tags of a queue are batches: the first page is near)
                sql.append(" AND EXISTS (SELECT 1 FROM clip_tags t WHERE t.clip_id = s.clip_id AND t.tag = ?)");
                args.add(q.tag());
            }
            boolean person = q.assignee() != null && !q.assignee().isEmpty();
            sql.append(person ? " ORDER BY x.clip_no, x.aspect LIMIT ?" : " ORDER BY s.clip_no, s.aspect LIMIT ?");
            args.add(q.limit());
            PreparedStatement ps = db.ps(sql.toString());
            bind(ps, args);
            List<QueueEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new QueueEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                            WorkStates.parse(rs.getString(4)), rs.getString(5)));
                }
            }
            return out;
        });
    }

    private static void appendStateFilter(StringBuilder sql, List<Object> args, String aspect, WorkflowState state,
            String assignee) {
        if (aspect != null) {
            sql.append(" AND s.aspect = ?");
            args.add(aspect);
        }
        if (state != null) {
            sql.append(" AND s.state = ?");
            args.add(WorkStates.id(state));
        }
        if (assignee != null) {
            if (assignee.isEmpty()) {
                sql.append(" AND s.assignee IS NULL");
            } else {
                // any of the people assigned (overlap assignments name several)
                sql.append(" AND EXISTS (SELECT 1 FROM aspect_assignees x WHERE x.clip_id = s.clip_id"
                        + " AND x.aspect = s.aspect AND x.assignee = ?)");
                args.add(assignee);
            }
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    /**
     * Full-text search over the current captions, critiques and reviews. Every word of {@code text} must occur
     * (prefix match on the last word); the most recently begun annotations first.
     */
    public synchronized List<SearchHit> search(String text, int limit) {
        String match = ftsQuery(text);
        if (match.isEmpty()) {
            return List.of();
        }
        return read(() -> {
            // newest annotations first: FTS5 walks its doclists in rowid order and stops at the limit, where ranking
            // every match by relevance costs seconds on common words in a project of a million revisions
            PreparedStatement ps = db.ps("SELECT v.clip_id, v.aspect, v.kind, v.revision_uuid, t.snip FROM"
                    + " (SELECT rowid AS id, snippet(annotation_text, 0, '[', ']', '…', 12) AS snip"
                    + " FROM annotation_text WHERE annotation_text MATCH ? ORDER BY rowid DESC LIMIT ?) t"
                    + " JOIN current_values v ON v.id = t.id ORDER BY t.id DESC");
            ps.setString(1, match);
            ps.setInt(2, limit);
            List<SearchHit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SearchHit(rs.getString(1), rs.getString(2), RevisionKind.fromId(rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /** Turns user words into an FTS5 query of quoted terms (no operator injection); "" when there are none. */
    static String ftsQuery(String text) {
        List<String> terms = new ArrayList<>();
        for (String w : text.split("[^\\p{L}\\p{N}_]+")) {
            if (!w.isEmpty()) {
                terms.add("\"" + w + "\"");
            }
        }
        if (terms.isEmpty()) {
            return "";
        }
        int last = terms.size() - 1;
        terms.set(last, terms.get(last) + "*");
        return String.join(" ", terms);
    }

    /** How the status table groups (clip, aspect) states. */
    public enum GroupBy {
        ASPECT, ANNOTATOR, STATE;

        public static GroupBy parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProjectStoreException("unknown grouping '" + s + "' (use aspect, annotator or state)");
            }
        }
    }

    /** Counts of (clip, aspect) states grouped by aspect, assignee ("" = unassigned) or state alone. */
    public synchronized List<CountRow> stateCounts(GroupBy by) {
        String sql = switch (by) {
            case ASPECT -> "SELECT aspect, state, count(*) FROM aspect_state GROUP BY aspect, state";
            // every assignee of an overlap assignment counts the (clip, aspect) once
            case ANNOTATOR -> "SELECT x.assignee, s.state, count(*) FROM aspect_assignees x JOIN aspect_state s"
                    + " ON s.clip_id = x.clip_id AND s.aspect = x.aspect GROUP BY x.assignee, s.state"
                    + " UNION ALL SELECT '', state, count(*) FROM aspect_state WHERE assignee IS NULL GROUP BY state"
                    + " ORDER BY 1";
            case STATE -> "SELECT '', state, count(*) FROM aspect_state GROUP BY state";
        };
        return read(() -> counts(sql));
    }

    /** Revisions per author and kind. */
    public synchronized List<CountRow> annotatorCounts() {
        return read(() -> counts("SELECT author, kind, n FROM annotator_counts ORDER BY author, kind"));
    }

    private List<CountRow> counts(String sql) throws SQLException {
        List<CountRow> out = new ArrayList<>();
        try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new CountRow(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return out;
    }

    /**
     * The review queue of {@code reviewer}: submitted (clip, aspect) pairs whose critique, post-caption or submission
     * {@code reviewer} did not write (nobody reviews their own work), those whose assignment names {@code reviewer}
     * as their reviewer first, then in import order.
     */
    public synchronized List<ReviewItem> reviewQueue(String reviewer, int limit) {
        return read(() -> {
            PreparedStatement ps = db.ps("SELECT clip_no, clip_id, aspect, reviewer FROM (SELECT s.clip_no,"
                    + " s.clip_id, s.aspect, coalesce(json_extract(a.payload, '$.reviewer'),"
                    + " json_extract(c.payload, '$.reviewer')) AS reviewer FROM aspect_state s"
                    + " LEFT JOIN current_values a ON a.clip_id = s.clip_id AND a.aspect = s.aspect"
                    + " AND a.kind = 'assignment'"
                    + " LEFT JOIN current_values c ON c.clip_id = s.clip_id AND c.aspect = '' AND c.kind = 'assignment'"
                    + " WHERE s.state = 'submitted' AND NOT EXISTS (SELECT 1 FROM revisions r"
                    + " WHERE r.clip_id = s.clip_id AND r.aspect = s.aspect AND r.author = ?"
                    + " AND r.kind IN ('critique', 'post_caption', 'submission')))"
                    + " ORDER BY (reviewer IS ?) DESC, clip_no, aspect LIMIT ?");
            ps.setString(1, reviewer);
            ps.setString(2, reviewer);
            ps.setInt(3, limit);
            List<ReviewItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReviewItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /**
     * Per person: how many of the (clip, aspect) pairs assigned to them they have themselves submitted (their own
     * latest submission says submitted). With overlap assignments the shared queue state moves with the first
     * submission; this counts each assignee's own.
     */
    public synchronized Map<String, Long> ownSubmissions() {
        return read(() -> {
            Map<String, Long> out = new java.util.TreeMap<>();
            try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT x.assignee, count(*) FROM aspect_assignees x WHERE (SELECT json_extract(r.payload,"
                            + " '$.submitted') FROM revisions r WHERE r.clip_id = x.clip_id AND r.aspect = x.aspect"
                            + " AND r.author = x.assignee AND r.kind = 'submission'"
                            + " ORDER BY r.hlc DESC, r.uuid DESC LIMIT 1) = 1 GROUP BY x.assignee")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Mean time per step and annotator from the recorded step timings. */
    public synchronized List<StepTimeStats> stepTimeStats() {
        return read(() -> {
            List<StepTimeStats> out = new ArrayList<>();
            try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT author, step, count(*), avg(first_edit_ms - opened_ms), avg(submitted_ms - opened_ms)"
                            + " FROM step_times GROUP BY author, step ORDER BY author, step")) {
                while (rs.next()) {
                    double first = rs.getDouble(4);
                    out.add(new StepTimeStats(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.wasNull() ? Double.NaN : first, rs.getDouble(5)));
                }
            }
            return out;
        });
    }

    public synchronized long clipCount() {
        return read(() -> single("SELECT count(*) FROM clips"));
    }

    public synchronized long revisionCount() {
        return read(() -> single("SELECT count(*) FROM revisions"));
    }

    private long single(String sql) throws SQLException {
        try (Statement st = db.connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Clips matching the filters (null = any), in import order after {@code afterClipNo}. A clip matches when one of
     * its aspects matches aspect/state/assignee together.
     */
    public synchronized List<ClipRecord> clips(String aspect, WorkflowState state, String assignee, String tag,
            long afterClipNo, int limit) {
        return read(() -> {
            StringBuilder sql = new StringBuilder(
                    "SELECT clip_no, clip_id, path, size_bytes, mtime_ms, external_id, duration_s, fps_num, fps_den,"
                            + " width, height, frame_count, codec, imported_at FROM clips c WHERE c.clip_no > ?");
            List<Object> args = new ArrayList<>();
            args.add(afterClipNo);
            if (aspect != null || state != null || assignee != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM aspect_state s WHERE s.clip_id = c.clip_id");
                appendStateFilter(sql, args, aspect, state, assignee);
                sql.append(")");
            }
            if (tag != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM clip_tags t WHERE t.clip_id = c.clip_id AND t.tag = ?)");
                args.add(tag);
            }
            sql.append(" ORDER BY c.clip_no LIMIT ?");
            args.add(limit);
            PreparedStatement ps = db.ps(sql.toString());
            bind(ps, args);
            List<ClipRecord> partial = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    partial.add(readClip(rs));
                }
            }
            List<ClipRecord> out = new ArrayList<>(partial.size());
            for (ClipRecord c : partial) {
                out.add(withDetails(c));
            }
            return out;
        });
    }

    /** One clip by id. */
    public synchronized Optional<ClipRecord> clip(String clipId) {
        return read(() -> {
            PreparedStatement ps = db.ps("SELECT clip_no, clip_id, path, size_bytes, mtime_ms, external_id,"
                    + " duration_s, fps_num, fps_den, width, height, frame_count, codec, imported_at FROM clips"
                    + " WHERE clip_id = ?");
            ps.setString(1, clipId);
            ClipRecord c;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                c = readClip(rs);
            }
            return Optional.of(withDetails(c));
        });
    }

    private ClipRecord readClip(ResultSet rs) throws SQLException {
        MediaInfo media = null;
        long fpsNum = rs.getLong(8);
        if (!rs.wasNull()) {
            media = new MediaInfo(rs.getDouble(7), fpsNum, rs.getLong(9), rs.getInt(10), rs.getInt(11),
                    rs.getLong(12), rs.getString(13));
        }
        return new ClipRecord(rs.getLong(1), rs.getString(2), resolve(rs.getString(3)), rs.getLong(4), rs.getLong(5),
                rs.getString(6), media, rs.getString(14), List.of(), Map.of(), Map.of());
    }

    private ClipRecord withDetails(ClipRecord c) throws SQLException {
        List<String> tags = new ArrayList<>();
        PreparedStatement tp = db.ps("SELECT tag FROM clip_tags WHERE clip_id = ? ORDER BY tag");
        tp.setString(1, c.clipId());
        try (ResultSet rs = tp.executeQuery()) {
            while (rs.next()) {
                tags.add(rs.getString(1));
            }
        }
        Map<String, WorkflowState> states = new LinkedHashMap<>();
        Map<String, String> assignees = new LinkedHashMap<>();
        PreparedStatement sp = db.ps("SELECT aspect, state, assignee FROM aspect_state WHERE clip_id = ?");
        sp.setString(1, c.clipId());
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (ResultSet rs = sp.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        for (String aspect : ASPECTS) {
            String[] row = rows.get(aspect);
            if (row != null) {
                states.put(aspect, WorkStates.parse(row[0]));
                if (row[1] != null) {
                    assignees.put(aspect, row[1]);
                }
            }
        }
        return new ClipRecord(c.clipNo(), c.clipId(), c.path(), c.sizeBytes(), c.mtimeMillis(), c.externalId(),
                c.media(), c.importedAt(), tags, states, assignees);
    }

    /**
     * Finds a clip by full id, unique id prefix (at least 6 hex digits), external id or media path; throws a
     * user-facing error when none or several match.
     */
    public synchronized String resolveClip(String ref) {
        return read(() -> {
            List<String> found = new ArrayList<>();
            String lower = ref.toLowerCase(Locale.ROOT);
            if (lower.matches("[0-9a-f]{6,64}")) {
                PreparedStatement ps = db.ps("SELECT clip_id FROM clips WHERE clip_id >= ? AND clip_id < ? LIMIT 2");
                ps.setString(1, lower);
                ps.setString(2, lower + "g");
                collect(ps, found);
            }
            if (found.isEmpty()) {
                PreparedStatement ps = db.ps("SELECT clip_id FROM clips WHERE external_id = ? LIMIT 2");
                ps.setString(1, ref);
                collect(ps, found);
            }
            if (found.isEmpty()) {
                PreparedStatement ps = db.ps("SELECT DISTINCT clip_id FROM clip_sources WHERE path = ? LIMIT 2");
                ps.setString(1, storedPath(Path.of(ref)));
                collect(ps, found);
            }
            if (found.isEmpty()) {
                throw new ProjectStoreException("no clip matches '" + ref + "' (give a clip id, id prefix, external id"
                        + " or media path)");
            }
            if (found.size() > 1) {
                throw new ProjectStoreException("'" + ref + "' matches several clips; give more of the clip id");
            }
            return found.get(0);
        });
    }

    private static void collect(PreparedStatement ps, List<String> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
    }

    /** {@code PRAGMA integrity_check}: "ok" or the problems SQLite reports. */
    public synchronized String integrityCheck() {
        return read(() -> {
            List<String> lines = new ArrayList<>();
            try (Statement st = db.connection.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return String.join("\n", lines);
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try (Statement st = db.connection.createStatement()) {
                // keep the query planner's statistics current, cheaply (sampled): SQLite's advice for long-lived files
                st.execute("PRAGMA analysis_limit = 400");
                st.execute("PRAGMA optimize");
            } catch (SQLException e) {
                // statistics are an optimization; closing must not fail for them
            }
            db.close();
        } catch (SQLException e) {
            throw new ProjectStoreException("cannot close project database: " + e.getMessage(), e);
        }
    }
}
