// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.bench.sync;

import io.chai.bench.BenchContext;
import io.chai.bench.Benchmark;
import io.chai.bench.Figure;
import io.chai.bench.Samples;
import io.chai.model.store.Hlc;
import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.FolderStore;
import io.chai.model.sync.PullBatch;
import io.chai.model.sync.PushCursor;
import io.chai.model.sync.SharedStore;
import io.chai.model.sync.SyncEngine;
import io.chai.model.sync.SyncRecord;
import io.chai.model.sync.SyncState;
import io.chai.model.sync.pg.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Shared-store throughput: push and pull of 100,000 revisions (store level, in batches of 5,000) against a folder
 * store and an embedded PostgreSQL server, pull + apply of all of them into a new project (end to end, SQLite
 * included), and the time of an
 * incremental sync (100 new revisions) against a store already holding 1,000,000. Sizes: -Dchai.bench.sync.bulk,
 * -Dchai.bench.sync.big.
 */
public final class SyncBenchmark implements Benchmark {
    private static final int BATCH = 5_000;
    private static final String SPEC = "chai-spec";

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String description() {
        return "Shared store: push, pull, pull + apply " + bulk() + " revisions (folder, PostgreSQL), incremental sync"
                + " of 100 on " + big() + ".";
    }

    private static int bulk() {
        return Integer.getInteger("chai.bench.sync.bulk", 100_000);
    }

    private static int big() {
        return Integer.getInteger("chai.bench.sync.big", 1_000_000);
    }

