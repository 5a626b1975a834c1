// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import io.chai.model.store.ProjectStore;
import io.chai.model.workflow.WorkflowState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a batch pre-captioning run does.
 *
 * @param aspects              aspects to queue (fixed order is applied), empty to only resume the open queue
 * @param state                queue (clip, aspect) pairs in this state; null means any state
 * @param assignee             only pairs assigned to this user ({@code ""}: unassigned); null means anyone
 * @param tag                  only clips with this tag; null means any
 * @param bestOf               candidates per caption (1 = a single draft, no reward scoring)
 * @param concurrency          worker threads
 * @param retries              retries of a retryable failure (server error, timeout, dropped connection, rate
 *                             limit, malformed answer) before the job is reported as failed
 * @param overrideDependencies pre-caption aspects whose dependencies are not approved yet, using their current
 *                             captions (instead of skipping them)
 * @param framesPerClip        frames sampled uniformly from each clip (once, shared by its aspects)
 * @param maxPixels            decode size limit per frame
 * @param author               author of the written revisions
 * @param worker               this runner's name in leases (host and process, for example)
 * @param lease                how long a job is held before another worker may take it over (renewed meanwhile)
 * @param initialBackoff       wait before the first retry; doubled per retry up to {@code maxBackoff}
 * @param maxBackoff           longest wait between retries
 */
public record BatchOptions(List<String> aspects, WorkflowState state, String assignee, String tag, int bestOf,
        int concurrency, int retries, boolean overrideDependencies, int framesPerClip, long maxPixels, String author,
        String worker, Duration lease, Duration initialBackoff, Duration maxBackoff) {

    public BatchOptions {
        aspects = ProjectStore.ASPECTS.stream().filter(List.copyOf(aspects)::contains).toList();
        if (bestOf < 1 || bestOf > 16) {
            throw new IllegalArgumentException("--best-of must be between 1 and 16, not " + bestOf);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 64, not " + concurrency);
        }
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("--retries must be between 0 and 20, not " + retries);
        }
        if (framesPerClip < 1 || framesPerClip > 64) {
            throw new IllegalArgumentException("frames per clip must be between 1 and 64, not " + framesPerClip);
        }
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** Defaults: not-started pairs of the given aspects, one draft each, 2 workers, 3 retries, 8 frames. */
    public static BatchOptions of(List<String> aspects, String author) {
        return new BatchOptions(aspects, WorkflowState.NOT_STARTED, null, null, 1, 2, 3, false, 8, 640L * 480,
                author, author + "@" + ProcessHandle.current().pid(), Duration.ofMinutes(2), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    public BatchOptions withFilter(WorkflowState s, String assigneeFilter, String tagFilter) {
        return new BatchOptions(aspects, s, assigneeFilter, tagFilter, bestOf, concurrency, retries,
                overrideDependencies, framesPerClip, maxPixels, author, worker, lease, initialBackoff, maxBackoff);
    }

    public BatchOptions withBestOf(int n) {
        return new BatchOptions(aspects, state, assignee, tag, n, concurrency, retries, overrideDependencies,
                framesPerClip, maxPixels, author, worker, lease, initialBackoff, maxBackoff);
    }

    public BatchOptions withConcurrency(int k) {
        return new BatchOptions(aspects, state, assignee, tag, bestOf, k, retries, overrideDependencies,
                framesPerClip, maxPixels, author, worker, lease, initialBackoff, maxBackoff);
    }

    public BatchOptions withRetries(int r, Duration initial, Duration max) {
        return new BatchOptions(aspects, state, assignee, tag, bestOf, concurrency, r, overrideDependencies,
                framesPerClip, maxPixels, author, worker, lease, initial, max);
    }

    public BatchOptions withOverrideDependencies(boolean o) {
        return new BatchOptions(aspects, state, assignee, tag, bestOf, concurrency, retries, o, framesPerClip,
                maxPixels, author, worker, lease, initialBackoff, maxBackoff);
    }

    public BatchOptions withWorker(String name, Duration leaseFor) {
        return new BatchOptions(aspects, state, assignee, tag, bestOf, concurrency, retries, overrideDependencies,
                framesPerClip, maxPixels, author, name, leaseFor, initialBackoff, maxBackoff);
    }

    public BatchOptions withFrames(int n) {
        return new BatchOptions(aspects, state, assignee, tag, bestOf, concurrency, retries, overrideDependencies, n,
                maxPixels, author, worker, lease, initialBackoff, maxBackoff);
    }

    /** The wait before retry number {@code retry} (1-based): doubling from the initial backoff, capped. */
    public Duration backoff(int retry) {
        long ms = initialBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
