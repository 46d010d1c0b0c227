-- 003: what push and pull need (issue 5, item 3). Portable SQL: runs on PGlite and PostgreSQL 15+.

-- Per field: who wrote it last, at which rev, from which device, when —
--   {"<field>": {"rev": 12, "by": "<user id>", "at": "<iso>", "device": "<device id>"}}.
-- The per-field merge (src/sync/protocol/merge.ts) decides "did the writer see this value?" from
-- it, and a conflict names the person who wrote the overwritten value, not the record's last author.
ALTER TABLE records ADD COLUMN field_revs jsonb NOT NULL DEFAULT '{}'::jsonb;

-- Rows written before this migration: every field counts as written with the record's last change.
UPDATE records r SET field_revs = COALESCE(
  (SELECT jsonb_object_agg(k, jsonb_build_object(
            'rev', r.rev, 'by', r.updated_by, 'at', r.updated_at, 'device', ''))
   FROM jsonb_object_keys(r.fields) AS k),
  '{}'::jsonb);

-- Sociale-kaart entries added on a device belong to no client.
ALTER TABLE records ALTER COLUMN client_id DROP NOT NULL;

-- Pull pages by rev; a rev is given once, so the cursor never skips or repeats a record.
DROP INDEX records_rev_idx;
CREATE UNIQUE INDEX records_rev_key ON records (rev);
-- Pull for one caseload: the records of a set of clients, by rev.
DROP INDEX records_client_idx;
CREATE INDEX records_client_rev_idx ON records (client_id, rev);

-- The answer given to a mutation, so a replay gets the same answer (sync guarantee 2), also for
-- a rejection (guarantee 5). user_id: the author, for the audit trail and so another user can
-- never learn anything from someone else's mutation id.
ALTER TABLE applied_mutations ADD COLUMN status text NOT NULL DEFAULT 'applied'
  CHECK (status IN ('applied', 'rejected'));
ALTER TABLE applied_mutations ADD COLUMN reason text;
ALTER TABLE applied_mutations ADD COLUMN detail text;
ALTER TABLE applied_mutations ADD COLUMN conflicts integer NOT NULL DEFAULT 0;
ALTER TABLE applied_mutations ADD COLUMN user_id uuid;
ALTER TABLE applied_mutations ADD COLUMN record_id uuid;
ALTER TABLE applied_mutations ALTER COLUMN status DROP DEFAULT;
