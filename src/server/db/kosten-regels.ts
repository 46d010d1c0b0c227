/**
 * The coordinator's priced lines and totals, kept up to date when records change (issue 13,
 * point 5; migration 007). Pricing stays pure in domain/kosten; this module stores what it gives:
 *
 * - `kosten_regel`: every priced line of a client per month, from her plan's first vaststelling
 *   up to the horizon (instellingen 'kosten-horizon', the end of next year when first set);
 * - `kosten_totaal`: per month × domain × financier the sums of those lines, kept by deltas;
 * - `kosten_maand`: per month the clients with a line and their cost.
 *
 * ONE entry point for writers: `werkKostenBij(tx, clientIds)` prices those clients anew inside
 * the caller's transaction — it subtracts their old lines from the totals, replaces the lines and
 * adds the new ones. Every server-side writer of records that affect costs calls it: the push
 * (routes/sync.ts, one marked place), tariff changes (db/tarieven.ts: every client with a line of
 * that inzet), the demo data (db/demo-data.ts), and the start of the server (`bijwerkenBijStart`:
 * the backfill of a store from before migration 007, and moving the horizon on).
 *
 * A line does not depend on the report's period, except for the age band (taken on the report's
 * last day: made per request from kosten_client) and months past the horizon (a report past it
 * is priced per request, as before). test/server/kosten-regels.test.ts holds the maintained
 * tables equal to a full pricing after random pushes, tariff changes and deletes.
 */
import { maandVan, maandenTussen } from '../../domain/kosten/datum.ts';
import type { KostenDomein, KostenFinancier, Maand, Overzicht } from '../../domain/kosten/model.ts';
import { VOLUME_EENHEDEN } from '../../domain/kosten/model.ts';
import { financierSleutel, vergelijkRijen, zonderTarief } from '../../domain/kosten/overzicht.ts';
import { bouwRegelsMetBron, type KostenPlan } from '../../domain/kosten/regels.ts';
import type { VereveningRegel } from '../../domain/kosten/verevening.ts';
import { laadKostenBron } from './kosten-bron.ts';
import type { Queryable } from './store.ts';
import { alleTarieven } from './tarieven.ts';

/** The record types whose change can change a line: the rest cost the financiers nothing. */
const KOSTEN_TYPES = new Set(['client', 'plan', 'planVersie', 'naaste']);
export const raaktKosten = (recordType: string): boolean => KOSTEN_TYPES.has(recordType);

const HORIZON = 'kosten-horizon';
/** Clients priced per round trip: bounds memory when a tariff change re-prices thousands. */
const PER_RONDE = 500;
/** Rows per INSERT statement. */
const PER_INSERT = 2_000;

/** The last month lines are kept for; set on first use to December of next year. */
export async function kostenHorizon(q: Queryable): Promise<Maand> {
  const gezet = await q.query<{ waarde: string }>(
    'SELECT waarde FROM instellingen WHERE sleutel = $1',
    [HORIZON],
  );
  if (gezet[0]) return gezet[0].waarde;
  await q.query(
    `INSERT INTO instellingen (sleutel, waarde)
     VALUES ($1, to_char(date_trunc('year', now()) + interval '2 years' - interval '1 day', 'YYYY-MM'))
     ON CONFLICT (sleutel) DO NOTHING`,
    [HORIZON],
  );
  const rows = await q.query<{ waarde: string }>(
    'SELECT waarde FROM instellingen WHERE sleutel = $1',
    [HORIZON],
  );
  return rows[0]!.waarde;
}

/** The first month a plan can have a line in (its earliest vaststelling). */
function eersteMaand(plan: KostenPlan): Maand | undefined {
  let eerste: string | undefined;
  for (const v of plan.versies) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.vanaf)) continue;
    if (eerste === undefined || v.vanaf < eerste) eerste = v.vanaf;
  }
  return eerste === undefined ? undefined : maandVan(eerste);
}

const VOLUME_KOLOMMEN = VOLUME_EENHEDEN.map((e) => `volume_${e}`);

