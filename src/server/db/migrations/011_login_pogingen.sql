-- 011: failed logins and wrong second-factor codes counted in the database (issue 14), so every
-- server process on one database shares the limits of routes/auth.ts and routes/tweede-factor.ts
-- (before, each process counted in its own memory). Portable SQL: PGlite and PostgreSQL 15+.
--
-- `sleutel`: sha256 (hex) of the limiter's key ('account:<lower-cased name>', 'adres:<ip>',
-- 'tf:<user id>'): what someone typed as a username (sometimes her password) and her address are
-- never stored as such. `aantal` failures since `begin_op`; the window starts again after it ends.
CREATE TABLE login_pogingen (
  sleutel  text        PRIMARY KEY,
  aantal   integer     NOT NULL,
  begin_op timestamptz NOT NULL
);
CREATE INDEX login_pogingen_begin_idx ON login_pogingen (begin_op);

-- Also part of 011, in code (it needs the server key, so it cannot be SQL): at every start,
-- main.ts encrypts the TOTP secrets still stored plain (db/tweede-factor.ts,
-- versleutelOudeGeheimen), under the migration lock.