    static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes()));
    }

    /** Generated revisions of one author on one device, spread over 1,000 clips (which come first). */
    private static List<SyncRecord> generate(String device, String author, int from, int n, boolean withClips)
            throws Exception {
        List<SyncRecord> out = new ArrayList<>(n + 1000);
        String[] clips = new String[1000];
        for (int i = 0; i < clips.length; i++) {
            clips[i] = sha("clip-" + i);
            if (withClips) {
                out.add(new SyncRecord.ClipEntry(new NewClip(clips[i], "media/" + i + ".mp4", 1000, 0, null,
                        new MediaInfo(2, 25, 1, 640, 360, 50, "h264"), List.of())));
            }
        }
        for (int i = from; i < from + n; i++) {
            out.add(new SyncRecord.RevisionEntry(new Revision(0, UUID.randomUUID(), clips[i % clips.length],
                    ProjectStore.ASPECTS.get(i % 5), RevisionKind.PRE_CAPTION, author, device,
                    new Hlc(1_700_000_000_000L + i, 0, device), List.of(),
                    "{\"pre_caption\":\"generated caption number " + i + " of a harbour at dusk\",\"source\":\"imported\"}",
                    SPEC, "1.0.0")));
        }
        return out;
    }

    private static double pushAll(SharedStore s, String device, List<SyncRecord> records) {
        long t0 = System.nanoTime();
        for (int i = 0; i < records.size(); i += BATCH) {
            int end = Math.min(records.size(), i + BATCH);
            s.push(device, records.subList(i, end), new PushCursor(end, 0));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Pulls everything; returns {seconds, records, cursor}. */
    private static Object[] pullAll(SharedStore s, String device, String cursor) {
        long t0 = System.nanoTime();
        long n = 0;
        while (true) {
            PullBatch b = s.pull(device, cursor, BATCH);
            n += b.records().size();
            cursor = b.nextCursor();
            if (!b.more()) {
                break;
            }
        }
        return new Object[] {(System.nanoTime() - t0) / 1e9, n, cursor};
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        int n = bulk();
        List<SyncRecord> records = generate("benchdev", "postgres", 0, n, true);

        // ---- folder store, store level
        try (FolderStore f = FolderStore.openOrCreate(context.scratch("folder"), SPEC, "1.0.0")) {
            double push = pushAll(f, "benchdev", records);
            figures.add(Figure.single("folder: push " + n + " revisions", "revisions/s", n / push,
                    ">= 20000 revisions/s", n / push >= 20_000));
            Object[] pull = pullAll(f, "reader", "");
            figures.add(Figure.single("folder: pull " + n + " revisions", "revisions/s", n / (double) pull[0],
                    ">= 20000 revisions/s", n / (double) pull[0] >= 20_000));
            figures.addAll(pullAndApply("folder", f, n, context));
        }
        // ---- incremental on a big folder store
        figures.add(incremental("folder", () -> FolderStore.openOrCreate(context.scratch("big-folder"), SPEC,
                "1.0.0"), context));

        // ---- PostgreSQL (embedded server)
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String admin = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE bench");
                st.execute("CREATE DATABASE bigbench");
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/bench";
            PostgresStore.init(url, "postgres", null, SPEC, "1.0.0");
            try (PostgresStore s = PostgresStore.open(url, "postgres", null)) {
                double push = pushAll(s, "benchdev", records);
                figures.add(Figure.single("postgres: push " + n + " revisions", "revisions/s", n / push,
                        ">= 20000 revisions/s", n / push >= 20_000));
                Object[] pull = pullAll(s, "reader", "");
                figures.add(Figure.single("postgres: pull " + n + " revisions", "revisions/s",
                        n / (double) pull[0], ">= 20000 revisions/s", n / (double) pull[0] >= 20_000));
                figures.addAll(pullAndApply("postgres", s, n, context));
            }
            String bigUrl = "jdbc:postgresql://localhost:" + pg.getPort() + "/bigbench";
            PostgresStore.init(bigUrl, "postgres", null, SPEC, "1.0.0");
            figures.add(incremental("postgres", () -> PostgresStore.open(bigUrl, "postgres", null), context));
        }
        return figures;
    }

    /**
     * End to end: a new project syncs with a store holding {@code n} revisions of another device, i.e. pulls them and
     * applies them to its SQLite database (clips, revisions, derived state), in batches of 5,000.
     */
    private static List<Figure> pullAndApply(String kind, SharedStore store, int n, BenchContext context) {
        try (ProjectStore p = ProjectStore.create(context.scratch(kind + "-apply"), "bench", SPEC, "1.0.0")) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            long applied = new SyncEngine().sync(p, store).appliedRevisions();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            if (applied != n || p.revisionCount() != n) {
                throw new IllegalStateException(kind + ": applied " + applied + " of " + n);
            }
            // CPU time of this process (pull decoding, SQLite, derived state; not the PostgreSQL server): a figure
            // that a busy machine disturbs much less than wall time
            return List.of(Figure.single(kind + ": pull + apply " + n + " revisions into a new project",
                    "revisions/s", n / s, ">= 20000 revisions/s", n / s >= 20_000),
                    Figure.single(kind + ": pull + apply, CPU time of this process per revision", "µs",
                            cpu * 1e6 / n, "", null));
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * Fills a store with {@link #big()} revisions from another device, brings a project's cursor to the end (a
     * store-level pull: the project stands for a copy that synced before), adds 100 new revisions and times
     * {@code SyncEngine.sync} picking them up (median of 5).
     */
    private Figure incremental(String kind, Supplier<SharedStore> open, BenchContext context) throws Exception {
        int size = big();
        Samples samples = new Samples();
        try (SharedStore s = open.get()) {
            for (int from = 0; from < size; from += 100_000) {
                pushAll(s, "filler", generate("filler", "postgres", from, Math.min(100_000, size - from), from == 0));
            }
            try (ProjectStore p = ProjectStore.create(context.scratch(kind + "-incremental"), "bench", SPEC,
                    "1.0.0")) {
                List<NewClip> clips = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    clips.add(new NewClip(sha("clip-" + i), "media/" + i + ".mp4", 1000, 0, null, null, List.of()));
                }
                p.addClips(clips);
                Object[] caughtUp = pullAll(s, p.info().deviceId(), "");
                new SyncState((String) caughtUp[2], 0, List.of(), null, 0).save(p.directory(),
                        SyncEngine.stateKey(s));
                SyncEngine engine = new SyncEngine();
                engine.sync(p, s); // pushes the clips once
                for (int round = 0; round < 5; round++) {
                    List<SyncRecord> fresh = generate("writer", "postgres", size + round * 100, 100, false);
                    s.push("writer", fresh, new PushCursor(size + round * 100L + 100, 0));
                    long t0 = System.nanoTime();
                    long applied = engine.sync(p, s).appliedRevisions();
                    samples.add((System.nanoTime() - t0) / 1e6);
                    if (applied != 100) {
                        throw new IllegalStateException("incremental sync applied " + applied + " of 100");
                    }
                }
            }
        }
        return Figure.of(kind + ": incremental sync, 100 new on " + size, "ms", samples, "median < 500 ms",
                samples.median() < 500);
    }
}
