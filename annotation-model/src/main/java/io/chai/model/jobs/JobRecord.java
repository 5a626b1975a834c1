// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

/**
 * A job as stored, for reports: its status, attempts so far, the last error (failed) or reason (skipped), and the
 * revisions its result was written as (done; JSON array of UUIDs), or null.
 */
public record JobRecord(long id, JobKey key, JobStatus status, int attempts, String lastError, String result) {
}
