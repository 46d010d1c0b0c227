/**
 * SQL for the tariff table (migration 004). The rules of a series (a new price closes the
 * previous row; only the latest row may be withdrawn) live in domain/kosten/tarieven.ts; this
 * module reads and writes, inside one transaction per change.
 */
import type { Tarief, TariefInvoer } from '../../domain/kosten/model.ts';
import {
  isLaatsteVanReeks,
  naarCent,
  nieuweTariefReeks,
  volumeEenheidVan,
  vorigeVanReeks,
} from '../../domain/kosten/tarieven.ts';
import { clientenMetInzet, werkKostenBij } from './kosten-regels.ts';
import type { Queryable, Store } from './store.ts';

interface TariefRow {
  id: string;
  inzet_code: string;
  domein: Tarief['domein'];
  financier_code: string | null;
  bedrag_cent: number;
  geldig_van: string;
  geldig_tot: string | null;
  demo: boolean;
  bijgewerkt_op: Date | string;
}

// Dates as text: a `date` column would otherwise come back as a JS Date at local midnight.
const KOLOMMEN = `id::text AS id, inzet_code, domein, financier_code, bedrag_cent,
  to_char(geldig_van, 'YYYY-MM-DD') AS geldig_van, to_char(geldig_tot, 'YYYY-MM-DD') AS geldig_tot,
  demo, bijgewerkt_op`;

/** A row as the API shape; undefined for an inzet code the catalog no longer knows. */
function fromRow(r: TariefRow): Tarief | undefined {
  const volumeEenheid = volumeEenheidVan(r.inzet_code);
  if (!volumeEenheid) return undefined;
  return {
    id: r.id,
    inzetCode: r.inzet_code,
    domein: r.domein,
    financierCode: r.financier_code,
    bedrag: r.bedrag_cent / 100,
    geldigVan: r.geldig_van as Tarief['geldigVan'],
    ...(r.geldig_tot ? { geldigTot: r.geldig_tot as Tarief['geldigVan'] } : {}),
    volumeEenheid,
    demo: r.demo,
    bijgewerktOp: new Date(r.bijgewerkt_op).toISOString(),
  };
}

/** Every tariff row, ordered by inzet code, domain, financier and start. */
export async function alleTarieven(q: Queryable): Promise<Tarief[]> {
  const rows = await q.query<TariefRow>(
    `SELECT ${KOLOMMEN} FROM tarieven
     ORDER BY inzet_code, domein, COALESCE(financier_code, ''), geldig_van`,
  );
  return rows.map(fromRow).filter((t): t is Tarief => t !== undefined);
}

/** An arbitrary but fixed key: tariff changes are serialized, so two new prices cannot both close one row. */
const TARIEF_LOCK = 4_711_004;

export type NieuwTariefUitkomst =
  | { readonly ok: true; readonly tarief: Tarief }
  | { readonly ok: false; readonly reden: 'onbekende-inzet' }
  | { readonly ok: false; readonly reden: 'niet-later'; readonly vorigeGeldigVan: string };

/** Adds a price from `geldigVan` and ends the previous row of its series the day before. */
export async function voegTariefToe(
  store: Store,
  invoer: TariefInvoer & { financierCode: string | null },
  door: string,
  nu: Date,
): Promise<NieuwTariefUitkomst> {
  if (!volumeEenheidVan(invoer.inzetCode)) return { ok: false, reden: 'onbekende-inzet' };
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [TARIEF_LOCK]);
    const reeks = await reeksVan(tx, invoer);
    const besluit = nieuweTariefReeks(reeks, invoer);
    if (!besluit.ok) {
      return { ok: false, reden: 'niet-later', vorigeGeldigVan: besluit.vorige.geldigVan };
    }
    if (besluit.vorige) {
      await tx.query(
        'UPDATE tarieven SET geldig_tot = $2::date, bijgewerkt_door = $3, bijgewerkt_op = $4 WHERE id = $1',
        [besluit.vorige.tarief.id, besluit.vorige.geldigTot, door, nu.toISOString()],
      );
    }
    const rows = await tx.query<TariefRow>(
      `INSERT INTO tarieven
         (inzet_code, domein, financier_code, bedrag_cent, geldig_van, demo, bijgewerkt_door, bijgewerkt_op)
       VALUES ($1, $2, $3, $4, $5::date, false, $6, $7)
       RETURNING ${KOLOMMEN}`,
      [
        invoer.inzetCode,
        invoer.domein,
        invoer.financierCode,
        naarCent(invoer.bedrag),
        invoer.geldigVan,
        door,
        nu.toISOString(),
      ],
    );
    // The kept cost lines of this inzet are priced anew (issue 13.5; db/kosten-regels.ts).
    await werkKostenBij(tx, await clientenMetInzet(tx, invoer.inzetCode));
    return { ok: true, tarief: fromRow(rows[0]!)! };
  });
}

async function reeksVan(
  q: Queryable,
  sleutel: Pick<Tarief, 'inzetCode' | 'domein' | 'financierCode'>,
): Promise<Tarief[]> {
  const rows = await q.query<TariefRow>(
    `SELECT ${KOLOMMEN} FROM tarieven
     WHERE inzet_code = $1 AND domein = $2 AND COALESCE(financier_code, '') = COALESCE($3, '')
     ORDER BY geldig_van`,
    [sleutel.inzetCode, sleutel.domein, sleutel.financierCode],
  );
  return rows.map(fromRow).filter((t): t is Tarief => t !== undefined);
}

export type VerwijderUitkomst =
  | { readonly ok: true; readonly heropend: Tarief | null }
  | { readonly ok: false; readonly reden: 'onbekend' | 'niet-laatste' };

/** Withdraws the latest row of a series; the row before it becomes current again (open ended). */
export async function verwijderTarief(
  store: Store,
  id: string,
  door: string,
  nu: Date,
): Promise<VerwijderUitkomst> {
  return store.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [TARIEF_LOCK]);
    const rows = await tx.query<TariefRow>(`SELECT ${KOLOMMEN} FROM tarieven WHERE id::text = $1`, [
      id,
    ]);
    const t = rows[0] ? fromRow(rows[0]) : undefined;
    if (!t) return { ok: false, reden: 'onbekend' };
    const reeks = await reeksVan(tx, t);
    if (!isLaatsteVanReeks(reeks, t)) return { ok: false, reden: 'niet-laatste' };
    const vorige = vorigeVanReeks(reeks, t);
    await tx.query('DELETE FROM tarieven WHERE id = $1', [t.id]);
    const heropend = vorige
      ? await tx.query<TariefRow>(
          `UPDATE tarieven SET geldig_tot = NULL, bijgewerkt_door = $2, bijgewerkt_op = $3
           WHERE id = $1 RETURNING ${KOLOMMEN}`,
          [vorige.id, door, nu.toISOString()],
        )
      : [];
    // The kept cost lines of this inzet are priced anew, once the table is as it will be
    // (issue 13.5; db/kosten-regels.ts).
    await werkKostenBij(tx, await clientenMetInzet(tx, t.inzetCode));
    return { ok: true, heropend: heropend[0] ? (fromRow(heropend[0]) ?? null) : null };
  });
}
