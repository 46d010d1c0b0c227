-- 008: second factor (TOTP, RFC 6238) and the start-password flow (issue 14, points 2 and 4).
-- Portable SQL: runs on PGlite and PostgreSQL 15+.

-- A user made by a beheerder (or whose password a beheerder reset) must choose her own before
-- anything else. Migration 011 (branch beheer) adds the same column: IF NOT EXISTS, either order.
ALTER TABLE gebruikers ADD COLUMN IF NOT EXISTS moet_wachtwoord_wijzigen boolean NOT NULL DEFAULT false;

-- One TOTP secret per user. `bevestigd_op` null: enrolment started, not yet confirmed with a code
-- (such a secret never lets anyone in). `laatste_stap`: the last 30-second time step a code was
-- accepted for; a code of that step or an earlier one is refused (no replay).
-- The secret is never logged or returned after enrolment.
CREATE TABLE tweede_factor (
  gebruiker_id uuid        PRIMARY KEY REFERENCES gebruikers (id) ON DELETE CASCADE,
  geheim       text        NOT NULL,
  aangemaakt_op timestamptz NOT NULL,
  bevestigd_op timestamptz,
  laatste_stap bigint
);

-- Recovery codes: shown once, stored as sha256 (they are 50 bits of randomness each, so a fast
-- hash suffices), each usable once.
CREATE TABLE herstelcodes (
  gebruiker_id uuid        NOT NULL REFERENCES gebruikers (id) ON DELETE CASCADE,
  hash         text        NOT NULL,
  gebruikt_op  timestamptz,
  PRIMARY KEY (gebruiker_id, hash)
);

-- The organisation's setting "second factor for every role" lives in `instellingen` (004),
-- key 'tweedeFactorVoorIedereen', value 'true' or 'false'.

-- A session that still has steps open (new password, second factor) is a "half" session: it only
-- reaches the routes of those steps. Empty: a normal session.
ALTER TABLE sessies ADD COLUMN open_stappen text[] NOT NULL DEFAULT '{}';
