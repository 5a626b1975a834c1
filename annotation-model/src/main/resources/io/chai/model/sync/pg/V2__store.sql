-- SPDX-License-Identifier: GPL-3.0-or-later
-- CHAI shared store, schema version 2: model-written revisions.
--
-- Rule: a model never signs a revision. A revision with model-written content (a pre-caption with source "model",
-- or a payload carrying a "provenance", "polisher" or "reviser" record) is inserted by the person who ran the model:
-- its author is that person (the actor, = current_user as for every revision), and the model is named in the
-- provenance record ("model", non-blank); a pre-caption's "source_name" must be that same model. So nobody can
-- push model output as somebody else, nor model output that hides which model wrote it.

-- Every payload is parsed (no textual shortcut: JSON escapes could hide a key from a pattern); a plain SQL function
-- that the planner can inline keeps the per-row cost small.
CREATE FUNCTION chai_model_written_ok(payload text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(j) <> 'object' OR (
    (j->>'source' IS DISTINCT FROM 'model'
     OR (jsonb_typeof(j->'provenance') = 'object'
         AND coalesce(btrim(j#>>'{provenance,model}'), '') <> ''
         AND j->>'source_name' IS NOT DISTINCT FROM j#>>'{provenance,model}'))
    AND NOT EXISTS (SELECT 1 FROM unnest(ARRAY['provenance', 'polisher', 'reviser']) AS r(k)
                    WHERE jsonb_typeof(j->r.k) IS NOT NULL AND jsonb_typeof(j->r.k) <> 'null'
                      AND (jsonb_typeof(j->r.k) <> 'object' OR coalesce(btrim(j->r.k->>'model'), '') = '')))
  FROM (SELECT payload::jsonb AS j) AS p
$$;

DROP POLICY chai_revisions_write ON chai_revisions;
CREATE POLICY chai_revisions_write ON chai_revisions FOR INSERT WITH CHECK (
  author = current_user
  AND chai_role(current_user) IS NOT NULL
  AND (kind <> 'assignment' OR chai_role(current_user) = 'admin')
  AND (kind <> 'review' OR (chai_role(current_user) IN ('reviewer', 'admin')
                            AND NOT chai_did_work(clip_id, aspect, current_user)))
  AND chai_model_written_ok(payload)
);