/** Adds (teken 1) or subtracts (teken -1) the lines of `ids` to/from the totals. */
async function telOp(tx: Queryable, ids: readonly string[], teken: 1 | -1): Promise<void> {
  const volumes = VOLUME_EENHEDEN.map(
    (e) => `$2::int * COALESCE(sum(volume_h) FILTER (WHERE volume_eenheid = '${e}'), 0)`,
  );
  // Sorted, so two transactions lock the rows of shared cells in one order.
  await tx.query(
    `INSERT INTO kosten_totaal AS t (maand, domein, financier_sleutel, financier, clienten, regels,
       zonder_tarief, demo_regels, kosten_cent, ${VOLUME_KOLOMMEN.join(', ')})
     SELECT maand, domein, financier_sleutel, (array_agg(financier))[1],
       $2::int * count(DISTINCT client_id), $2::int * count(*),
       $2::int * count(*) FILTER (WHERE zonder_tarief), $2::int * count(*) FILTER (WHERE demo),
       $2::int * sum(kosten_cent), ${volumes.join(', ')}
     FROM kosten_regel WHERE client_id = ANY($1::uuid[])
     GROUP BY maand, domein, financier_sleutel
     ORDER BY maand, domein, financier_sleutel
     ON CONFLICT (maand, domein, financier_sleutel) DO UPDATE SET
       clienten = t.clienten + EXCLUDED.clienten, regels = t.regels + EXCLUDED.regels,
       zonder_tarief = t.zonder_tarief + EXCLUDED.zonder_tarief,
       demo_regels = t.demo_regels + EXCLUDED.demo_regels,
       kosten_cent = t.kosten_cent + EXCLUDED.kosten_cent,
       ${VOLUME_KOLOMMEN.map((k) => `${k} = t.${k} + EXCLUDED.${k}`).join(', ')}`,
    [ids, teken],
  );
  await tx.query(
    `INSERT INTO kosten_maand AS m (maand, clienten, kosten_cent)
     SELECT maand, $2::int * count(DISTINCT client_id), $2::int * sum(kosten_cent)
     FROM kosten_regel WHERE client_id = ANY($1::uuid[])
     GROUP BY maand ORDER BY maand
     ON CONFLICT (maand) DO UPDATE SET
       clienten = m.clienten + EXCLUDED.clienten, kosten_cent = m.kosten_cent + EXCLUDED.kosten_cent`,
    [ids, teken],
  );
  if (teken === -1) {
    await tx.query('DELETE FROM kosten_totaal WHERE regels = 0');
    await tx.query('DELETE FROM kosten_maand WHERE clienten = 0');
  }
}

/**
 * Prices `clientIds` anew inside the caller's transaction and keeps the totals in step. Clients
 * without a vastgestelde versie (any more) lose their lines. Serialized per client, so two
 * writers of one client cannot both add her lines.
 */
