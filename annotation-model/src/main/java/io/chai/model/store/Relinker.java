// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds clips whose media file is missing under a new root folder by content hash. Only files whose size equals a
 * missing clip's size are hashed (in parallel, with the project's hash cache), so relinking a moved media folder
 * costs one hash per candidate file.
 */
public final class Relinker {
    private final ProjectStore store;
    private final int threads;

    public Relinker(ProjectStore store, int threads) {
        this.store = store;
        this.threads = Math.max(1, threads);
    }

    private record Missing(String clipId, String path, long size) {
    }

    public RelinkReport relink(Path newRoot) {
        if (!Files.isDirectory(newRoot)) {
            throw new ProjectStoreException("not a folder: " + newRoot);
        }
        List<Missing> missing = new ArrayList<>();
        store.read(() -> {
            try (PreparedStatement ps = store.db().connection.prepareStatement(
                    "SELECT clip_id, path, size_bytes FROM clips ORDER BY clip_no"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!Files.isRegularFile(store.resolve(rs.getString(2)))) {
                        missing.add(new Missing(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return null;
        });
        Map<Long, List<Missing>> bySize = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        for (Missing m : missing) {
            bySize.computeIfAbsent(m.size(), k -> new ArrayList<>()).add(m);
            wanted.add(m.clipId());
        }
        List<Path> candidates = new ArrayList<>();
        List<ImportProblem> problems = Collections.synchronizedList(new ArrayList<>());
        int[] scanned = {0};
        if (!missing.isEmpty()) {
            try {
                Files.walkFileTree(newRoot, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        scanned[0]++;
                        if (attrs.isRegularFile() && bySize.containsKey(attrs.size())) {
                            candidates.add(file.toAbsolutePath().normalize());
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
                throw new ProjectStoreException("cannot scan " + newRoot + ": " + FileHashCache.reason(e), e);
            }
        }
        FileHashCache cache = FileHashCache.load(store);
        List<FileHashCache.Hashed> hashed = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            pool.submit(() -> candidates.parallelStream().forEach(file -> {
                try {
                    hashed.add(cache.hash(file, FileHashCache.attributes(file)));
                } catch (IOException e) {
                    problems.add(new ImportProblem(file.toString(), FileHashCache.reason(e)));
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectStoreException("relink interrupted; nothing was changed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
        hashed.sort(java.util.Comparator.comparing(h -> h.file().toString()));
        Map<String, Missing> byId = new HashMap<>();
        missing.forEach(m -> byId.put(m.clipId(), m));
        List<RelinkReport.Moved> moved = new ArrayList<>();
        store.write(() -> {
            for (FileHashCache.Hashed h : hashed) {
                FileHashCache.save(store, h);
                Missing m = byId.get(h.sha256());
                if (m != null && wanted.remove(h.sha256())) {
                    String to = store.storedPath(h.file());
                    store.updateClipPathLocked(m.clipId(), to, h.mtime());
                    moved.add(new RelinkReport.Moved(m.clipId(), m.path(), to));
                }
            }
            return null;
        });
        List<ImportProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(ImportProblem::where));
        return new RelinkReport(moved, missing.size(), wanted.size(), scanned[0], sorted);
    }
}
