// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.store;

import io.chai.model.jobs.JobCounts;
import io.chai.model.jobs.JobKey;
import io.chai.model.jobs.JobQueue;
import io.chai.model.jobs.JobRecord;
import io.chai.model.jobs.JobStatus;
import io.chai.model.jobs.LeasedJob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link JobQueue} of a project, in its SQLite database (table {@code jobs}, schema version 4). Several
 * processes may open the same project and share the queue: a lease is one {@code UPDATE} (SQLite takes the write
 * lock for the whole statement, so two workers never get the same job), and every later change of the job checks
 * the lease token. Completion appends the result revisions and marks the job done in one transaction.
 */
public final class SqliteJobQueue implements JobQueue {
    private static final String SELECT_JOB = "SELECT id, clip_id, aspect, kind, status, attempts, last_error, result"
            + " FROM jobs";

    private final ProjectStore store;
    private final Clock clock;

    public SqliteJobQueue(ProjectStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SqliteJobQueue(ProjectStore store) {
        this(store, Clock.systemUTC());
    }

    private long now() {
        return clock.millis();
    }

    @Override
    public int enqueue(List<JobKey> keys, String params) {
        String p = Json.canonical(params == null ? "{}" : params);
        if (!Json.parse(p).isObject()) {
            throw new IllegalArgumentException("job parameters must be a JSON object");
        }
        return store.write(() -> {
            PreparedStatement ps = store.db().ps("INSERT INTO jobs(clip_id, aspect, kind, params, enqueued_at)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT(clip_id, aspect, kind) DO NOTHING");
            int added = 0;
            long t = now();
            for (JobKey k : keys) {
                ps.setString(1, k.clipId());
                ps.setString(2, k.aspect());
                ps.setString(3, k.kind());
                ps.setString(4, p);
                ps.setLong(5, t);
                added += ps.executeUpdate();
            }
            return added;
        });
    }

    @Override
    public List<LeasedJob> lease(String kind, String worker, int max, Duration leaseFor) {
        if (max <= 0) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        return store.write(() -> {
            long t = now();
            long expires = t + leaseFor.toMillis();
            // one statement: the write lock is held from the selection to the update, so no job is leased twice
            PreparedStatement up = store.db().ps("UPDATE jobs SET status = 'leased', lease_token = ?, leased_by = ?,"
                    + " lease_expires = ?, attempts = attempts + 1 WHERE id IN (SELECT id FROM jobs WHERE kind = ?"
                    + " AND ((status = 'pending' AND not_before <= ?) OR (status = 'leased' AND lease_expires < ?))"
                    + " ORDER BY id LIMIT ?)");
            up.setString(1, token);
            up.setString(2, worker);
            up.setLong(3, expires);
            up.setString(4, kind);
            up.setLong(5, t);
            up.setLong(6, t);
            up.setInt(7, max);
            if (up.executeUpdate() == 0) {
                return List.of();
            }
            PreparedStatement q = store.db().ps("SELECT id, clip_id, aspect, kind, params, attempts FROM jobs"
                    + " WHERE lease_token = ? ORDER BY id");
            q.setString(1, token);
            List<LeasedJob> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new LeasedJob(rs.getLong(1), new JobKey(rs.getString(2), rs.getString(3),
                            rs.getString(4)), rs.getString(5), rs.getInt(6), token, Instant.ofEpochMilli(expires)));
                }
            }
            return out;
        });
    }

    /** Runs an update guarded by the job's lease; true when the lease was still held. */
    private boolean guarded(LeasedJob job, String set, Object... args) throws SQLException {
        PreparedStatement ps = store.db().ps("UPDATE jobs SET " + set
                + " WHERE id = ? AND lease_token = ? AND status = 'leased'");
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        ps.setLong(i++, job.id());
        ps.setString(i, job.token());
        return ps.executeUpdate() == 1;
    }

    @Override
    public boolean renew(LeasedJob job, Duration leaseFor) {
        return store.write(() -> guarded(job, "lease_expires = ?", now() + leaseFor.toMillis()));
    }

    @Override
    public Optional<List<Revision>> complete(LeasedJob job, List<RevisionDraft> results) {
        return store.write(() -> {
            // the guard comes first: it takes the write lock, and a lost lease writes nothing
            if (!guarded(job, "status = 'done', lease_token = NULL, lease_expires = NULL, last_error = NULL,"
                    + " finished_at = ?", now())) {
                return Optional.empty();
            }
            List<Revision> out = new ArrayList<>(results.size());
            for (RevisionDraft d : results) {
                out.add(store.appendLocked(d));
            }
            PreparedStatement ps = store.db().ps("UPDATE jobs SET result = ? WHERE id = ?");
            ps.setString(1, Json.uuids(out.stream().map(Revision::uuid).toList()));
            ps.setLong(2, job.id());
            ps.executeUpdate();
            return Optional.of(List.copyOf(out));
        });
    }

    @Override
    public boolean fail(LeasedJob job, String error, Optional<Instant> retryAt) {
        return store.write(() -> retryAt.isPresent()
                ? guarded(job, "status = 'pending', lease_token = NULL, lease_expires = NULL, last_error = ?,"
                        + " not_before = ?", error, retryAt.get().toEpochMilli())
                : guarded(job, "status = 'failed', lease_token = NULL, lease_expires = NULL, last_error = ?,"
                        + " finished_at = ?", error, now()));
    }

    @Override
    public boolean skip(LeasedJob job, String reason) {
        return store.write(() -> guarded(job, "status = 'skipped', lease_token = NULL, lease_expires = NULL,"
                + " last_error = ?, finished_at = ?", reason, now()));
    }

    @Override
    public boolean release(LeasedJob job) {
        return store.write(() -> guarded(job, "status = 'pending', lease_token = NULL, lease_expires = NULL,"
                + " attempts = max(attempts - 1, 0)"));
    }

    @Override
    public int releaseExpired(String kind) {
        return store.write(() -> {
            PreparedStatement ps = store.db().ps("UPDATE jobs SET status = 'pending', lease_token = NULL,"
                    + " lease_expires = NULL WHERE kind = ? AND status = 'leased' AND lease_expires < ?");
            ps.setString(1, kind);
            ps.setLong(2, now());
            return ps.executeUpdate();
        });
    }

    @Override
    public int retryFailedAndSkipped(String kind) {
        return store.write(() -> {
            PreparedStatement ps = store.db().ps("UPDATE jobs SET status = 'pending', attempts = 0, not_before = 0,"
                    + " finished_at = NULL WHERE kind = ? AND status IN ('failed', 'skipped')");
            ps.setString(1, kind);
            return ps.executeUpdate();
        });
    }

    @Override
    public JobCounts counts(String kind) {
        return store.read(() -> {
            PreparedStatement ps = store.db().ps("SELECT status, count(*) FROM jobs WHERE kind = ? GROUP BY status");
            ps.setString(1, kind);
            long[] c = new long[JobStatus.values().length];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    c[JobStatus.fromId(rs.getString(1)).ordinal()] = rs.getLong(2);
                }
            }
            return new JobCounts(c[0], c[1], c[2], c[3], c[4]);
        });
    }

    @Override
    public List<JobRecord> jobs(String kind, JobStatus status, int limit) {
        return store.read(() -> {
            PreparedStatement ps = store.db().ps(SELECT_JOB + " WHERE kind = ? AND status = ? ORDER BY id LIMIT ?");
            ps.setString(1, kind);
            ps.setString(2, status.id());
            ps.setInt(3, limit);
            List<JobRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new JobRecord(rs.getLong(1), new JobKey(rs.getString(2), rs.getString(3),
                            rs.getString(4)), JobStatus.fromId(rs.getString(5)), rs.getInt(6), rs.getString(7),
                            rs.getString(8)));
                }
            }
            return out;
        });
    }
}