export async function werkKostenBij(tx: Queryable, clientIds: readonly string[]): Promise<void> {
  const ids = [...new Set(clientIds.map((id) => id.toLowerCase()))].sort();
  if (ids.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(k) FROM (
       SELECT hashtextextended('kosten:' || id, 0) AS k FROM unnest($1::text[]) AS id ORDER BY id
     ) s`,
    [ids],
  );
  const [horizon, tarieven] = await Promise.all([kostenHorizon(tx), alleTarieven(tx)]);
  for (let i = 0; i < ids.length; i += PER_RONDE) {
    const deel = ids.slice(i, i + PER_RONDE);
    await telOp(tx, deel, -1);
    await tx.query('DELETE FROM kosten_regel WHERE client_id = ANY($1::uuid[])', [deel]);
    await tx.query('DELETE FROM kosten_client WHERE client_id = ANY($1::uuid[])', [deel]);
    const bron = await laadKostenBron(tx, horizon, deel);
    const clienten: { client_id: string; geboortedatum: string | null }[] = [];
    const regels: Record<string, unknown>[] = [];
    bron.plannen.forEach((plan, p) => {
      const clientId = bron.clientIds[p]!;
      clienten.push({ client_id: clientId, geboortedatum: bron.geboortedata[p] ?? null });
      const van = eersteMaand(plan);
      if (!van || van > horizon) return;
      const lijnen = bouwRegelsMetBron({ plannen: [plan], tarieven, van, tot: horizon });
      lijnen.forEach(({ regel, itemId, grondslag }, volgnr) => {
        // The age band is the report's (made per request); the rest is the line as priced.
        const { leeftijdsband: _band, ...opgeslagen } = regel;
        regels.push({
          client_id: clientId,
          volgnr,
          maand: regel.maand,
          pseudoniem: regel.pseudoniem,
          inzet_code: regel.inzetCode,
          item_id: itemId,
          domein: regel.domein,
          financier_sleutel: financierSleutel(regel.financier),
          financier_code: regel.financier?.code ?? null,
          financier: regel.financier,
          gerouteerde_financier: regel.gerouteerdeFinancier,
          volume_eenheid: regel.volumeEenheid,
          volume_h: Math.round(regel.volume * 100),
          kosten_cent: regel.kostenCent,
          gerouteerd_kosten_cent: regel.gerouteerdKostenCent,
          zonder_tarief: zonderTarief(regel),
          demo: regel.tarief !== null && regel.tariefDemo,
          heeft_override: regel.override !== null,
          grondslag,
          regel: opgeslagen,
        });
      });
    });
    if (clienten.length > 0) {
      await tx.query(
        `INSERT INTO kosten_client (client_id, geboortedatum)
         SELECT client_id, geboortedatum
         FROM jsonb_to_recordset($1::jsonb) AS x(client_id uuid, geboortedatum text)`,
        [JSON.stringify(clienten)],
      );
    }
    for (let j = 0; j < regels.length; j += PER_INSERT) {
      await tx.query(
        `INSERT INTO kosten_regel (client_id, volgnr, maand, pseudoniem, inzet_code, item_id, domein,
           financier_sleutel, financier_code, financier, gerouteerde_financier, volume_eenheid,
           volume_h, kosten_cent, gerouteerd_kosten_cent, zonder_tarief, demo, heeft_override,
           grondslag, regel)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(client_id uuid, volgnr integer,
           maand text, pseudoniem text, inzet_code text, item_id text, domein text,
           financier_sleutel text, financier_code text, financier jsonb,
           gerouteerde_financier jsonb, volume_eenheid text, volume_h bigint, kosten_cent bigint,
           gerouteerd_kosten_cent bigint, zonder_tarief boolean, demo boolean,
           heeft_override boolean, grondslag text, regel jsonb)`,
        [JSON.stringify(regels.slice(j, j + PER_INSERT))],
      );
    }
    await telOp(tx, deel, 1);
  }
  // Many lines changed: fresh statistics, so a page of an export stays an index range scan
  // (PGlite has no autovacuum to do it; PostgreSQL's would do it later).
  if (ids.length >= PER_RONDE) await tx.exec('ANALYZE kosten_regel');
}

/** Every client with a line of this inzet code: what a tariff change of that code re-prices. */
export async function clientenMetInzet(q: Queryable, inzetCode: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    'SELECT DISTINCT client_id::text AS id FROM kosten_regel WHERE inzet_code = $1',
    [inzetCode],
  );
  return rows.map((r) => r.id);
}

/** Every client that has or may have lines: the ones with lines and the ones with a planVersie. */
async function alleKostenClienten(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `SELECT client_id::text AS id FROM kosten_client
     UNION SELECT DISTINCT client_id::text FROM records WHERE type = 'planVersie'`,
  );
  return rows.map((r) => r.id);
}

/**
 * At server start: prices every client when the lines were never made (a store from before
 * migration 007) or when the horizon is less than a year ahead of `nu` (then it moves to the end
 * of next year). One transaction: a request sees the old lines or the new ones, never half.
 * @returns whether anything was recomputed.
 */
export async function bijwerkenBijStart(
  store: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  nu: Date,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const bestaand = await tx.query<{ waarde: string }>(
      'SELECT waarde FROM instellingen WHERE sleutel = $1',
      [HORIZON],
    );
    const huidig = bestaand[0]?.waarde;
    const jaar = nu.getUTCFullYear();
    const nodig = `${jaar + 1}-${String(nu.getUTCMonth() + 1).padStart(2, '0')}`;
    if (huidig !== undefined && huidig >= nodig) {
      await tx.exec('ANALYZE kosten_regel');
      return false;
    }
    await tx.query(
      `INSERT INTO instellingen (sleutel, waarde) VALUES ($1, $2)
       ON CONFLICT (sleutel) DO UPDATE SET waarde = EXCLUDED.waarde`,
      [HORIZON, `${jaar + 1}-12`],
    );
    await werkKostenBij(tx, await alleKostenClienten(tx));
    return true;
  });
}

// --- reading, for routes/coordinator.ts ---

interface TotaalRij {
  maand: string;
  domein: KostenDomein;
  financier: KostenFinancier | null;
  clienten: number;
  regels: number;
  zonder_tarief: number;
  demo_regels: number;
  kosten_cent: number;
  [volume: `volume_${string}`]: number;
}

/** The overview from the maintained totals: the same object maakOverzicht gives over the lines. */
export async function leesOverzicht(q: Queryable, van: Maand, tot: Maand): Promise<Overzicht> {
  const [cellen, maanden] = await Promise.all([
    q.query<TotaalRij>(
      `SELECT maand, domein, financier, clienten::float8 AS clienten, regels::float8 AS regels,
         zonder_tarief::float8 AS zonder_tarief, demo_regels::float8 AS demo_regels,
         kosten_cent::float8 AS kosten_cent,
         ${VOLUME_KOLOMMEN.map((k) => `${k}::float8 AS ${k}`).join(', ')}
       FROM kosten_totaal WHERE maand >= $1 AND maand <= $2`,
      [van, tot],
    ),
    q.query<{ maand: string; clienten: number; kosten_cent: number }>(
      `SELECT maand, clienten::float8 AS clienten, kosten_cent::float8 AS kosten_cent
       FROM kosten_maand WHERE maand >= $1 AND maand <= $2`,
      [van, tot],
    ),
  ]);
  const rijen = cellen
    .map((c) => ({
      maand: c.maand,
      domein: c.domein,
      financier: c.financier,
      kostenCent: c.kosten_cent,
      regels: c.regels,
      zonderTarief: c.zonder_tarief,
      clienten: c.clienten,
      volume: Object.fromEntries(
        VOLUME_EENHEDEN.flatMap((e) => {
          const h = c[`volume_${e}`] ?? 0;
          return h > 0 ? [[e, h / 100]] : [];
        }),
      ),
    }))
    .sort(vergelijkRijen);
  const perMaand = new Map(maanden.map((m) => [m.maand, m]));
  return {
    van,
    tot,
    rijen,
    perMaand: maandenTussen(van, tot).map((maand) => ({
      maand,
      clienten: perMaand.get(maand)?.clienten ?? 0,
      kostenCent: perMaand.get(maand)?.kosten_cent ?? 0,
    })),
    demoTarieven: cellen.some((c) => c.demo_regels > 0),
  };
}

/** The number of clients with a vastgestelde versie (for the log row of an aggregate). */
export async function aantalKostenClienten(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM kosten_client');
  return rows[0]!.n;
}

/** Sums per financier pair: what maakVerevening needs, without reading every line into memory. */
export async function leesVereveningSommen(
  q: Queryable,
  van: Maand,
  tot: Maand,
): Promise<VereveningRegel[]> {
  const rows = await q.query<{
    financier: KostenFinancier | null;
    gerouteerde_financier: KostenFinancier | null;
    k: number;
    g: number;
  }>(
    `SELECT financier, gerouteerde_financier, sum(kosten_cent)::float8 AS k,
       sum(gerouteerd_kosten_cent)::float8 AS g
     FROM kosten_regel WHERE maand >= $1 AND maand <= $2
     GROUP BY financier, gerouteerde_financier`,
    [van, tot],
  );
  return rows.map((r) => ({
    maand: van,
    financier: r.financier,
    gerouteerdeFinancier: r.gerouteerde_financier,
    kostenCent: r.k,
    gerouteerdKostenCent: r.g,
  }));
}

export interface OpgeslagenRegel {
  readonly clientId: string;
  readonly geboortedatum: string | null;
  readonly itemId: string;
  readonly grondslag: string;
  /** The line without its age band. */
  readonly regel: Record<string, unknown>;
}

export interface RegelFilter {
  readonly van: Maand;
  readonly tot: Maand;
  readonly maand?: Maand | undefined;
  readonly domein?: string | undefined;
  /** A financier code, or 'geen' for lines without financier. */
  readonly financier?: string | undefined;
  readonly alleenOverrides?: boolean;
}

function filterSql(f: RegelFilter, params: unknown[]): string {
  const w = ['r.maand >= $1', 'r.maand <= $2'];
  params.push(f.van, f.tot);
  if (f.maand !== undefined) w.push(`r.maand = $${params.push(f.maand)}`);
  if (f.domein !== undefined) w.push(`r.domein = $${params.push(f.domein)}`);
  if (f.financier === 'geen') w.push('r.financier IS NULL');
  else if (f.financier !== undefined) w.push(`r.financier_code = $${params.push(f.financier)}`);
  if (f.alleenOverrides) w.push('r.heeft_override');
  return w.join(' AND ');
}

/**
 * The stored lines matching `f`, in the order the pricing sorts them, page by page (keyset
 * pagination on the index: constant memory, no transaction held open while a client reads).
 */
export async function* stroomRegels(
  q: Queryable,
  f: RegelFilter,
  perPagina = 2_000,
): AsyncGenerator<OpgeslagenRegel[]> {
  let na: [string, string, string, number] | null = null;
  for (;;) {
    const params: unknown[] = [];
    let where = filterSql(f, params);
    if (na) {
      const [a, b, c, d] = na.map((v) => `$${params.push(v)}`);
      where += ` AND (r.maand, r.pseudoniem, r.client_id, r.volgnr) > (${a}, ${b}, ${c}::uuid, ${d}::int)`;
    }
    // One table, in the order of its index: an index range scan per page, however many lines.
    const rows = await q.query<{
      client_id: string;
      volgnr: number;
      maand: string;
      pseudoniem: string;
      item_id: string;
      grondslag: string;
      regel: Record<string, unknown>;
    }>(
      `SELECT r.client_id::text AS client_id, r.volgnr, r.maand, r.pseudoniem, r.item_id,
         r.grondslag, r.regel
       FROM kosten_regel r
       WHERE ${where}
       ORDER BY r.maand, r.pseudoniem, r.client_id, r.volgnr
       LIMIT ${Math.max(1, Math.floor(perPagina))}`,
      params,
    );
    if (rows.length === 0) return;
    const geboren = new Map(
      (
        await q.query<{ id: string; geboortedatum: string | null }>(
          `SELECT client_id::text AS id, geboortedatum FROM kosten_client
           WHERE client_id = ANY($1::uuid[])`,
          [[...new Set(rows.map((r) => r.client_id))]],
        )
      ).map((c) => [c.id, c.geboortedatum]),
    );
    yield rows.map((r) => ({
      clientId: r.client_id,
      geboortedatum: geboren.get(r.client_id) ?? null,
      itemId: r.item_id,
      grondslag: r.grondslag,
      regel: r.regel,
    }));
    if (rows.length < perPagina) return;
    const laatste = rows.at(-1)!;
    na = [laatste.maand, laatste.pseudoniem, laatste.client_id, laatste.volgnr];
  }
}

/** Lines per client of `f` (the access log of a line-level answer), without reading the lines. */
export async function regelsPerClient(q: Queryable, f: RegelFilter): Promise<Map<string, number>> {
  const params: unknown[] = [];
  const rows = await q.query<{ id: string; n: number }>(
    `SELECT r.client_id::text AS id, count(*)::int AS n FROM kosten_regel r
     WHERE ${filterSql(f, params)} GROUP BY r.client_id`,
    params,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
