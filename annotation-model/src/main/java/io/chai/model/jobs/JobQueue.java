// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

import io.chai.model.store.Revision;
import io.chai.model.store.RevisionDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A persistent queue of jobs shared by any number of workers (threads, processes, workstations). Contract:
 * <ul>
 *   <li>one job per {@link JobKey}; enqueuing a known key changes nothing;</li>
 *   <li>{@link #lease} hands each ready job to exactly one worker at a time, with a fresh token and an expiry,
 *       in enqueue order; a job whose lease expired is ready again (its next lease counts another attempt);</li>
 *   <li>completing, failing, skipping, renewing and releasing need the current token: a worker whose expired lease
 *       was taken over learns it from the {@code false} / empty answer and must drop its work;</li>
 *   <li>{@link #complete} stores the result revisions and marks the job done atomically (the SQLite store in one
 *       transaction; a PostgreSQL store with {@code SELECT … FOR UPDATE SKIP LOCKED} in the same way).</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface JobQueue {
    /** Adds jobs for the keys not yet queued, all with the same parameters (JSON object); returns how many were new. */
    int enqueue(List<JobKey> keys, String params);

    /** Leases up to {@code max} ready jobs of {@code kind} for {@code worker}, oldest first. */
    List<LeasedJob> lease(String kind, String worker, int max, Duration leaseFor);

    /** Extends a held lease; false when the lease was lost. */
    boolean renew(LeasedJob job, Duration leaseFor);

    /**
     * Appends {@code results} to the project's revision log and marks the job done with their ids, atomically;
     * empty (and nothing written) when the lease was lost.
     */
    Optional<List<Revision>> complete(LeasedJob job, List<RevisionDraft> results);

    /**
     * Records a failure: with {@code retryAt} the job becomes pending again from that moment, without it the job
     * has failed for good. False when the lease was lost.
     */
    boolean fail(LeasedJob job, String error, Optional<Instant> retryAt);

    /** Marks the job skipped with a reason (it could not run yet); false when the lease was lost. */
    boolean skip(LeasedJob job, String reason);

    /** Gives the job back untouched (cancellation): pending again, this attempt not counted. */
    boolean release(LeasedJob job);

    /** Makes every expired lease of {@code kind} pending again; returns how many. */
    int releaseExpired(String kind);

    /** Makes failed and skipped jobs of {@code kind} pending again with no attempts counted; returns how many. */
    int retryFailedAndSkipped(String kind);

    JobCounts counts(String kind);

    /** Jobs of {@code kind} in {@code status}, oldest first. */
    List<JobRecord> jobs(String kind, JobStatus status, int limit);
}
