-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: resumable imports and the file-hash cache. Queue states now follow the workflow's
-- WorkflowState names; the store rebuilds the derived tables after migrating from version 1.

-- SHA-256 of a file, valid while its size and modification time are unchanged (fast re-imports and relinks).
CREATE TABLE file_hashes (
  path        TEXT PRIMARY KEY,      -- absolute, normalized
  size_bytes  INTEGER NOT NULL,
  mtime_ms    INTEGER NOT NULL,
  sha256      TEXT NOT NULL
) WITHOUT ROWID;

-- One import command; state: running (or crashed), cancelled, finished.
CREATE TABLE import_runs (
  run_id       INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  state        TEXT NOT NULL,
  inputs       TEXT NOT NULL,        -- JSON array of the paths given
  author       TEXT NOT NULL
);

-- Every file an import will look at; status: pending, imported, duplicate, failed.
CREATE TABLE import_items (
  run_id   INTEGER NOT NULL REFERENCES import_runs(run_id),
  item_no  INTEGER NOT NULL,
  item     TEXT NOT NULL,            -- JSON: path, origin, external id, tags, assignee, captions
  status   TEXT NOT NULL,
  clip_id  TEXT,
  message  TEXT,
  PRIMARY KEY (run_id, item_no)
) WITHOUT ROWID;
CREATE INDEX import_items_by_status ON import_items(run_id, status, item_no);
