-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: indexes that let work queues walk aspect_state in import order for every filter combination
-- (the v2 indexes needed a sort of all matching rows when only the aspect, only the assignee or nothing was given).

CREATE INDEX aspect_state_in_order ON aspect_state(clip_no, aspect);
CREATE INDEX aspect_state_by_aspect ON aspect_state(aspect, clip_no);
CREATE INDEX aspect_state_by_assignee_in_order ON aspect_state(assignee, clip_no);
