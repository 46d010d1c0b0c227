-- 001: the record store every synced type lives in (docs/architecture.md, Data).
-- Kept to portable SQL: the same file runs on PGlite (PostgreSQL 18 in WASM) and PostgreSQL 15+.

-- Every change gets the next value of this sequence: the server order that decides
-- "the later write wins" and the cursor that pull pages by. Never device clocks.
CREATE SEQUENCE record_rev_seq;

CREATE TABLE records (
  id          uuid        PRIMARY KEY,
  type        text        NOT NULL,
  -- The client a record belongs to: the unit of access (caseload) for push and pull.
  client_id   uuid        NOT NULL,
  fields      jsonb       NOT NULL,
  rev         bigint      NOT NULL DEFAULT nextval('record_rev_seq'),
  updated_at  timestamptz NOT NULL,
  updated_by  text        NOT NULL,
  deleted     boolean     NOT NULL DEFAULT false
);
CREATE INDEX records_rev_idx ON records (rev);
CREATE INDEX records_client_idx ON records (client_id);

-- Mutation ids already applied: replaying a push is a no-op (sync guarantee 2).
CREATE TABLE applied_mutations (
  mutation_id uuid        PRIMARY KEY,
  device_id   text        NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  result_rev  bigint
);
