-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: project metadata, clips, the append-only revision log and the state derived from it.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per distinct media content (clip_id = SHA-256 of the file bytes, lower-case hex).
CREATE TABLE clips (
  clip_no      INTEGER PRIMARY KEY,          -- local import order
  clip_id      TEXT NOT NULL UNIQUE,
  path         TEXT NOT NULL,                -- relative to the project folder when inside it, else absolute
  size_bytes   INTEGER NOT NULL,
  mtime_ms     INTEGER NOT NULL,
  external_id  TEXT,
  duration_s   REAL,
  fps_num      INTEGER,
  fps_den      INTEGER,
  width        INTEGER,
  height       INTEGER,
  frame_count  INTEGER,
  codec        TEXT,
  imported_at  TEXT NOT NULL
);
CREATE INDEX clips_by_external_id ON clips(external_id) WHERE external_id IS NOT NULL;
CREATE INDEX clips_by_size ON clips(size_bytes);

-- Every place a clip's content was seen (duplicates imported from two places).
CREATE TABLE clip_sources (
  clip_id  TEXT NOT NULL REFERENCES clips(clip_id),
  path     TEXT NOT NULL,
  seen_at  TEXT NOT NULL,
  PRIMARY KEY (clip_id, path)
) WITHOUT ROWID;

CREATE TABLE clip_tags (
  clip_id  TEXT NOT NULL REFERENCES clips(clip_id),
  tag      TEXT NOT NULL,
  PRIMARY KEY (clip_id, tag)
) WITHOUT ROWID;
CREATE INDEX clip_tags_by_tag ON clip_tags(tag, clip_id);

-- The revision log: append-only, the unit of sync.
CREATE TABLE revisions (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,  -- local append order (push cursor)
  uuid          TEXT NOT NULL UNIQUE,
  clip_id       TEXT NOT NULL REFERENCES clips(clip_id),
  aspect        TEXT NOT NULL,                      -- aspect id, '' = whole clip
  kind          TEXT NOT NULL,
  author        TEXT NOT NULL,
  device        TEXT NOT NULL,
  hlc           TEXT NOT NULL,                      -- sortable hybrid logical clock
  parents       TEXT NOT NULL,                      -- JSON array of revision UUIDs
  payload       TEXT NOT NULL,                      -- JSON
  spec_id       TEXT NOT NULL,
  spec_version  TEXT NOT NULL
);
CREATE INDEX revisions_by_clip ON revisions(clip_id, aspect, hlc);
CREATE INDEX revisions_by_hlc ON revisions(hlc);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

-- Derived: the current value of each (clip, aspect, kind); payload 'null' = cleared.
CREATE TABLE current_values (
  id             INTEGER PRIMARY KEY,               -- also the rowid of its full-text row
  clip_id        TEXT NOT NULL,
  aspect         TEXT NOT NULL,
  kind           TEXT NOT NULL,
  revision_uuid  TEXT NOT NULL,
  hlc            TEXT NOT NULL,
  author         TEXT NOT NULL,
  payload        TEXT NOT NULL,
  UNIQUE (clip_id, aspect, kind)
);

-- Derived: work-queue state of each (clip, aspect).
CREATE TABLE aspect_state (
  clip_id   TEXT NOT NULL,
  aspect    TEXT NOT NULL,
  clip_no   INTEGER NOT NULL,
  state     TEXT NOT NULL,
  assignee  TEXT,
  PRIMARY KEY (clip_id, aspect)
) WITHOUT ROWID;
CREATE INDEX aspect_state_queue ON aspect_state(aspect, state, clip_no);
CREATE INDEX aspect_state_by_state ON aspect_state(state, clip_no);
CREATE INDEX aspect_state_by_assignee ON aspect_state(assignee, aspect, state, clip_no);

-- Derived: full text of current captions, critiques and reviews (rowid = current_values.id).
CREATE VIRTUAL TABLE annotation_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

-- Derived: revisions per (author, kind).
CREATE TABLE annotator_counts (
  author  TEXT NOT NULL,
  kind    TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (author, kind)
) WITHOUT ROWID;

-- Derived: one row per step-timing revision.
CREATE TABLE step_times (
  revision_uuid    TEXT PRIMARY KEY,
  clip_id          TEXT NOT NULL,
  aspect           TEXT NOT NULL,
  step             TEXT NOT NULL,
  author           TEXT NOT NULL,
  opened_ms        INTEGER NOT NULL,
  first_edit_ms    INTEGER,
  submitted_ms     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX step_times_by_author ON step_times(author, step);
