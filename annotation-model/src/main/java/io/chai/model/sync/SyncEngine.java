// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import io.chai.model.spec.SemanticVersion;
import io.chai.model.store.ClipRecord;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectInfo;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Synchronizes one project copy with a {@link SharedStore}: pushes this device's clips and revisions the store has
 * not acknowledged, then pulls other devices' records after the local cursor and applies them to the project
 * (idempotently, by UUID). Every step is batched and durable before the cursor moves past it, so a sync interrupted
 * anywhere (connection lost, process killed, torn file) resumes on the next run without losing or duplicating a
 * revision. Refuses a store labeled under an incompatible specification (different id or MAJOR version).
 */
public final class SyncEngine {
    /** Called between the durable steps of a sync; tests throw from it to simulate a crash at that point. */
    @FunctionalInterface
    public interface Checkpoint {
        void reached(String step);
    }

    private final int batchSize;
    private final Checkpoint checkpoint;

    public SyncEngine() {
        this(5_000, step -> { });
    }

    public SyncEngine(int batchSize, Checkpoint checkpoint) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.batchSize = batchSize;
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** Refuses a store whose specification id differs or whose version has another MAJOR number. */
    public static void checkCompatible(ProjectInfo project, StoreInfo store) {
        if (!project.specId().equals(store.specId())) {
            throw new SyncException("the shared store at " + store.location() + " holds labels of specification '"
                    + store.specId() + "', this project uses '" + project.specId() + "': sync refused");
        }
        SemanticVersion mine;
        SemanticVersion theirs;
        try {
            mine = SemanticVersion.parse(project.specVersion());
            theirs = SemanticVersion.parse(store.specVersion());
        } catch (IllegalArgumentException e) {
            throw new SyncException("cannot compare specification versions (" + e.getMessage() + "): sync refused", e);
        }
        if (!mine.isCompatibleWith(theirs)) {
            throw new SyncException("the shared store at " + store.location() + " is labeled under specification "
                    + store.specId() + " " + theirs + ", this project uses " + mine
                    + " (different major version): sync refused; use a project with specification " + theirs.major()
                    + ".x");
        }
    }

