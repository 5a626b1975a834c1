// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.store.ClipRecord;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random offline edits on three workstations, each seeing the shared folder through its own replica that a
 * simulated sync client fills file by file, out of order and sometimes only partly (torn writes); random syncs,
 * interrupted at random points (a crash between any two durable steps, a lost connection before or after a push is
 * stored). After everything is delivered and everybody syncs, every revision is present exactly once everywhere and
 * all derived states are equal.
 */
class SyncPropertyTest {
    @TempDir
    Path tmp;

    private static final class Crash extends RuntimeException {
        Crash(String where) {
            super("simulated crash at " + where);
        }
    }

    /** Loses the connection at random: before a push, after a push was stored (ack lost), or before a pull. */
    private static final class FlakyStore implements SharedStore {
        private final SharedStore inner;
        private final Random rnd;

        FlakyStore(SharedStore inner, Random rnd) {
            this.inner = inner;
            this.rnd = rnd;
        }

        @Override
        public StoreInfo info() {
            return inner.info();
        }

        @Override
        public PushCursor acknowledged(String deviceId) {
            return inner.acknowledged(deviceId);
        }

        @Override
        public void push(String deviceId, List<SyncRecord> records, PushCursor upTo) {
            if (rnd.nextInt(10) == 0) {
                throw new Crash("connection lost before push");
            }
            inner.push(deviceId, records, upTo);
            if (rnd.nextInt(10) == 0) {
                throw new Crash("connection lost after push");
            }
        }

