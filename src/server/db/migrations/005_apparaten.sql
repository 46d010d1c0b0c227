-- 005: a device id belongs to the user whose session first pushed with it (issue 12, point 3).
-- Portable SQL: runs on PGlite and PostgreSQL 15+.
--
-- The per-field merge trusts the device id ("a value written from this device was seen by it"),
-- so another user's session must not borrow it: a push naming a device id bound to someone else
-- is refused. A shared tablet mints a new device id when another user logs in on it.
CREATE TABLE apparaten (
  device_id        text        PRIMARY KEY,
  gebruiker_id     uuid        NOT NULL,
  geregistreerd_op timestamptz NOT NULL DEFAULT now()
);
