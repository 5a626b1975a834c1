// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chai.model.store.MediaInfo;
import io.chai.model.store.NewClip;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import io.chai.model.store.RevisionKind;
import io.chai.model.sync.Conflicts;
import io.chai.model.sync.SyncEngine;
import io.chai.model.sync.SyncException;
import io.chai.model.sync.SyncReport;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresStoreTest {
    static final String SPEC = "chai-caption-spec";
    static PgFixture pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = new PgFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    static String clipId(String name) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes()));
    }

    static NewClip clip(String name) throws Exception {
        return new NewClip(clipId(name), "media/" + name + ".mp4", 10, 0, null,
                new MediaInfo(1, 25, 1, 320, 240, 25, "h264"), List.of());
    }

    /** A store with admin 'postgres' and annotators alice and bob, reviewer rita. */
    private String team() throws Exception {
        String url = pg.newDatabase();
        PostgresStore.init(url, "postgres", null, SPEC, "1.2.0");
        try (PostgresStore admin = PostgresStore.open(url, "postgres", null)) {
            admin.addUser("alice", "a-secret", "annotator");
            admin.addUser("bob", "b-secret", "annotator");
            admin.addUser("rita", "r-secret", "reviewer");
        }
        return url;
    }

    private ProjectStore project(String name) {
        return ProjectStore.create(tmp.resolve(name), "library", SPEC, "1.2.0");
    }

    @Test
    void workstationsSyncThroughPostgresAndConverge() throws Exception {
        String url = team();
        ProjectStore a = project("a");
        ProjectStore b = project("b");
        String clip = clipId("shared");
        String aspect = ProjectStore.ASPECTS.get(0);
        a.addClips(List.of(clip("shared")));
        Revision base = a.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "alice", "3"));
        SyncEngine engine = new SyncEngine(2, step -> { });
        try (PostgresStore alice = PostgresStore.open(url, "alice", "a-secret");
                PostgresStore bob = PostgresStore.open(url, "bob", "b-secret")) {
            assertThat(engine.sync(a, alice).pushedRevisions()).isEqualTo(1);
            assertThat(engine.sync(b, bob).appliedRevisions()).isEqualTo(1);
            Revision ra = a.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "alice", "4"));
            Revision rb = b.append(RevisionDraft.of(clip, aspect, RevisionKind.RATING, "bob", "2"));
            assertThat(ra.parents()).containsExactly(base.uuid());
            engine.sync(a, alice);
            SyncReport rep = engine.sync(b, bob);
            assertThat(rep.conflicts()).hasSize(1);
            assertThat(rep.conflicts().get(0).authors()).containsExactly("alice", "bob");
            engine.sync(a, alice);
            assertThat(Conflicts.all(a)).hasSize(1);
            Revision merge = Conflicts.resolve(a, Conflicts.all(a).get(0), "4", "alice");
            engine.sync(a, alice);
            engine.sync(b, bob);
            assertThat(Conflicts.all(b)).isEmpty();
            assertThat(b.current(clip, aspect, RevisionKind.RATING).orElseThrow().revisionUuid())
                    .isEqualTo(merge.uuid().toString());
            assertThat(a.revisionCount()).isEqualTo(4).isEqualTo(b.revisionCount());
            assertThat(alice.counts()[0]).isEqualTo(4);
        }
    }

    @Test
    void revisionsOfAnotherAuthorWaitForThatAuthor() throws Exception {
        String url = team();
        ProjectStore shared = project("desk");
        ProjectStore other = project("other");
        shared.addClips(List.of(clip("c")));
        shared.append(RevisionDraft.of(clipId("c"), "", RevisionKind.PRIMITIVE_LABELS, "alice", "{}"));
        shared.append(RevisionDraft.of(clipId("c"), ProjectStore.ASPECTS.get(0), RevisionKind.RATING, "bob", "5"));
        SyncEngine engine = new SyncEngine();
        try (PostgresStore alice = PostgresStore.open(url, "alice", null);
                PostgresStore bob = PostgresStore.open(url, "bob", null)) {
            assertThat(engine.sync(shared, alice).pushedRevisions()).isEqualTo(1);
            assertThat(engine.sync(shared, alice).pushedRevisions()).isZero();
            assertThat(engine.sync(shared, bob).pushedRevisions()).isEqualTo(1);
            engine.sync(other, bob);
        }
        assertThat(other.revisionCount()).isEqualTo(2);
    }

    @Test
    void incompatibleSpecificationIsRefused() throws Exception {
        String url = pg.newDatabase();
        PostgresStore.init(url, "postgres", null, SPEC, "2.1.0");
        try (PostgresStore s = PostgresStore.open(url, "postgres", null)) {
            assertThatThrownBy(() -> new SyncEngine().sync(project("p"), s)).isInstanceOf(SyncException.class)
                    .hasMessageContaining("different major version");
        }
        assertThat(PostgresStore.init(url, "postgres", null, SPEC, "9.9.9")).as("re-init is a no-op")
                .isEqualTo(PostgresStore.SCHEMA_VERSION);
    }

    @Test
    void aVersion1StoreIsUpgradedInPlace() throws Exception {
        String url = pg.newDatabase();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
                java.sql.Statement st = c.createStatement();
                java.io.InputStream v1 = PostgresStore.class.getResourceAsStream("V1__store.sql")) {
            st.execute("CREATE TABLE chai_schema (version integer PRIMARY KEY,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
            st.execute(new String(v1.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            st.execute("INSERT INTO chai_schema(version) VALUES (1)");
            st.execute("INSERT INTO chai_store_meta(key, value) VALUES ('store_id', 'old'), ('spec_id', '" + SPEC
                    + "'), ('spec_version', '1.0.0')");
            st.execute("INSERT INTO chai_users(username, role) VALUES ('postgres', 'admin')");
        }
        assertThat(PostgresStore.init(url, "postgres", null, SPEC, "1.0.0")).isEqualTo(2);
        try (PostgresStore s = PostgresStore.open(url, "postgres", null);
                java.sql.Statement st = s.connection().createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT chai_model_written_ok('{\"source\":\"model\"}'),"
                        + " chai_model_written_ok('{\"source\":\"imported\"}'), (SELECT value FROM chai_store_meta"
                        + " WHERE key = 'store_id')")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("model output without provenance").isFalse();
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getString(3)).as("the store keeps its identity").isEqualTo("old");
        }
    }

    @Test
    void connectionLostAtAnyPointResumesWithoutLossOrDuplicates() throws Exception {
        String url = team();
        ProjectStore a = project("a");
        ProjectStore b = project("b");
        List<NewClip> clips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clips.add(clip("c" + i));
        }
        a.addClips(clips);
        b.addClips(clips.subList(0, 2));
        for (int i = 0; i < 30; i++) {
            a.append(RevisionDraft.of(clipId("c" + (i % 5)), ProjectStore.ASPECTS.get(i % 2), RevisionKind.RATING,
                    "alice", String.valueOf(1 + i % 5)));
            b.append(RevisionDraft.of(clipId("c" + (i % 2)), ProjectStore.ASPECTS.get(2), RevisionKind.RATING,
                    "bob", String.valueOf(1 + i % 5)));
        }
        int lostConnections = 0;
        for (int kill = 0; kill < 14; kill++) {
            for (ProjectStore p : List.of(a, b)) {
                String who = p == a ? "alice" : "bob";
                PostgresStore s = PostgresStore.open(url, who, null);
                int[] step = {0};
                int at = kill;
                SyncEngine engine = new SyncEngine(4, name -> {
                    if (step[0]++ == at) {
                        terminate(url, who); // the server drops the connection between two statements
                    }
                });
                try {
                    engine.sync(p, s);
                } catch (SyncException lost) {
                    assertThat(lost.getMessage()).containsAnyOf("connection", "terminat");
                    lostConnections++;
                } finally {
                    s.close();
                }
            }
        }
        assertThat(lostConnections).isGreaterThan(10);
        for (int round = 0; round < 2; round++) {
            for (ProjectStore p : List.of(a, b)) {
                try (PostgresStore s = PostgresStore.open(url, p == a ? "alice" : "bob", null)) {
                    new SyncEngine().sync(p, s);
                }
            }
        }
        assertThat(a.revisionCount()).isEqualTo(60).isEqualTo(b.revisionCount());
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*), count(DISTINCT uuid) FROM chai_revisions")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(60);
            assertThat(rs.getLong(2)).isEqualTo(60);
        }
        Set<UUID> ua = new HashSet<>();
        a.revisionsAfter(0, 1000).forEach(r -> ua.add(r.uuid()));
        Set<UUID> ub = new HashSet<>();
        b.revisionsAfter(0, 1000).forEach(r -> ub.add(r.uuid()));
        assertThat(ua).isEqualTo(ub).hasSize(60);
    }

    private static void terminate(String url, String user) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?")) {
            ps.setString(1, user);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leasesSplitTheQueueWithoutDuplicatesAndExpire() throws Exception {
        String url = team();
        try (PostgresStore admin = PostgresStore.open(url, "postgres", null)) {
            List<JobQueue.Job> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                jobs.add(new JobQueue.Job("job-" + i, "pre_caption", clipId("c" + i), null));
            }
            assertThat(admin.jobs().enqueue(jobs)).isEqualTo(200);
            assertThat(admin.jobs().enqueue(jobs.subList(0, 5))).isZero();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "worker-" + w;
            String user = w % 2 == 0 ? "alice" : "bob";
            results.add(pool.submit(() -> {
                List<String> done = new ArrayList<>();
                try (PostgresStore s = PostgresStore.open(url, user, null)) {
                    while (true) {
                        List<JobQueue.Job> got = s.jobs().lease(worker, 7, Duration.ofMinutes(10));
                        if (got.isEmpty()) {
                            return done;
                        }
                        for (JobQueue.Job j : got) {
                            assertThat(s.jobs().complete(j.id(), worker)).isTrue();
                            done.add(j.id());
                        }
                    }
                }
            }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(200).doesNotHaveDuplicates();

        try (PostgresStore admin = PostgresStore.open(url, "postgres", null);
                PostgresStore alice = PostgresStore.open(url, "alice", null);
                PostgresStore bob = PostgresStore.open(url, "bob", null)) {
            admin.jobs().enqueue(List.of(new JobQueue.Job("late", "pre_caption", null, "{}")));
            assertThat(alice.jobs().lease("w-a", 5, Duration.ofMillis(1))).hasSize(1);
            Thread.sleep(50);
            assertThat(bob.jobs().lease("w-b", 5, Duration.ofMinutes(5))).extracting(JobQueue.Job::id)
                    .containsExactly("late");
            assertThat(alice.jobs().complete("late", "w-a")).as("expired lease").isFalse();
            assertThat(bob.jobs().complete("late", "w-b")).isTrue();
            assertThat(admin.jobs().pending()).isZero();
            assertThatThrownBy(() -> alice.jobs().enqueue(List.of(new JobQueue.Job("x", "pre_caption", null, null))))
                    .isInstanceOf(SyncException.class).hasMessageContaining("row-level security");
        }
        Collections.shuffle(all);
    }
}
