-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: a persistent job queue (batch pre-captioning and later batch work). One row per
-- (clip, aspect, kind): a job is never done twice. Workers lease jobs with a random token and an expiry; an expired
-- lease may be taken by another worker, and only the holder of the current token can finish a job. The same
-- contract maps onto PostgreSQL (SELECT ... FOR UPDATE SKIP LOCKED). Times are epoch milliseconds.

CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  clip_id       TEXT NOT NULL REFERENCES clips(clip_id),
  aspect        TEXT NOT NULL,
  kind          TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'leased', 'done', 'failed', 'skipped')),
  params        TEXT NOT NULL DEFAULT '{}',
  attempts      INTEGER NOT NULL DEFAULT 0,
  not_before    INTEGER NOT NULL DEFAULT 0,
  lease_token   TEXT,
  leased_by     TEXT,
  lease_expires INTEGER,
  last_error    TEXT,
  result        TEXT,
  enqueued_at   INTEGER NOT NULL,
  finished_at   INTEGER,
  UNIQUE (clip_id, aspect, kind)
);
CREATE INDEX jobs_ready ON jobs(kind, status, not_before, id);
CREATE INDEX jobs_by_token ON jobs(lease_token);
