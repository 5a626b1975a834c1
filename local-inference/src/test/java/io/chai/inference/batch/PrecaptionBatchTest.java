// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.server.Behavior;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.RetryPolicy;
import io.chai.inference.settings.ServerProfile;
import io.chai.model.jobs.JobCounts;
import io.chai.model.jobs.JobKey;
import io.chai.model.jobs.LeasedJob;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import io.chai.model.store.SqliteJobQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch pre-captioning against real clips, a real SQLite project and real HTTP to the loopback model server. */
class PrecaptionBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Specification SPEC = Specifications.bundled();
    private static final List<String> INDEPENDENT = List.of("subject", "scene", "camera");

    @TempDir
    Path tmp;

    private LoopbackModelServer server;
    private ModelServerClient client;
    private final List<ProjectStore> stores = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackModelServer.start();
        client = new ModelServerClient(ServerProfile.of("loop", server.baseUrl().toString(),
                LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI).withRetry(RetryPolicy.NONE), ApiKeys.none());
    }

    @AfterEach
    void stop() {
        stores.forEach(ProjectStore::close);
        client.close();
        server.close();
    }

    private ProjectStore project(String name) {
        ProjectStore s = ProjectStore.create(tmp.resolve(name), name, SPEC.id(), SPEC.version().toString());
        stores.add(s);
        return s;
    }

    private ProjectStore reopen(ProjectStore s) {
        ProjectStore o = ProjectStore.open(s.directory());
        stores.add(o);
        return o;
    }

    private static BatchOptions options(List<String> aspects) {
        return BatchOptions.of(aspects, "batch-test").withRetries(2, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private PrecaptionBatch batch(ProjectStore store, BatchOptions o, BatchListener l) {
        return batch(store, new SqliteJobQueue(store), o, l, Clock.systemUTC());
    }

    private PrecaptionBatch batch(ProjectStore store, SqliteJobQueue q, BatchOptions o, BatchListener l, Clock c) {
        return new PrecaptionBatch(store, q, SPEC, new ModelRoles(SPEC, client, Clock.systemUTC()), o, l, c);
    }

    private static List<Revision> preCaptions(ProjectStore store, String clip, String aspect) {
        return store.history(clip, aspect).stream().filter(r -> r.kind() == RevisionKind.PRE_CAPTION).toList();
    }

    private static void assertOnePreCaptionEach(ProjectStore store, List<String> clips, List<String> aspects) {
        for (String c : clips) {
            for (String a : aspects) {
                assertThat(preCaptions(store, c, a)).as(c + "/" + a).hasSize(1);
            }
        }
    }

    @Test
    void writesOnePreCaptionPerClipAndAspectWithProvenanceAndASecondRunDoesNothing() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 3);
        List<BatchProgress> progress = new ArrayList<>();
        List<String> aspects = List.of("subject", "scene", "motion", "camera");
        BatchReport r = batch(store, options(aspects).withBestOf(2).withConcurrency(2),
                p -> {
                    synchronized (progress) {
                        progress.add(p);
                    }
                }).run();

        assertThat(r.queued()).isEqualTo(12);
        assertThat(r.written()).isEqualTo(9);
        assertThat(r.failed()).isEmpty();
        assertThat(r.remaining()).isZero();
        // motion depends on subject, which nobody approved: skipped with the reason
        assertThat(r.skipped()).hasSize(3).allSatisfy(j -> {
            assertThat(j.key().aspect()).isEqualTo("motion");
            assertThat(j.lastError()).contains("depends on subject", "not approved");
        });
        assertOnePreCaptionEach(store, clips, INDEPENDENT);
        for (String c : clips) {
            assertThat(preCaptions(store, c, "motion")).isEmpty();
            JsonNode payload = JSON.readTree(preCaptions(store, c, "camera").get(0).payload());
            assertThat(payload.get("source").asText()).isEqualTo("model");
            assertThat(payload.get("source_name").asText()).isEqualTo(LoopbackModelServer.DEFAULT_MODEL);
            JsonNode prov = payload.get("provenance");
            assertThat(prov.get("server").asText()).isNotBlank();
            assertThat(prov.get("prompt").asText()).isNotBlank();
            assertThat(prov.get("frames")).hasSize(8);
            assertThat(preCaptions(store, c, "camera").get(0).author()).isEqualTo("batch-test");
        }
        // the frames of each clip were really sent as images
        assertThat(server.chatRequests().get(0).body().toString()).contains("data:image/jpeg;base64,");
        BatchProgress last = progress.get(progress.size() - 1);
        assertThat(last.finished()).isEqualTo(12);
        assertThat(last.total()).isEqualTo(12);
        assertThat(last.eta()).contains(Duration.ZERO);

        long revisions = store.revisionCount();
        server.clearRecorded();
        BatchReport again = batch(store, options(aspects).withBestOf(2), BatchListener.NONE).run();
        assertThat(again.queued()).isZero();
        assertThat(again.written()).isZero();
        assertThat(store.revisionCount()).isEqualTo(revisions);
        assertThat(server.chatRequests()).isEmpty();
    }

    @Test
    void anApprovedDependencyIsGivenToThePromptAndTheOverrideUsesCurrentCaptions() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 1);
        batch(store, options(List.of("subject")), BatchListener.NONE).run();
        BatchReport r = batch(store, options(List.of("motion")).withOverrideDependencies(true), BatchListener.NONE)
                .run();
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.skipped()).isEmpty();
        String subject = JSON.readTree(preCaptions(store, clips.get(0), "subject").get(0).payload())
                .get("pre_caption").asText();
        String prompt = JSON.readTree(preCaptions(store, clips.get(0), "motion").get(0).payload())
                .get("provenance").get("prompt").asText();
        assertThat(prompt).contains(subject.strip());
    }

    @Test
    void aCancelledRunResumesWithoutDuplicates() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 4);
        AtomicReference<PrecaptionBatch> running = new AtomicReference<>();
        PrecaptionBatch first = batch(store, options(INDEPENDENT), p -> {
            if (p.written() >= 2) {
                running.get().cancel();
            }
        });
        running.set(first);
        BatchReport r = first.run();
        assertThat(r.cancelled()).isTrue();
        assertThat(r.written()).isBetween(2L, 11L);
        assertThat(r.remaining()).isEqualTo(12 - r.written());
        SqliteJobQueue q = new SqliteJobQueue(store);
        // nothing stays leased after a cancel: the held jobs were given back
        assertThat(q.counts(JobKey.PRE_CAPTION).leased()).isZero();

        // resume: no aspects named, the open queue is worked
        BatchReport rest = batch(store, options(List.of()), BatchListener.NONE).run();
        assertThat(rest.cancelled()).isFalse();
        assertThat(r.written() + rest.written()).isEqualTo(12);
        assertOnePreCaptionEach(store, clips, INDEPENDENT);
        assertThat(q.counts(JobKey.PRE_CAPTION)).isEqualTo(new JobCounts(0, 0, 12, 0, 0));
    }

    @Test
    void twoRunnersSharingOneProjectSplitTheQueueWithoutDuplicates() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 6);
        ProjectStore other = reopen(store);
        PrecaptionBatch a = batch(store, options(INDEPENDENT).withWorker("A", Duration.ofMinutes(2)),
                BatchListener.NONE);
        PrecaptionBatch b = batch(other, options(INDEPENDENT).withWorker("B", Duration.ofMinutes(2)),
                BatchListener.NONE);
        a.enqueue();
        b.enqueue();
        BatchReport[] reports = new BatchReport[2];
        Thread ta = new Thread(() -> reports[0] = a.work(0));
        Thread tb = new Thread(() -> reports[1] = b.work(0));
        ta.start();
        tb.start();
        ta.join();
        tb.join();
        assertThat(reports[0].written() + reports[1].written()).isEqualTo(18);
        assertOnePreCaptionEach(store, clips, INDEPENDENT);
        assertThat(store.revisionCount()).isEqualTo(18);
    }

    /** A clock the test moves by hand. */
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

    @Test
    void jobsOfAWorkerWhoseLeaseExpiredAreTakenOver() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 2);
        ManualClock clock = new ManualClock();
        SqliteJobQueue q = new SqliteJobQueue(store, clock);
        PrecaptionBatch b = batch(store, q, options(List.of("subject", "scene")), BatchListener.NONE, clock);
        b.enqueue();
        List<LeasedJob> crashed = q.lease(JobKey.PRE_CAPTION, "crashed-worker", 3, Duration.ofMinutes(1));
        assertThat(crashed).hasSize(3);
        clock.advance(Duration.ofMinutes(2));
        BatchReport r = b.work(0);
        assertThat(r.written()).isEqualTo(4);
        assertOnePreCaptionEach(store, clips, List.of("subject", "scene"));
        // the crashed worker cannot write its stale result afterwards
        assertThat(q.complete(crashed.get(0), List.of())).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndThenSucceeds() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 1);
        server.enqueue(new Behavior.Status(500, "model crashed"), new Behavior.Status(503, "loading"));
        BatchReport r = batch(store, options(List.of("scene")), BatchListener.NONE).run();
        assertThat(r.written()).isEqualTo(1);
        assertThat(r.failed()).isEmpty();
        assertThat(server.chatRequests()).hasSize(3);
        assertThat(preCaptions(store, clips.get(0), "scene")).hasSize(1);
    }

    @Test
    void aServerThatAlwaysFailsIsReportedAndNothingIsStored() throws Exception {
        ProjectStore store = project("p");
        List<String> clips = BatchClips.addTo(store, 2);
        server.setDefaultBehavior(new Behavior.Status(500, "out of memory"));
        BatchReport r = batch(store, options(List.of("scene")), BatchListener.NONE).run();
        assertThat(r.written()).isZero();
        assertThat(r.failed()).hasSize(2).allSatisfy(j -> {
            assertThat(j.lastError()).contains("out of memory", "after 2 retries");
            assertThat(j.attempts()).isEqualTo(3);
        });
        assertThat(server.chatRequests()).hasSize(6);
        for (String c : clips) {
            assertThat(preCaptions(store, c, "scene")).isEmpty();
        }
        // a later run retries the failed jobs
        server.setDefaultBehavior(new Behavior.Normal());
        BatchReport later = batch(store, options(List.of("scene")), BatchListener.NONE).run();
        assertThat(later.written()).isEqualTo(2);
        assertThat(later.failed()).isEmpty();
    }

    @Test
    void aMissingClipFileFailsItsJobsWithTheMediaReason() throws Exception {
        ProjectStore store = project("p");
        Path copy = tmp.resolve("gone.mp4");
        java.nio.file.Files.copy(BatchClips.make(7), copy);
        store.addClips(List.of(new io.chai.model.store.NewClip(io.chai.model.domain.ClipId.hashFile(copy).hex(),
                copy.toString(), java.nio.file.Files.size(copy), 0, null, null, List.of())));
        java.nio.file.Files.delete(copy);
        BatchReport r = batch(store, options(List.of("subject", "scene")), BatchListener.NONE).run();
        assertThat(r.failed()).hasSize(2).allSatisfy(j -> assertThat(j.lastError()).startsWith("media: "));
        assertThat(server.chatRequests()).isEmpty();
    }
}
