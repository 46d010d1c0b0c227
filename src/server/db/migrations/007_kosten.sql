-- 007: the coordinator's priced lines and totals, kept up to date when records change
-- (issue 13, point 5; src/server/db/kosten-regels.ts). Portable SQL: PGlite and PostgreSQL 15+.
-- Filled by the server, never by SQL alone: pricing is TypeScript (src/domain/kosten). A store
-- migrated from before 008 is backfilled at server start (bijwerkenBijStart in kosten-regels.ts).

-- Per client with at least one vastgestelde planversie. The birth date stays on the server: the
-- age band a coordinator sees is taken on the last day of the report, so it is made per request.
CREATE TABLE kosten_client (
  client_id     uuid PRIMARY KEY,
  geboortedatum text
);

-- One priced inzet line per month (KostenRegel of domain/kosten/model.ts without the age band),
-- for every month from the plan's first vaststelling up to the horizon (instellingen
-- 'kosten-horizon'). `volgnr` keeps the order the pricing made lines of one client in.
CREATE TABLE kosten_regel (
  client_id              uuid    NOT NULL,
  volgnr                 integer NOT NULL,
  maand                  text    NOT NULL,
  -- "C": the order of `C-` + base32 is the pricing's (localeCompare) on every server locale.
  pseudoniem             text    COLLATE "C" NOT NULL,
  inzet_code             text    NOT NULL,
  item_id                text    NOT NULL,
  domein                 text    NOT NULL,
  financier_sleutel      text    NOT NULL,
  financier_code         text,
  financier              jsonb,
  gerouteerde_financier  jsonb,
  volume_eenheid         text    NOT NULL,
  volume_h               bigint  NOT NULL,
  kosten_cent            bigint  NOT NULL,
  gerouteerd_kosten_cent bigint  NOT NULL,
  zonder_tarief          boolean NOT NULL,
  demo                   boolean NOT NULL,
  heeft_override         boolean NOT NULL,
  grondslag              text    NOT NULL,
  regel                  jsonb   NOT NULL,
  PRIMARY KEY (client_id, volgnr)
);
-- The drill-down and the line exports read a month range in the order the pricing sorts lines:
-- month, pseudonym, then the client's own order (volgnr follows inzet code and item id).
CREATE INDEX kosten_regel_volgorde_idx ON kosten_regel (maand, pseudoniem, client_id, volgnr);
CREATE INDEX kosten_regel_code_idx ON kosten_regel (inzet_code);

-- The overview's cells: sums over kosten_regel per month × domain × financier, kept by deltas
-- (every number is additive per client; `clienten` counts the clients with a line in the cell).
CREATE TABLE kosten_totaal (
  maand             text   NOT NULL,
  domein            text   NOT NULL,
  financier_sleutel text   NOT NULL,
  financier         jsonb,
  clienten          bigint NOT NULL,
  regels            bigint NOT NULL,
  zonder_tarief     bigint NOT NULL,
  demo_regels       bigint NOT NULL,
  kosten_cent       bigint NOT NULL,
  volume_uur        bigint NOT NULL,
  volume_dagdeel    bigint NOT NULL,
  volume_rit        bigint NOT NULL,
  volume_etmaal     bigint NOT NULL,
  volume_maaltijd   bigint NOT NULL,
  volume_stuk       bigint NOT NULL,
  volume_maand      bigint NOT NULL,
  PRIMARY KEY (maand, domein, financier_sleutel)
);
-- A cell whose last line went is deleted after each change: found without scanning every cell.
CREATE INDEX kosten_totaal_leeg_idx ON kosten_totaal (maand) WHERE regels = 0;

-- Per month: clients with any line and their cost (the chart's series).
CREATE TABLE kosten_maand (
  maand       text   PRIMARY KEY,
  clienten    bigint NOT NULL,
  kosten_cent bigint NOT NULL
);