    /** Pushes, then pulls; see the class comment. */
    public SyncReport sync(ProjectStore project, SharedStore store) {
        ProjectInfo info = project.info();
        StoreInfo si = store.info();
        checkCompatible(info, si);
        Path dir = project.directory();
        try {
            Files.createDirectories(dir.resolve("sync"));
        } catch (IOException e) {
            throw new SyncException("cannot create " + dir.resolve("sync") + ": " + e.getMessage(), e);
        }
        try (FileChannel ch = FileChannel.open(dir.resolve("sync").resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(ch)) {
            if (lock == null) {
                throw new SyncException("another sync of this project is running; wait for it to finish");
            }
            return syncLocked(project, store, info.deviceId(), stateKey(store));
        } catch (IOException e) {
            throw new SyncException("cannot lock " + dir.resolve("sync") + ": " + e.getMessage(), e);
        }
    }

    /** The name of the local state of this store (and this person's account on it, when it has accounts). */
    public static String stateKey(SharedStore store) {
        String who = store.identity();
        return who.isEmpty() ? store.info().storeId() : store.info().storeId() + "-" + who;
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * How many revisions of this device the next sync would push to {@code store} (same rule and cursor as
     * {@link #sync}); for status displays.
     */
    public static long pendingPush(ProjectStore project, SharedStore store) {
        String device = project.info().deviceId();
        SyncState state = SyncState.load(project.directory(), stateKey(store));
        long after = Math.max(store.acknowledged(device).seq(), state.scannedSeq());
        long pending = 0;
        while (true) {
            List<Revision> page = project.revisionsAfter(after, 10_000);
            if (page.isEmpty()) {
                return pending;
            }
            pending += page.stream().filter(r -> isOwnToPush(r, device, store)).count();
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Another author's revisions made here wait for their author's own sync (own state file). */
    private static boolean isOwnToPush(Revision r, String device, SharedStore store) {
        return r.device().equals(device) && store.accepts(r);
    }

    private SyncReport syncLocked(ProjectStore project, SharedStore store, String device, String storeId) {
        Path dir = project.directory();
        SyncState state = SyncState.load(dir, storeId);
        PushCursor ack = store.acknowledged(device);
        checkpoint.reached("acknowledged");

        // push: clips first (revisions need them), then this device's revisions, then clips imported meanwhile
        long pushedClips = pushClips(project, store, device, ack);
        ack = store.acknowledged(device);
        long pushedRevisions = 0;
        long scan = Math.max(ack.seq(), state.scannedSeq());
        while (true) {
            List<Revision> page = project.revisionsAfter(scan, batchSize);
            if (page.isEmpty()) {
                break;
            }
            List<SyncRecord> own = new ArrayList<>();
            for (Revision r : page) {
                if (isOwnToPush(r, device, store)) {
                    own.add(new SyncRecord.RevisionEntry(r));
                }
            }
            scan = page.get(page.size() - 1).seq();
            if (!own.isEmpty()) {
                store.push(device, own, new PushCursor(scan, ack.clipNo()));
                ack = new PushCursor(scan, ack.clipNo());
                pushedRevisions += own.size();
                checkpoint.reached("pushed-revisions");
            }
            state = state.withScanned(scan);
            state.save(dir, storeId);
            checkpoint.reached("saved-scan");
        }
        pushedClips += pushClips(project, store, device, store.acknowledged(device));

        // pull: the next batch is fetched (read-only) while the current one is applied to the project
        long pulled = 0;
        long applied = 0;
        Set<String> touched = new LinkedHashSet<>();
        Set<String> knownClips = new HashSet<>();
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chai-sync-pull");
            t.setDaemon(true);
            return t;
        });
        try {
            String firstCursor = state.pullCursor();
            Future<PullBatch> next = prefetch.submit(() -> store.pull(device, firstCursor, batchSize));
            while (true) {
                PullBatch batch = await(next);
                checkpoint.reached("pulled");
                next = batch.more() ? prefetch.submit(() -> store.pull(device, batch.nextCursor(), batchSize)) : null;
                pulled += batch.records().size();
                List<NewClip> clips = new ArrayList<>();
                List<Revision> revisions = new ArrayList<>();
                for (SyncRecord r : state.pending()) {
                    revisions.add(((SyncRecord.RevisionEntry) r).revision());
                }
                for (SyncRecord r : batch.records()) {
                    if (r instanceof SyncRecord.ClipEntry c) {
                        clips.add(c.clip());
                    } else {
                        revisions.add(((SyncRecord.RevisionEntry) r).revision());
                    }
                }
                if (!clips.isEmpty()) {
                    project.addClips(clips);
                    clips.forEach(c -> knownClips.add(c.clipId()));
                    checkpoint.reached("applied-clips");
                }
                List<Revision> ready = new ArrayList<>();
                List<SyncRecord> waiting = new ArrayList<>();
                for (Revision r : revisions) {
                    if (knownClips.contains(r.clipId()) || project.clip(r.clipId()).isPresent()) {
                        knownClips.add(r.clipId());
                        ready.add(r);
                        touched.add(r.clipId() + "\u0000" + r.aspect());
                    } else {
                        waiting.add(new SyncRecord.RevisionEntry(r));
                    }
                }
                if (!ready.isEmpty()) {
                    applied += project.appendRemoteAll(ready);
                    checkpoint.reached("applied-revisions");
                }
                state = state.withPull(batch.nextCursor(), waiting);
                state.save(dir, storeId);
                checkpoint.reached("saved-pull");
                if (next == null) {
                    break;
                }
            }
        } finally {
            // a prefetch still running only reads; let it finish before the caller may close the store
            prefetch.shutdown();
            awaitQuietly(prefetch);
        }

        List<Conflict> conflicts = new ArrayList<>();
        for (String key : touched) {
            int cut = key.indexOf('\u0000');
            conflicts.addAll(Conflicts.of(project, key.substring(0, cut), key.substring(cut + 1)));
        }
        state = state.finished(Instant.now(), conflicts.size());
        state.save(dir, storeId);
        return new SyncReport(pushedClips, pushedRevisions, pulled, applied, state.pending().size(), conflicts);
    }

    private static PullBatch await(Future<PullBatch> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SyncException("pull failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("sync interrupted; run it again: it resumes where it stopped", e);
        }
    }

    private static void awaitQuietly(ExecutorService ex) {
        try {
            if (!ex.awaitTermination(5, TimeUnit.MINUTES)) {
                ex.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long pushClips(ProjectStore project, SharedStore store, String device, PushCursor ack) {
        long pushed = 0;
        long after = ack.clipNo();
        while (true) {
            List<ClipRecord> page = project.clips(null, null, null, null, after, batchSize);
            if (page.isEmpty()) {
                return pushed;
            }
            List<SyncRecord> records = new ArrayList<>(page.size());
            for (ClipRecord c : page) {
                records.add(new SyncRecord.ClipEntry(new NewClip(c.clipId(), sharedPath(project, c.path()),
                        c.sizeBytes(), c.mtimeMillis(), c.externalId(), c.media(), c.tags())));
            }
            after = page.get(page.size() - 1).clipNo();
            store.push(device, records, new PushCursor(ack.seq(), after));
            pushed += records.size();
            checkpoint.reached("pushed-clips");
        }
    }

    /** A clip's path as other copies should store it: relative when inside the project folder, else absolute. */
    private static String sharedPath(ProjectStore project, Path path) {
        Path base = project.directory();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
