// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.sync.pg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A work queue shared by workstations and headless workers (e.g. the batch pre-caption queue): admins enqueue jobs;
 * each worker leases a few with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so no two live leases cover one job; a
 * lease that expires (a worker died) makes its jobs available again; completing needs the lease.
 */
public final class JobQueue {
    private final PostgresStore store;

    JobQueue(PostgresStore store) {
        this.store = store;
    }

    /** A job to do. */
    public record Job(String id, String kind, String clipId, String payload) {
        public Job {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            payload = payload == null ? "{}" : payload;
        }
    }

    /** Adds jobs (an id already queued is kept as it is); returns how many were new. Admins only. */
    public int enqueue(List<Job> jobs) {
        return store.transaction(() -> {
            int added = 0;
            try (PreparedStatement ps = store.connection().prepareStatement("INSERT INTO chai_jobs(job_id, kind,"
                    + " clip_id, payload) VALUES (?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING")) {
                for (Job j : jobs) {
                    ps.setString(1, j.id());
                    ps.setString(2, j.kind());
                    ps.setString(3, j.clipId());
                    ps.setString(4, j.payload());
                    added += ps.executeUpdate();
                }
            }
            return added;
        });
    }

    /** Leases up to {@code max} pending jobs not leased by anyone else (or whose lease expired) for {@code lease}. */
    public List<Job> lease(String worker, int max, Duration lease) {
        PostgresStore.positive(lease);
        return store.transaction(() -> {
            List<Job> out = new ArrayList<>();
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE chai_jobs j SET leased_by = ?,"
                    + " lease_until = clock_timestamp() + (? * interval '1 millisecond'), attempts = attempts + 1"
                    + " WHERE j.job_id IN (SELECT job_id FROM chai_jobs WHERE state = 'pending'"
                    + " AND (lease_until IS NULL OR lease_until < clock_timestamp())"
                    + " ORDER BY created_at, job_id LIMIT ? FOR UPDATE SKIP LOCKED)"
                    + " RETURNING j.job_id, j.kind, j.clip_id, j.payload")) {
                ps.setString(1, worker);
                ps.setLong(2, lease.toMillis());
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Marks a job done; false when {@code worker} no longer holds its lease (it expired and was taken). */
    public boolean complete(String jobId, String worker) {
        return store.transaction(() -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE chai_jobs SET state = 'done',"
                    + " done_at = clock_timestamp() WHERE job_id = ? AND leased_by = ? AND state = 'pending'")) {
                ps.setString(1, jobId);
                ps.setString(2, worker);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Jobs still pending (leased or not). */
    public long pending() {
        return store.query(() -> {
            try (PreparedStatement ps = store.connection().prepareStatement(
                    "SELECT count(*) FROM chai_jobs WHERE state = 'pending'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
