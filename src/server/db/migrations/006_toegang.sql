-- 006: accounts that can be ended and an access log fit for NEN 7513 (issue 12, points 8 and 9).
-- Portable SQL: runs on PGlite and PostgreSQL 15+.

-- The access log answers "who did what with which client's records, when, from where, and did it
-- succeed". Added: the role the user had at that moment, the device (its own id), the source
-- address, and the outcome. A failed login with an unknown username has no user: gebruiker_id may
-- now be null (the typed name is never stored: people type their password there).
ALTER TABLE toegang_log ALTER COLUMN gebruiker_id DROP NOT NULL;
ALTER TABLE toegang_log ADD COLUMN rol text;
ALTER TABLE toegang_log ADD COLUMN apparaat text;
ALTER TABLE toegang_log ADD COLUMN adres text;
-- The account an action was about (a beheerder deactivating or resetting someone): per user, the
-- log shows what she did and what was done to her account.
ALTER TABLE toegang_log ADD COLUMN betreft_gebruiker_id uuid;
ALTER TABLE toegang_log ADD COLUMN uitkomst text NOT NULL DEFAULT 'ok'
  CHECK (uitkomst IN ('ok', 'geweigerd', 'mislukt'));
-- Rows from before this migration: the role is the user's current one (the best we know).
UPDATE toegang_log l SET rol = g.rol FROM gebruikers g WHERE g.id = l.gebruiker_id;
-- Refused pushes were logged as action `push:geweigerd`; their outcome says so now too.
UPDATE toegang_log SET uitkomst = 'geweigerd' WHERE actie LIKE '%:geweigerd';
CREATE INDEX toegang_log_op_idx ON toegang_log (op);
CREATE INDEX toegang_log_betreft_idx ON toegang_log (betreft_gebruiker_id, op);

-- Append-only, enforced by the database: no UPDATE, DELETE or TRUNCATE, whoever asks (the app,
-- a script, a careless psql session). Removing this needs a migration, which is itself visible.
CREATE FUNCTION toegang_log_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'toegang_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER toegang_log_geen_wijziging BEFORE UPDATE OR DELETE ON toegang_log
  FOR EACH ROW EXECUTE FUNCTION toegang_log_alleen_toevoegen();
CREATE TRIGGER toegang_log_geen_truncate BEFORE TRUNCATE ON toegang_log
  FOR EACH STATEMENT EXECUTE FUNCTION toegang_log_alleen_toevoegen();

-- Access to a client that was taken away (caseload removed, review share ended): the user's next
-- pull tells her device to remove that client's records. `rev` comes from the record sequence
-- (taken under the record-write lock), so it orders with the records a pull pages through.
CREATE TABLE toegang_intrekking (
  gebruiker_id uuid        NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  client_id    uuid        NOT NULL,
  rev          bigint      NOT NULL,
  op           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (gebruiker_id, rev, client_id)
);
