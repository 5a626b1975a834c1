// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.chai.model.domain.PreCaption;
import io.chai.model.json.ChaiJson;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Imports media into a project: folders (recursive, filtered by extension), single files and CSV/JSONL manifests.
 * Files are hashed (SHA-256, cached by path, size and modification time) and probed on worker threads; results
 * are committed in small batches by the calling thread, so a crash or a cancel loses nothing committed. Every file
 * of a run is recorded first ({@code import_items}); {@link #resume} continues the files a crashed or cancelled
 * run had not reached. Content already in the project is one clip (duplicates add a known location; a clip whose
 * file had moved gets the new path). Unreadable files and malformed manifest rows are reported and skipped.
 */
public final class MediaImporter {
    /** Video file extensions a folder import picks up by default. */
    public static final Set<String> DEFAULT_EXTENSIONS = Set.of("mp4", "mov", "m4v", "mkv", "webm", "avi", "mxf",
            "mpg", "mpeg", "ts", "m2ts", "mts", "wmv", "flv", "3gp", "ogv", "y4m");
    private static final int BATCH = 200;
    private static final long BATCH_MILLIS = 500;

    private final ProjectStore store;
    private final MediaProber prober;
    private final int threads;

    public MediaImporter(ProjectStore store, MediaProber prober, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.store = store;
        this.prober = prober;
        this.threads = threads;
    }

    /** The newest run that was cancelled or did not finish (e.g. the process was killed), if any. */
    public OptionalLong unfinishedRun() {
        return store.read(() -> {
            try (PreparedStatement ps = store.db().connection.prepareStatement(
                    "SELECT max(run_id) FROM import_runs WHERE state <> 'finished'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(id);
            }
        });
    }

    /** Imports {@code inputs}; {@code extensions} (lower case, no dot) filters folder contents. */
    public ImportReport importPaths(List<Path> inputs, Set<String> extensions, String author, ImportListener listener,
            AtomicBoolean cancel) {
        List<ImportItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (Path input : inputs) {
            plan(input, extensions, items, problems);
        }
        long runId = store.write(() -> createRun(inputs, author, items, problems));
        return process(runId, author, listener, cancel);
    }

    /** Continues the newest unfinished run; throws a user-facing error when there is none. */
    public ImportReport resume(ImportListener listener, AtomicBoolean cancel) {
        long runId = unfinishedRun().orElseThrow(() -> new ProjectStoreException("there is no interrupted import"
                + " to resume"));
        String author = store.read(() -> {
            PreparedStatement ps = store.db().ps("SELECT author FROM import_runs WHERE run_id = ?");
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        store.write(() -> {
            PreparedStatement ps = store.db().ps("UPDATE import_runs SET state = 'running' WHERE run_id = ?");
            ps.setLong(1, runId);
            ps.executeUpdate();
            return null;
        });
        return process(runId, author, listener, cancel);
    }

    // ------------------------------------------------------------------------------------------------ planning

    private static void plan(Path input, Set<String> extensions, List<ImportItem> items,
            List<ImportProblem> problems) {
        if (Files.isDirectory(input)) {
            try {
                Files.walkFileTree(input, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!attrs.isDirectory() && extensions.contains(extension(file))) {
                            items.add(ImportItem.plain(file.toAbsolutePath().normalize(), "folder " + input));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(new ImportProblem(file.toString(), FileHashCache.reason(e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.add(new ImportProblem(input.toString(), FileHashCache.reason(e)));
            }
        } else if (ManifestReader.isManifest(input)) {
            if (!Files.exists(input)) {
                problems.add(new ImportProblem(input.toString(), "manifest not found"));
                return;
            }
            ManifestReader.Result r = ManifestReader.read(input);
            items.addAll(r.items());
            problems.addAll(r.problems());
        } else if (Files.exists(input) || Files.isSymbolicLink(input)) {
            items.add(ImportItem.plain(input.toAbsolutePath().normalize(), "argument"));
        } else {
            problems.add(new ImportProblem(input.toString(), "no such file or folder"));
        }
    }

    static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private long createRun(List<Path> inputs, String author, List<ImportItem> items, List<ImportProblem> problems)
            throws SQLException {
        ArrayNode in = Json.MAPPER.createArrayNode();
        inputs.forEach(p -> in.add(p.toString()));
        PreparedStatement run = store.db().ps("INSERT INTO import_runs(started_at, state, inputs, author)"
                + " VALUES (?, 'running', ?, ?) RETURNING run_id");
        run.setString(1, Instant.now().toString());
        run.setString(2, Json.write(in));
        run.setString(3, author);
        long runId;
        try (ResultSet rs = run.executeQuery()) {
            rs.next();
            runId = rs.getLong(1);
        }
        PreparedStatement ins = store.db().ps("INSERT INTO import_items(run_id, item_no, item, status, message)"
                + " VALUES (?, ?, ?, ?, ?)");
        int no = 0;
        for (ImportProblem p : problems) {
            ins.setLong(1, runId);
            ins.setInt(2, ++no);
            ins.setString(3, Json.write(Json.MAPPER.createObjectNode().put("where", p.where())));
            ins.setString(4, "failed");
            ins.setString(5, p.reason());
            ins.executeUpdate();
        }
        for (ImportItem item : items) {
            ins.setLong(1, runId);
            ins.setInt(2, ++no);
            ins.setString(3, item.toJson());
            ins.setString(4, "pending");
            ins.setString(5, null);
            ins.executeUpdate();
        }
        return runId;
    }

    // ------------------------------------------------------------------------------------------------ processing

    /** What a worker found for one file: a hash and (for new content) probe facts, or why it is skipped. */
    private record Outcome(int itemNo, ImportItem item, FileHashCache.Hashed hashed, MediaInfo media, String failure,
            boolean notReached) {
    }

    private final class Counters {
        int imported;
        int duplicates;
        int relocated;
        int preCaptions;
        int skipped;
        int done;
        int total;
    }

    private ImportReport process(long runId, String author, ImportListener listener, AtomicBoolean cancel) {
        List<Map.Entry<Integer, ImportItem>> pending = new ArrayList<>();
        Counters n = new Counters();
        store.read(() -> {
            PreparedStatement ps = store.db().ps("SELECT item_no, item, status FROM import_items WHERE run_id = ?"
                    + " ORDER BY item_no");
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n.total++;
                    switch (rs.getString(3)) {
                        case "pending" -> pending.add(Map.entry(rs.getInt(1), ImportItem.fromJson(rs.getString(2))));
                        case "imported" -> { n.imported++; n.done++; }
                        case "duplicate" -> { n.duplicates++; n.done++; }
                        default -> { n.skipped++; n.done++; }
                    }
                }
            }
            return null;
        });
        FileHashCache hashes = FileHashCache.load(store);
        Set<String> known = ConcurrentHashMap.newKeySet();
        store.read(() -> {
            try (PreparedStatement ps = store.db().connection.prepareStatement("SELECT clip_id FROM clips");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
            return null;
        });
        Map<String, CompletableFuture<MediaInfo>> probes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chai-import");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Outcome> cs = new ExecutorCompletionService<>(pool);
        List<Outcome> batch = new ArrayList<>();
        int next = 0;
        int inFlight = 0;
        long lastCommit = System.currentTimeMillis();
        try {
            while (true) {
                while (!cancel.get() && next < pending.size() && inFlight < threads * 4) {
                    Map.Entry<Integer, ImportItem> e = pending.get(next++);
                    cs.submit(() -> examine(e.getKey(), e.getValue(), hashes, known, probes, cancel));
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                Future<Outcome> f = cs.poll(100, TimeUnit.MILLISECONDS);
                if (f != null) {
                    inFlight--;
                    batch.add(f.get());
                }
                long now = System.currentTimeMillis();
                if (batch.size() >= BATCH || (!batch.isEmpty() && (now - lastCommit >= BATCH_MILLIS || inFlight == 0))) {
                    commit(runId, author, batch, known, n);
                    batch.clear();
                    lastCommit = now;
                    listener.progress(n.done, n.total, n.imported, n.duplicates, n.skipped);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.set(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("import worker failed", e.getCause());
        } catch (RuntimeException e) {
            throw new ProjectStoreException("import stopped: " + e.getMessage() + "; " + n.imported
                    + " clips were imported and kept; continue with 'chai import --resume'", e);
        } finally {
            pool.shutdownNow();
        }
        boolean cancelled = cancel.get() && n.done < n.total;
        store.write(() -> {
            PreparedStatement ps = store.db().ps("UPDATE import_runs SET state = ?, finished_at = ? WHERE run_id = ?");
            ps.setString(1, cancelled ? "cancelled" : "finished");
            ps.setString(2, cancelled ? null : Instant.now().toString());
            ps.setLong(3, runId);
            ps.executeUpdate();
            return null;
        });
        return new ImportReport(runId, n.imported, n.duplicates, n.relocated, n.preCaptions, problems(runId),
                cancelled, n.total - n.done);
    }

    private Outcome examine(int itemNo, ImportItem item, FileHashCache hashes, Set<String> known,
            Map<String, CompletableFuture<MediaInfo>> probes, AtomicBoolean cancel) {
        if (cancel.get()) {
            return new Outcome(itemNo, item, null, null, null, true);
        }
        FileHashCache.Hashed h;
        try {
            BasicFileAttributes attrs = FileHashCache.attributes(item.file());
            if (!attrs.isRegularFile()) {
                return new Outcome(itemNo, item, null, null, "not a regular file", false);
            }
            h = hashes.hash(item.file(), attrs);
        } catch (IOException e) {
            return new Outcome(itemNo, item, null, null, FileHashCache.reason(e), false);
        }
        if (known.contains(h.sha256())) {
            return new Outcome(itemNo, item, h, null, null, false);
        }
        CompletableFuture<MediaInfo> mine = new CompletableFuture<>();
        CompletableFuture<MediaInfo> probe = probes.putIfAbsent(h.sha256(), mine);
        if (probe == null) {
            probe = mine;
            try {
                mine.complete(prober.probe(item.file()));
            } catch (Exception e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return new Outcome(itemNo, item, h, probe.join(), null, false);
        } catch (RuntimeException e) {
            if (cancel.get()) {
                return new Outcome(itemNo, item, null, null, null, true); // the probe was cancelled: still pending
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String m = cause.getMessage();
            return new Outcome(itemNo, item, h, null, "not readable media: "
                    + (m == null || m.isBlank() ? cause.getClass().getSimpleName() : m.lines().findFirst().orElse(m)),
                    false);
        }
    }

    private void commit(long runId, String author, List<Outcome> batch, Set<String> known, Counters n) {
        store.write(() -> {
            for (Outcome o : batch) {
                if (o.notReached()) {
                    continue;
                }
                if (o.hashed() != null) {
                    FileHashCache.save(store, o.hashed());
                }
                if (o.failure() != null) {
                    mark(runId, o.itemNo(), "failed", null, o.failure());
                    n.skipped++;
                    n.done++;
                    continue;
                }
                String clipId = o.hashed().sha256();
                String stored = store.storedPath(o.item().file());
                String existing = store.storedPathLocked(clipId);
                String status;
                if (existing == null) {
                    if (o.media() == null) {
                        // content known at start but not in this database any more cannot happen (clips are
                        // never deleted); treat as unreadable rather than store an unprobed clip
                        mark(runId, o.itemNo(), "failed", null, "not probed");
                        n.skipped++;
                        n.done++;
                        continue;
                    }
                    store.insertClipLocked(clipId, stored, o.hashed().size(), o.hashed().mtime(),
                            o.item().externalId(), o.media());
                    known.add(clipId);
                    n.imported++;
                    status = "imported";
                } else {
                    if (!existing.equals(stored) && !Files.exists(store.resolve(existing))) {
                        store.updateClipPathLocked(clipId, stored, o.hashed().mtime());
                        n.relocated++;
                    } else {
                        store.addSourceLocked(clipId, stored);
                    }
                    if (o.item().externalId() != null) {
                        PreparedStatement ps = store.db().ps(
                                "UPDATE clips SET external_id = ? WHERE clip_id = ? AND external_id IS NULL");
                        ps.setString(1, o.item().externalId());
                        ps.setString(2, clipId);
                        ps.executeUpdate();
                    }
                    n.duplicates++;
                    status = "duplicate";
                }
                annotate(clipId, o.item(), author, n);
                mark(runId, o.itemNo(), status, clipId, null);
                n.done++;
            }
            return null;
        });
    }

    /** Tags, assignment and pre-captions a manifest row carries; unchanged values add no revision. */
    private void annotate(String clipId, ImportItem item, String author, Counters n) throws SQLException {
        for (String tag : item.tags()) {
            store.addTagLocked(clipId, tag);
        }
        if (item.assignee() != null) {
            String current = store.currentLocked(clipId, "", RevisionKind.ASSIGNMENT)
                    .map(c -> DerivedState.assignee(Json.parse(c.payload()))).orElse(null);
            if (!item.assignee().equals(current)) {
                store.appendInTransaction(RevisionDraft.of(clipId, "", RevisionKind.ASSIGNMENT, author,
                        Json.write(Json.MAPPER.createObjectNode().put("assignee", item.assignee()))));
            }
        }
        for (Map.Entry<String, String> c : item.captions().entrySet()) {
            String text = c.getValue();
            boolean same = store.currentLocked(clipId, c.getKey(), RevisionKind.PRE_CAPTION)
                    .map(cur -> {
                        JsonNode p = Json.parse(cur.payload());
                        return text.equals(p.path("pre_caption").asText(null));
                    }).orElse(false);
            if (same) {
                continue;
            }
            PreCaption pre = PreCaption.imported(text, item.captionSource(), Instant.now());
            String payload;
            try {
                payload = MAPPER.writeValueAsString(pre);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            store.appendInTransaction(RevisionDraft.of(clipId, c.getKey(), RevisionKind.PRE_CAPTION, author,
                    payload));
            n.preCaptions++;
        }
    }

    private static final com.fasterxml.jackson.databind.json.JsonMapper MAPPER = ChaiJson.newMapper();

    private void mark(long runId, int itemNo, String status, String clipId, String message) throws SQLException {
        PreparedStatement ps = store.db().ps(
                "UPDATE import_items SET status = ?, clip_id = ?, message = ? WHERE run_id = ? AND item_no = ?");
        ps.setString(1, status);
        ps.setString(2, clipId);
        ps.setString(3, message);
        ps.setLong(4, runId);
        ps.setInt(5, itemNo);
        ps.executeUpdate();
    }

    /** Every skipped file or row of a run, in the order they were listed. */
    private List<ImportProblem> problems(long runId) {
        return store.read(() -> {
            List<ImportProblem> out = new ArrayList<>();
            PreparedStatement ps = store.db().ps("SELECT item, message FROM import_items WHERE run_id = ?"
                    + " AND status = 'failed' ORDER BY item_no");
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode item = Json.parse(rs.getString(1));
                    String where;
                    if (item.has("where")) {
                        where = item.get("where").asText();
                    } else {
                        String origin = item.path("origin").asText("");
                        String path = item.path("path").asText();
                        where = origin.contains(" row ") ? origin + " (" + path + ")" : path;
                    }
                    out.add(new ImportProblem(where, rs.getString(2)));
                }
            }
            return out;
        });
    }
}
