-- 002: accounts, sessions and who may see which client (issue 5, items 1 and 4).
-- Portable SQL: the same file runs on PGlite and PostgreSQL 15+. Ids are made by the server
-- (node:crypto randomUUID), so no extension (pgcrypto) is needed.

CREATE TABLE gebruikers (
  id              uuid        PRIMARY KEY,
  -- Stored lower-case so "Anja" and "anja" can never be two accounts.
  gebruikersnaam  text        NOT NULL UNIQUE CHECK (gebruikersnaam = lower(gebruikersnaam)),
  naam            text        NOT NULL,
  rol             text        NOT NULL
                  CHECK (rol IN ('arrangeur', 'casemanager', 'coordinator', 'beheerder')),
  -- scrypt$N$r$p$salt$hash (base64); never the password itself.
  wachtwoord_hash text        NOT NULL,
  actief          boolean     NOT NULL DEFAULT true,
  aangemaakt_op   timestamptz NOT NULL DEFAULT now()
);

-- A session row is keyed by the sha256 of the cookie token: a copy of this table (a backup, a
-- leaked dump) cannot be replayed as a login.
CREATE TABLE sessies (
  id                 text        PRIMARY KEY,
  gebruiker_id       uuid        NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  aangemaakt_op      timestamptz NOT NULL,
  -- Sliding end (renewed on use), never later than aangemaakt_op + the absolute maximum.
  verloopt_op        timestamptz NOT NULL,
  ingetrokken_op     timestamptz,
  laatst_gebruikt_op timestamptz NOT NULL
);
CREATE INDEX sessies_gebruiker_idx ON sessies (gebruiker_id);

-- The clients of a caseload: the unit of access for an arrangeur or casemanager. client_id has
-- no foreign key: a client may be assigned before its first record reaches the server.
CREATE TABLE caseload (
  gebruiker_id uuid NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  client_id    uuid NOT NULL,
  PRIMARY KEY (gebruiker_id, client_id)
);
CREATE INDEX caseload_client_idx ON caseload (client_id);

-- Clients whose plan is shared with a casemanager for review: read access only.
CREATE TABLE review_deling (
  casemanager_id uuid        NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  client_id      uuid        NOT NULL,
  gedeeld_door   uuid        NOT NULL REFERENCES gebruikers (id),
  gedeeld_op     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (casemanager_id, client_id)
);
CREATE INDEX review_deling_client_idx ON review_deling (client_id);

-- Who touched which client's records, and how many: access to care data is recorded.
-- Append-only by convention; client_id is null for actions on no client (login, sociale kaart).
CREATE TABLE toegang_log (
  id           bigserial   PRIMARY KEY,
  op           timestamptz NOT NULL DEFAULT now(),
  gebruiker_id uuid        NOT NULL REFERENCES gebruikers (id),
  actie        text        NOT NULL,
  client_id    uuid,
  aantal       integer     NOT NULL DEFAULT 1
);
CREATE INDEX toegang_log_client_idx ON toegang_log (client_id, op);
CREATE INDEX toegang_log_gebruiker_idx ON toegang_log (gebruiker_id, op);
