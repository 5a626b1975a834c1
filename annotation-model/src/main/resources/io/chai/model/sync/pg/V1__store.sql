-- SPDX-License-Identifier: GPL-3.0-or-later
-- CHAI shared store, schema version 1. Run by the store owner (chai store init-postgres).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chai_member') THEN
    CREATE ROLE chai_member NOLOGIN;
  END IF;
END $$;

CREATE TABLE chai_store_meta (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE chai_users (
  username text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chai_clips (
  clip_id text PRIMARY KEY CHECK (clip_id ~ '^[0-9a-f]{64}$'),
  record text NOT NULL,
  added_by text NOT NULL DEFAULT current_user,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  server_seq bigserial NOT NULL
);
CREATE INDEX chai_clips_pull ON chai_clips (txid, server_seq);

CREATE TABLE chai_revisions (
  uuid uuid PRIMARY KEY,
  clip_id text NOT NULL,
  aspect text NOT NULL,
  kind text NOT NULL,
  author text NOT NULL,
  device text NOT NULL,
  hlc text NOT NULL,
  parents text NOT NULL,
  payload text NOT NULL,
  spec_id text NOT NULL,
  spec_version text NOT NULL,
  pushed_by text NOT NULL DEFAULT current_user,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  server_seq bigserial NOT NULL
);
CREATE INDEX chai_revisions_pull ON chai_revisions (txid, server_seq);
CREATE INDEX chai_revisions_work ON chai_revisions (clip_id, aspect, author, kind);

CREATE TABLE chai_push_cursors (
  device text NOT NULL,
  username text NOT NULL DEFAULT current_user,
  seq bigint NOT NULL,
  clip_no bigint NOT NULL,
  PRIMARY KEY (device, username)
);

CREATE TABLE chai_jobs (
  job_id text PRIMARY KEY,
  kind text NOT NULL,
  clip_id text,
  payload text NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
  leased_by text,
  lease_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  done_at timestamptz
);
CREATE INDEX chai_jobs_queue ON chai_jobs (state, created_at, job_id);

-- role lookups that policies use; SECURITY DEFINER so that they see every row whatever the caller's policies
CREATE FUNCTION chai_role(u text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT role FROM chai_users WHERE username = u $$;
CREATE FUNCTION chai_did_work(c text, a text, u text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM chai_revisions WHERE clip_id = c AND aspect = a AND author = u
                       AND kind IN ('critique', 'post_caption', 'submission')) $$;

-- nobody, not even the owner, changes or removes a revision
CREATE FUNCTION chai_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CHAI revisions are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER chai_revisions_immutable BEFORE UPDATE OR DELETE ON chai_revisions
  FOR EACH ROW EXECUTE FUNCTION chai_immutable();
CREATE TRIGGER chai_revisions_no_truncate BEFORE TRUNCATE ON chai_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION chai_immutable();
CREATE TRIGGER chai_clips_immutable BEFORE UPDATE OR DELETE ON chai_clips
  FOR EACH ROW EXECUTE FUNCTION chai_immutable();

REVOKE ALL ON chai_store_meta, chai_users, chai_clips, chai_revisions, chai_push_cursors, chai_jobs FROM PUBLIC;
GRANT SELECT ON chai_store_meta TO chai_member;
GRANT SELECT, INSERT, UPDATE ON chai_users TO chai_member;
GRANT SELECT, INSERT ON chai_clips, chai_revisions TO chai_member;
GRANT SELECT, INSERT, UPDATE ON chai_push_cursors TO chai_member;
GRANT SELECT, INSERT, UPDATE ON chai_jobs TO chai_member;
GRANT USAGE ON SEQUENCE chai_clips_server_seq_seq, chai_revisions_server_seq_seq TO chai_member;

ALTER TABLE chai_revisions ENABLE ROW LEVEL SECURITY;
CREATE POLICY chai_revisions_read ON chai_revisions FOR SELECT USING (true);
CREATE POLICY chai_revisions_write ON chai_revisions FOR INSERT WITH CHECK (
  author = current_user
  AND chai_role(current_user) IS NOT NULL
  AND (kind <> 'assignment' OR chai_role(current_user) = 'admin')
  AND (kind <> 'review' OR (chai_role(current_user) IN ('reviewer', 'admin')
                            AND NOT chai_did_work(clip_id, aspect, current_user)))
);

ALTER TABLE chai_clips ENABLE ROW LEVEL SECURITY;
CREATE POLICY chai_clips_read ON chai_clips FOR SELECT USING (true);
CREATE POLICY chai_clips_write ON chai_clips FOR INSERT
  WITH CHECK (added_by = current_user AND chai_role(current_user) IS NOT NULL);

ALTER TABLE chai_users ENABLE ROW LEVEL SECURITY;
CREATE POLICY chai_users_read ON chai_users FOR SELECT USING (true);
CREATE POLICY chai_users_insert ON chai_users FOR INSERT WITH CHECK (chai_role(current_user) = 'admin');
CREATE POLICY chai_users_update ON chai_users FOR UPDATE USING (chai_role(current_user) = 'admin')
  WITH CHECK (chai_role(current_user) = 'admin');

ALTER TABLE chai_push_cursors ENABLE ROW LEVEL SECURITY;
CREATE POLICY chai_push_cursors_own ON chai_push_cursors FOR ALL USING (username = current_user)
  WITH CHECK (username = current_user);

ALTER TABLE chai_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY chai_jobs_read ON chai_jobs FOR SELECT USING (true);
CREATE POLICY chai_jobs_insert ON chai_jobs FOR INSERT WITH CHECK (chai_role(current_user) = 'admin');
CREATE POLICY chai_jobs_work ON chai_jobs FOR UPDATE USING (chai_role(current_user) IS NOT NULL)
  WITH CHECK (chai_role(current_user) IS NOT NULL);

REVOKE ALL ON chai_schema FROM PUBLIC;
GRANT SELECT ON chai_schema TO chai_member;
