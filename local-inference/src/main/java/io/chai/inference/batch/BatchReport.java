// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.inference.batch;

import io.chai.model.jobs.JobRecord;
import java.time.Duration;
import java.util.List;

/**
 * The end of a batch run.
 *
 * @param queued    jobs this run added to the queue
 * @param written   pre-captions this runner wrote
 * @param skipped   the queue's skipped jobs with their reasons (dependencies not approved)
 * @param failed    the queue's failed jobs with their last errors
 * @param remaining jobs still open (cancelled runs, or jobs other workers hold)
 * @param cancelled whether the run was cancelled
 * @param elapsed   how long the run took
 */
public record BatchReport(int queued, long written, List<JobRecord> skipped, List<JobRecord> failed, long remaining,
        boolean cancelled, Duration elapsed) {
    public BatchReport {
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }
}
