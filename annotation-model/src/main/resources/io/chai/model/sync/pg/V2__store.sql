-- SPDX-License-Identifier: GPL-3.0-or-later
-- CHAI shared store, schema version 2: model-written revisions.
--
-- Rule: a model never signs a revision. A revision with model-written content (a pre-caption with source "model",
-- or a payload carrying a "provenance", "polisher" or "reviser" record) is inserted by the person who ran the model:
-- its author is that person (the actor, = current_user as for every revision), and the model is named in the
-- provenance record ("model", non-blank); a pre-caption's "source_name" must be that same model. So nobody can
-- push model output as somebody else, nor model output that hides which model wrote it.

CREATE FUNCTION chai_model_written_ok(payload text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  j jsonb;
  rec text;
BEGIN
  IF payload !~ '"(source|provenance|polisher|reviser)"' THEN
    RETURN true;                                   -- nothing model-written here (fast path)
  END IF;
  j := payload::jsonb;
  IF jsonb_typeof(j) <> 'object' THEN
    RETURN true;
  END IF;
  IF j->>'source' = 'model' THEN
    IF jsonb_typeof(j->'provenance') IS DISTINCT FROM 'object'
       OR coalesce(btrim(j#>>'{provenance,model}'), '') = ''
       OR j->>'source_name' IS DISTINCT FROM j#>>'{provenance,model}' THEN
      RETURN false;
    END IF;
  END IF;
  FOREACH rec IN ARRAY ARRAY['provenance', 'polisher', 'reviser'] LOOP
    IF j ? rec AND jsonb_typeof(j->rec) <> 'null' THEN
      IF jsonb_typeof(j->rec) <> 'object' OR coalesce(btrim(j->rec->>'model'), '') = '' THEN
        RETURN false;
      END IF;
    END IF;
  END LOOP;
  RETURN true;
END $$;

DROP POLICY chai_revisions_write ON chai_revisions;
CREATE POLICY chai_revisions_write ON chai_revisions FOR INSERT WITH CHECK (
  author = current_user
  AND chai_role(current_user) IS NOT NULL
  AND (kind <> 'assignment' OR chai_role(current_user) = 'admin')
  AND (kind <> 'review' OR (chai_role(current_user) IN ('reviewer', 'admin')
                            AND NOT chai_did_work(clip_id, aspect, current_user)))
  AND chai_model_written_ok(payload)
);
