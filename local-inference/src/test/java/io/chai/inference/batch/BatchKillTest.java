// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.chai.model.jobs.JobRecord;
import io.chai.model.jobs.JobStatus;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.Revision;
import io.chai.model.store.RevisionKind;
import io.chai.model.store.SqliteJobQueue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch runner killed with SIGKILL mid-run: the next run takes its jobs over and writes no duplicate. */
class BatchKillTest {
    private static final List<String> ASPECTS = List.of("subject", "scene", "camera");

    @TempDir
    Path tmp;

    @Test
    void aRunnerKilledMidRunIsResumedWithoutDuplicates() throws Exception {
        Specification spec = Specifications.bundled();
        Path dir = tmp.resolve("p");
        List<String> clips;
        try (ProjectStore store = ProjectStore.create(dir, "kill", spec.id(), spec.version().toString())) {
            clips = BatchClips.addTo(store, 4);
            try (ModelServerClient unused = new ModelServerClient(ServerProfile.of("unused", "http://127.0.0.1:9",
                    "m", Dialect.OPENAI))) {
                new PrecaptionBatch(store, new SqliteJobQueue(store), spec, new ModelRoles(spec, unused,
                        Clock.systemUTC()), BatchOptions.of(ASPECTS, "t"), null, Clock.systemUTC()).enqueue();
            }
        }
        try (LoopbackModelServer server = LoopbackModelServer.start()) {
            // slow answers, so the child is killed with calls in flight
            server.setDefaultBehavior(new Behavior.Delay(Duration.ofMillis(400), new Behavior.Normal()));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    BatchChildMain.class.getName(), dir.toString(), server.baseUrl().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                long written = 0;
                while (written < 3 && (line = in.readLine()) != null) {
                    assertThat(line).startsWith("written ");
                    written = Long.parseLong(line.substring("written ".length()));
                }
                assertThat(written).as("pre-captions the child wrote before being killed").isBetween(3L, 11L);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, leases stay held until they expire
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            server.setDefaultBehavior(new Behavior.Normal());
            try (ProjectStore store = ProjectStore.open(dir);
                    ModelServerClient client = new ModelServerClient(ServerProfile.of("loop",
                            server.baseUrl().toString(), LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI)
                            .withRetry(RetryPolicy.NONE), ApiKeys.none())) {
                assertThat(store.integrityCheck()).isEqualTo("ok");
                SqliteJobQueue q = new SqliteJobQueue(store);
                JobCounts afterKill = q.counts(JobKey.PRE_CAPTION);
                assertThat(afterKill.done()).isBetween(3L, 11L);
                // every job marked done has exactly its revision, and no revision exists without a done job
                assertThat(store.revisionCount()).isEqualTo(afterKill.done());

                BatchReport r = new PrecaptionBatch(store, q, spec, new ModelRoles(spec, client, Clock.systemUTC()),
                        BatchOptions.of(List.of(), "resumer"), null, Clock.systemUTC()).work(0);
                assertThat(r.written()).isEqualTo(12 - afterKill.done());
                assertThat(q.counts(JobKey.PRE_CAPTION)).isEqualTo(new JobCounts(0, 0, 12, 0, 0));
                for (String c : clips) {
                    for (String a : ASPECTS) {
                        List<Revision> pre = store.history(c, a).stream()
                                .filter(x -> x.kind() == RevisionKind.PRE_CAPTION).toList();
                        assertThat(pre).as(c + "/" + a).hasSize(1);
                    }
                }
                for (JobRecord j : q.jobs(JobKey.PRE_CAPTION, JobStatus.DONE, 100)) {
                    String uuid = store.history(j.key().clipId(), j.key().aspect()).get(0).uuid().toString();
                    assertThat(j.result()).isEqualTo("[\"" + uuid + "\"]");
                }
            }
        }
    }
}
