// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A job a worker holds: only the holder of {@code token} can complete, fail, skip or release it, and only while no
 * other worker has leased it after the lease expired.
 *
 * @param id       the queue's id of the job
 * @param key      what the job is about
 * @param params   the job's parameters as a JSON object (e.g. {@code {"best_of": 3}})
 * @param attempts how many times the job has been leased, this lease included
 * @param token    the lease token
 * @param expires  when the lease expires unless renewed
 */
public record LeasedJob(long id, JobKey key, String params, int attempts, String token, Instant expires) {
    public LeasedJob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expires, "expires");
    }
}
