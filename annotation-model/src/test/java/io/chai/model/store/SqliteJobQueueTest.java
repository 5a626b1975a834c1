// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.chai.model.jobs.JobCounts;
import io.chai.model.jobs.JobKey;
import io.chai.model.jobs.JobRecord;
import io.chai.model.jobs.JobStatus;
import io.chai.model.jobs.LeasedJob;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobQueueTest {
    private static final String KIND = JobKey.PRE_CAPTION;
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    /** A clock the test moves by hand (lease expiry without sleeping). */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-29T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static List<JobKey> keys(List<String> clips, String... aspects) {
        List<JobKey> out = new ArrayList<>();
        for (String c : clips) {
            for (String a : aspects) {
                out.add(new JobKey(c, a, KIND));
            }
        }
        return out;
    }

    private static RevisionDraft caption(JobKey k, String text) {
        return RevisionDraft.of(k.clipId(), k.aspect(), RevisionKind.PRE_CAPTION, "batch",
                "{\"pre_caption\":\"" + text + "\",\"source\":\"imported\",\"source_name\":\"t\","
                        + "\"created_at\":\"2026-11-29T12:00:00Z\"}");
    }

    @Test
    void enqueueingTheSameKeysTwiceAddsNothingAndLeasesComeInEnqueueOrder() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "q", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 3);
            SqliteJobQueue q = new SqliteJobQueue(store);
            assertThat(q.enqueue(keys(clips, "subject", "scene"), "{\"best_of\":2}")).isEqualTo(6);
            assertThat(q.enqueue(keys(clips, "subject", "scene", "motion"), "{}")).isEqualTo(3);
            assertThat(q.counts(KIND)).isEqualTo(new JobCounts(9, 0, 0, 0, 0));
            List<LeasedJob> first = q.lease(KIND, "w1", 2, LEASE);
            assertThat(first).extracting(LeasedJob::key).containsExactly(new JobKey(clips.get(0), "subject", KIND),
                    new JobKey(clips.get(0), "scene", KIND));
            assertThat(first).allSatisfy(j -> {
                assertThat(j.params()).isEqualTo("{\"best_of\":2}");
                assertThat(j.attempts()).isEqualTo(1);
            });
            assertThat(q.counts(KIND)).isEqualTo(new JobCounts(7, 2, 0, 0, 0));
            assertThat(q.lease("other_kind", "w1", 5, LEASE)).isEmpty();
        }
    }

    @Test
    void completionWritesTheRevisionsAndMarksTheJobDoneTogether() {
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "q", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 1);
            SqliteJobQueue q = new SqliteJobQueue(store);
            q.enqueue(keys(clips, "subject"), "{}");
            LeasedJob j = q.lease(KIND, "w", 1, LEASE).get(0);
            Optional<List<Revision>> written = q.complete(j, List.of(caption(j.key(), "A dog.")));
            assertThat(written).isPresent();
            assertThat(store.current(clips.get(0), "subject", RevisionKind.PRE_CAPTION)).isPresent();
            JobRecord done = q.jobs(KIND, JobStatus.DONE, 10).get(0);
            assertThat(done.result()).contains(written.get().get(0).uuid().toString());
            // completing again with the same (now spent) lease writes nothing
            assertThat(q.complete(j, List.of(caption(j.key(), "Again.")))).isEmpty();
            assertThat(store.history(clips.get(0), "subject")).hasSize(1);
            assertThat(q.lease(KIND, "w", 5, LEASE)).isEmpty();
        }
    }

    @Test
    void anExpiredLeaseIsLeasedAgainAndTheOldHolderCanNoLongerFinish() {
        ManualClock clock = new ManualClock();
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "q", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 1);
            SqliteJobQueue q = new SqliteJobQueue(store, clock);
            q.enqueue(keys(clips, "subject"), "{}");
            LeasedJob old = q.lease(KIND, "crashed", 1, Duration.ofSeconds(30)).get(0);
            assertThat(q.lease(KIND, "w2", 1, LEASE)).isEmpty();
            clock.advance(Duration.ofSeconds(10));
            assertThat(q.renew(old, Duration.ofSeconds(30))).isTrue();
            clock.advance(Duration.ofSeconds(31));
            LeasedJob again = q.lease(KIND, "w2", 1, LEASE).get(0);
            assertThat(again.id()).isEqualTo(old.id());
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(q.complete(old, List.of(caption(old.key(), "Stale.")))).isEmpty();
            assertThat(q.fail(old, "x", Optional.empty())).isFalse();
            assertThat(q.release(old)).isFalse();
            assertThat(store.history(clips.get(0), "subject")).isEmpty();
            assertThat(q.complete(again, List.of(caption(again.key(), "Fresh.")))).isPresent();
            assertThat(store.history(clips.get(0), "subject")).hasSize(1);
        }
    }

    @Test
    void releaseExpiredMakesAbandonedJobsPendingAndReleaseDoesNotCountTheAttempt() {
        ManualClock clock = new ManualClock();
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "q", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 2);
            SqliteJobQueue q = new SqliteJobQueue(store, clock);
            q.enqueue(keys(clips, "subject"), "{}");
            List<LeasedJob> both = q.lease(KIND, "w", 2, Duration.ofSeconds(5));
            assertThat(q.release(both.get(0))).isTrue();
            clock.advance(Duration.ofSeconds(6));
            assertThat(q.releaseExpired(KIND)).isEqualTo(1);
            assertThat(q.counts(KIND)).isEqualTo(new JobCounts(2, 0, 0, 0, 0));
            List<LeasedJob> again = q.lease(KIND, "w", 2, LEASE);
            assertThat(again).extracting(LeasedJob::attempts).containsExactly(1, 2);
        }
    }

    @Test
    void aRetryableFailureWaitsForItsTimeAndAFinalOneIsReportedAndCanBeRetriedLater() {
        ManualClock clock = new ManualClock();
        try (ProjectStore store = ProjectStore.create(tmp.resolve("p"), "q", "chai-spec", "1.0.0")) {
            List<String> clips = StoreFixtures.addClips(store, 1);
            SqliteJobQueue q = new SqliteJobQueue(store, clock);
            q.enqueue(keys(clips, "subject", "scene"), "{}");
            List<LeasedJob> jobs = q.lease(KIND, "w", 2, LEASE);
            assertThat(q.fail(jobs.get(0), "HTTP 500", Optional.of(clock.instant().plusSeconds(2)))).isTrue();
            assertThat(q.fail(jobs.get(1), "bad request", Optional.empty())).isTrue();
            assertThat(q.lease(KIND, "w", 5, LEASE)).isEmpty();
            clock.advance(Duration.ofSeconds(2));
            assertThat(q.lease(KIND, "w", 5, LEASE)).extracting(LeasedJob::id).containsExactly(jobs.get(0).id());
            List<JobRecord> failed = q.jobs(KIND, JobStatus.FAILED, 10);
            assertThat(failed).singleElement().satisfies(r -> {
                assertThat(r.lastError()).isEqualTo("bad request");
                assertThat(r.key().aspect()).isEqualTo("scene");
            });
            assertThat(q.retryFailedAndSkipped(KIND)).isEqualTo(1);
            assertThat(q.lease(KIND, "w", 5, LEASE)).singleElement()
                    .satisfies(j -> assertThat(j.attempts()).isEqualTo(1));
        }
    }

    @Test
    void twoProcessesWorthOfConnectionsSplitTheQueueWithoutDuplicates() throws Exception {
        Path dir = tmp.resolve("p");
        List<String> clips;
        try (ProjectStore store = ProjectStore.create(dir, "q", "chai-spec", "1.0.0")) {
            clips = StoreFixtures.addClips(store, 40);
            new SqliteJobQueue(store).enqueue(keys(clips, "subject", "scene", "motion"), "{}");
        }
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String name = "w" + w;
                workers.add(pool.submit((Callable<Integer>) () -> {
                    int done = 0;
                    try (ProjectStore own = ProjectStore.open(dir)) {
                        SqliteJobQueue q = new SqliteJobQueue(own);
                        for (List<LeasedJob> got = q.lease(KIND, name, 3, LEASE); !got.isEmpty();
                                got = q.lease(KIND, name, 3, LEASE)) {
                            for (LeasedJob j : got) {
                                seen.add(j.id());
                                assertThat(q.complete(j, List.of(caption(j.key(), name)))).isPresent();
                                done++;
                            }
                        }
                    }
                    return done;
                }));
            }
            int total = 0;
            for (Future<Integer> f : workers) {
                total += f.get();
            }
            assertThat(total).isEqualTo(120);
        } finally {
            pool.shutdownNow();
        }
        Set<Long> unique = new HashSet<>(seen);
        assertThat(unique).hasSize(120);
        assertThat(seen).hasSize(120);
        try (ProjectStore store = ProjectStore.open(dir)) {
            assertThat(store.revisionCount()).isEqualTo(120);
            assertThat(new SqliteJobQueue(store).counts(KIND)).isEqualTo(new JobCounts(0, 0, 120, 0, 0));
        }
    }

    @Test
    void theVersion3FixtureMigratesToTheJobsSchemaKeepingItsLog() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("v3"));
        try (InputStream in = getClass().getResourceAsStream("fixtures/v3/chai-project.db")) {
            assertThat(in).as("fixture v3").isNotNull();
            Files.copy(in, dir.resolve(ProjectStore.DATABASE_FILE));
        }
        try (Connection c = ProjectStore.connect(dir.resolve(ProjectStore.DATABASE_FILE))) {
            assertThat(Migrations.version(c)).isEqualTo(3);
        }
        try (ProjectStore store = ProjectStore.open(dir)) {
            assertThat(store.info().schemaVersion()).isEqualTo(Migrations.LATEST).isGreaterThanOrEqualTo(4);
            assertThat(store.info().name()).isEqualTo("Fixture v3");
            assertThat(store.integrityCheck()).isEqualTo("ok");
            assertThat(store.revisionCount()).isEqualTo(11);
            ReplayModel.assertConsistent(store);
            SqliteJobQueue q = new SqliteJobQueue(store);
            assertThat(q.counts(KIND).total()).isZero();
            q.enqueue(List.of(new JobKey(StoreFixtures.clipId(0), "scene", KIND)), "{}");
            assertThat(q.lease(KIND, "w", 1, LEASE)).hasSize(1);
        }
        try (Connection c = ProjectStore.connect(dir.resolve(ProjectStore.DATABASE_FILE));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'jobs_ready'")) {
            assertThat(rs.next() && rs.getInt(1) == 1).isTrue();
        }
    }
}
