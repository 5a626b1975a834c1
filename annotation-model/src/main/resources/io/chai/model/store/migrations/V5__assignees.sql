-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: overlap assignments (agreement studies). An assignment payload may name several people
-- ({"assignee": "alice", "assignees": ["alice", "bob", "carol"]}; "assignee" is the first, for older readers).
-- Derived: every person assigned to each (clip, aspect); aspect_state.assignee stays the first of them.
-- Filled by the derived-state rebuild that runs in this migration's transaction.

CREATE TABLE aspect_assignees (
  clip_id   TEXT NOT NULL,
  aspect    TEXT NOT NULL,
  assignee  TEXT NOT NULL,
  clip_no   INTEGER NOT NULL,
  PRIMARY KEY (clip_id, aspect, assignee)
) WITHOUT ROWID;
CREATE INDEX aspect_assignees_queue ON aspect_assignees(assignee, clip_no, aspect);
