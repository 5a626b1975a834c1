// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import io.chai.inference.client.ModelServerClient;
import io.chai.inference.roles.ModelRoles;
import io.chai.inference.server.LoopbackModelServer;
import io.chai.inference.settings.ApiKeys;
import io.chai.inference.settings.Dialect;
import io.chai.inference.settings.RetryPolicy;
import io.chai.inference.settings.ServerProfile;
import io.chai.model.spec.Specification;
import io.chai.model.spec.Specifications;
import io.chai.model.store.ProjectStore;
import io.chai.model.store.SqliteJobQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Child JVM of {@link BatchKillTest}: works the project's open pre-caption queue against the server at args[1],
 * printing {@code written N} after each durable write, until it is killed.
 */
public final class BatchChildMain {
    private BatchChildMain() {
    }

    public static void main(String[] args) {
        Specification spec = Specifications.bundled();
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]));
                ModelServerClient client = new ModelServerClient(ServerProfile.of("loop", args[1],
                        LoopbackModelServer.DEFAULT_MODEL, Dialect.OPENAI).withRetry(RetryPolicy.NONE),
                        ApiKeys.none())) {
            long[] last = {0};
            BatchOptions o = BatchOptions.of(List.of(), "child").withConcurrency(2)
                    .withWorker("child", Duration.ofSeconds(2));
            new PrecaptionBatch(store, new SqliteJobQueue(store), spec, new ModelRoles(spec, client, Clock.systemUTC()),
                    o, p -> {
                        synchronized (last) {
                            if (p.written() > last[0]) {
                                last[0] = p.written();
                                System.out.println("written " + p.written());
                                System.out.flush();
                            }
                        }
                    }, Clock.systemUTC()).work(0);
        }
    }
}
