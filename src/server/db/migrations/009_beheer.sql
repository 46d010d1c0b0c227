-- 009: beheer screens (issue 14, points 1 and 3). Portable SQL: runs on PGlite and PostgreSQL 15+.

-- A start password (made by the server when a beheerder adds a user or resets her password, shown
-- once) must be replaced by the user at her first login. The login flow reads this flag (branch
-- factor, issue 14 point 4); it is cleared when she sets her own password. 008 may have added it.
ALTER TABLE gebruikers ADD COLUMN IF NOT EXISTS moet_wachtwoord_wijzigen boolean NOT NULL DEFAULT false;

-- Caseload history: who had which client in her caseload from when to when. The caseload table
-- holds only the present; a move (from one arrangeur to another) ends one row and starts another.
-- Rows are never deleted (an assignment that ends gets tot_op). Written by voegToeAanCaseload and
-- verwijderUitCaseload (db/toegang.ts), so a client made on a device counts too; who did it is in
-- toegang_log.
CREATE TABLE caseload_historie (
  id           bigserial   PRIMARY KEY,
  gebruiker_id uuid        NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  client_id    uuid        NOT NULL,
  van_op       timestamptz NOT NULL DEFAULT now(),
  tot_op       timestamptz
);
CREATE INDEX caseload_historie_client_idx ON caseload_historie (client_id, van_op);
-- Current assignments as they stood when this migration ran.
INSERT INTO caseload_historie (gebruiker_id, client_id) SELECT gebruiker_id, client_id FROM caseload;