        @Override
        public PullBatch pull(String deviceId, String cursor, int limit) {
            if (rnd.nextInt(10) == 0) {
                throw new Crash("connection lost before pull");
            }
            return inner.pull(deviceId, cursor, limit);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void everyRevisionEndsUpExactlyOnceEverywhere() throws Exception {
        for (long seed = 1; seed <= 6; seed++) {
            run(seed, tmp.resolve("seed" + seed));
        }
    }

    private void run(long seed, Path base) throws IOException {
        Random rnd = new Random(seed);
        int n = 3;
        List<Path> dirs = new ArrayList<>();
        List<ProjectStore> ws = new ArrayList<>();
        List<Path> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dirs.add(base.resolve("ws" + i));
            ws.add(SyncFixtures.project(dirs.get(i), "library"));
            replicas.add(base.resolve("replica" + i));
        }
        FolderStore.openOrCreate(replicas.get(0), SyncFixtures.SPEC, "1.2.0").close();
        for (int i = 1; i < n; i++) {
            Files.createDirectories(replicas.get(i));
            Files.copy(replicas.get(0).resolve(FolderStore.MANIFEST), replicas.get(i).resolve(FolderStore.MANIFEST));
        }
        List<String> devices = ws.stream().map(p -> p.info().deviceId()).toList();
        String storeId = storeId(replicas.get(0));
        Set<UUID> made = new HashSet<>();
        int clipCounter = 0;
        for (int step = 0; step < 60; step++) {
            int i = rnd.nextInt(n);
            int op = rnd.nextInt(10);
            if (op < 4) {
                ProjectStore p = ws.get(i);
                List<ClipRecord> clips = p.clips(null, null, null, null, 0, 1000);
                if (clips.isEmpty() || rnd.nextInt(4) == 0) {
                    p.addClips(List.of(SyncFixtures.clip(seed + "-clip-" + clipCounter++)));
                    continue;
                }
                String clip = clips.get(rnd.nextInt(clips.size())).clipId();
                String aspect = SyncFixtures.ASPECTS.get(rnd.nextInt(2));
                RevisionDraft d = rnd.nextBoolean()
                        ? RevisionDraft.of(clip, aspect, RevisionKind.RATING, "user" + i,
                                String.valueOf(1 + rnd.nextInt(5)))
                        : RevisionDraft.of(clip, aspect, RevisionKind.PRE_CAPTION, "user" + i,
                                SyncFixtures.caption("text " + rnd.nextInt(1000)));
                made.add(p.append(d).uuid());
            } else if (op < 7) {
                ws.set(i, syncWithCrashes(ws.get(i), dirs.get(i), replicas.get(i), rnd));
            } else if (op < 9) {
                deliver(replicas, devices, rnd, false);
            } else {
                List<Conflict> conflicts = Conflicts.all(ws.get(i));
                if (!conflicts.isEmpty()) {
                    Conflict c = conflicts.get(0);
                    made.add(Conflicts.resolve(ws.get(i), c, c.heads().get(0).payload(), "user" + i).uuid());
                }
            }
        }
        // everything is delivered in full; everybody syncs until quiet
        deliver(replicas, devices, rnd, true);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                try (FolderStore s = FolderStore.open(replicas.get(i))) {
                    new SyncEngine(7, step -> { }).sync(ws.get(i), s);
                }
            }
            deliver(replicas, devices, rnd, true);
        }
        String expected = SyncFixtures.fingerprint(ws.get(0));
        for (int i = 0; i < n; i++) {
            ProjectStore p = ws.get(i);
            assertThat(SyncFixtures.fingerprint(p)).as("seed %d workstation %d", seed, i).isEqualTo(expected);
            Set<UUID> present = new HashSet<>();
            for (Revision r : p.revisionsAfter(0, 1_000_000)) {
                assertThat(present.add(r.uuid())).as("seed %d: %s once", seed, r.uuid()).isTrue();
            }
            assertThat(present).as("seed %d workstation %d", seed, i).isEqualTo(made);
            assertThat(SyncState.load(dirs.get(i), storeId)
                    .pending()).isEmpty();
            p.close();
        }
    }

    private static String storeId(Path replica) {
        try (FolderStore s = FolderStore.open(replica)) {
            return s.info().storeId();
        }
    }

    /** One sync that may crash at any step; a crash closes the project like a killed process, which reopens it. */
    private static ProjectStore syncWithCrashes(ProjectStore p, Path dir, Path replica, Random rnd) {
        int crashAt = rnd.nextInt(12);
        int[] steps = {0};
        SyncEngine engine = new SyncEngine(1 + rnd.nextInt(6), step -> {
            if (steps[0]++ == crashAt) {
                throw new Crash(step);
            }
        });
        try (FolderStore s = FolderStore.open(replica)) {
            engine.sync(p, rnd.nextBoolean() ? new FlakyStore(s, rnd) : s);
            return p;
        } catch (Crash crash) {
            p.close();
            return ProjectStore.open(dir);
        }
    }

    /**
     * The sync client: copies segment files from the replica of the device that wrote them to other replicas, in
     * random order, sometimes only a prefix (a torn or unfinished transfer) that a later delivery completes.
     */
    private static void deliver(List<Path> replicas, List<String> devices, Random rnd, boolean everything)
            throws IOException {
        for (int origin = 0; origin < replicas.size(); origin++) {
            Path segs = replicas.get(origin).resolve("segments");
            if (!Files.isDirectory(segs)) {
                continue;
            }
            String device = devices.get(origin);
            if (!Files.isDirectory(segs.resolve(device))) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(segs.resolve(device))) {
                files = new ArrayList<>(s.filter(f -> f.getFileName().toString().endsWith(".seg")).toList());
            }
            java.util.Collections.shuffle(files, rnd);
            for (Path f : files) {
                for (int target = 0; target < replicas.size(); target++) {
                    if (target == origin || (!everything && rnd.nextBoolean())) {
                        continue;
                    }
                    Path to = replicas.get(target).resolve("segments").resolve(device).resolve(f.getFileName());
                    byte[] full = Files.readAllBytes(f);
                    long have = Files.exists(to) ? Files.size(to) : 0;
                    if (have >= full.length) {
                        continue;
                    }
                    int len = everything || rnd.nextBoolean() ? full.length
                            : (int) (have + rnd.nextInt((int) (full.length - have)) + 1);
                    Files.createDirectories(to.getParent());
                    Files.write(to, Arrays.copyOf(full, len));
                }
            }
        }
    }
}
