/**
 * Pull: `GET /api/sync/pull?cursor=…` page by page until the server says there is no more, each
 * page applied in ONE Dexie transaction together with the new cursor (docs/style.md 7: commit first,
 * then notify). A crash between pages repeats at most one page, and repeating is harmless: a
 * record the device already has at that revision is skipped.
 *
 * What must stay true here:
 * - Every record is parsed with its domain schema at this edge (docs/style.md 12). One that fails (or
 *   has an unknown type) is skipped and reported, never stored half, never stops the loop; the
 *   cursor still moves past it, or the device would ask for the same page forever.
 * - A local change not yet accepted (a pending or rejected outbox row) is never overwritten:
 *   server values are taken only for fields no such row writes. That local change is pushed and
 *   merged on the server (per field against its base; guarantee 3), and the next pull brings the
 *   merged record. Such a partly applied record keeps its old `rev`, and the fields it did take
 *   are noted in syncBasis (push.ts explains why the base must never claim more than we saw).
 * - A record with no local change is replaced by the server's full current fields and `rev`.
 * - A client in the page's `ingetrokken` (access taken away) loses every record on this device,
 *   before the page's records are applied; her unsent changes of that client stay, as refused
 *   changes with a Dutch reason (storage/intrekking.ts), and are counted in the outcome.
 */
import type { RecordType } from '../../domain/model/record.ts';
import { recordTypeSchema } from '../../domain/model/record.ts';
import type { ArrangeurDB, OutboxRow, SyncBasisRow } from '../../storage/db.ts';
import { verwijderClientVanApparaat, type VerwijderdeClient } from '../../storage/intrekking.ts';
import { deviceIdVoorSync } from '../../storage/meta.ts';
import { PULL_PAGE_MAX, pullResponseSchema, type WireRecord } from '../protocol/wire.ts';
import { vraag, type FetchFn } from './http.ts';
import { INGETROKKEN_TEKST } from './meldingen.ts';
import { leesSyncState, zetSyncState } from './state.ts';
import {
  naarOpslag,
  parseMetHerstel,
  SCHEMA,
  type Rij,
  syncTabellen,
  tabel,
  zonderLokaleSleutels,
} from './tabellen.ts';

/** A pulled record the device could not store, and why (for the log and the outcome). */
export interface OvergeslagenRecord {
  id: string;
  type: string;
  reden: string;
}

export interface PullTelling {
  records: number;
  paginas: number;
  overgeslagen: OvergeslagenRecord[];
  /** Clients removed from this device because access ended (optional: older callers). */
  ingetrokken?: VerwijderdeClient[];
}

/**
 * Pulls until the server has no more. Throws a SyncHttpFout on a failed page; pages applied
 * before it stay applied (their cursor was committed with them).
 *
 * Safe offline: nothing is written unless a page arrived; each page and its cursor commit
 * together.
 */
export async function pull(
  db: ArrangeurDB,
  fetchFn: FetchFn,
  baseUrl: string,
  telling: PullTelling,
  limit = PULL_PAGE_MAX,
): Promise<void> {
  // The device id goes along for the server's access log ("from which device"); not client data.
  const apparaat = encodeURIComponent(await deviceIdVoorSync(db));
  for (;;) {
    const { cursor } = await leesSyncState(db);
    const pagina = await vraag(
      fetchFn,
      `${baseUrl}/api/sync/pull?cursor=${cursor}&limit=${limit}&deviceId=${apparaat}`,
      { method: 'GET' },
      pullResponseSchema,
    );
    const ingetrokken: VerwijderdeClient[] = [];
    const overgeslagen = await pasPaginaToe(
      db,
      pagina.records,
      pagina.nextCursor,
      pagina.ingetrokken,
      ingetrokken,
    );
    telling.paginas += 1;
    if (ingetrokken.length > 0) (telling.ingetrokken ??= []).push(...ingetrokken);
    for (const i of ingetrokken) {
      console.warn(
        `Geen toegang meer tot een cliënt: ${i.records} records van dit apparaat verwijderd` +
          (i.onverzonden > 0
            ? `, ${i.onverzonden} niet-verstuurde wijzigingen bewaard als geweigerd.`
            : '.'),
      );
    }
    telling.records += pagina.records.length - overgeslagen.length;
    telling.overgeslagen.push(...overgeslagen);
    for (const o of overgeslagen) {
      console.warn(`Record ${o.id} (${o.type}) van de server is overgeslagen: ${o.reden}`);
    }
    if (!pagina.hasMore) return;
    // A server that says "more" without moving the cursor would make this loop spin.
    if (pagina.nextCursor <= cursor) {
      console.warn('De server meldt meer records maar de cursor schuift niet op; pull gestopt.');
      return;
    }
  }
}

/**
 * Applies one page and moves the cursor, in one transaction. @returns the records skipped.
 *
 * Safe offline: a local transaction; it runs only with a page in hand.
 */
export async function pasPaginaToe(
  db: ArrangeurDB,
  records: WireRecord[],
  nextCursor: number,
  ingetrokken: readonly string[] = [],
  verwijderd: VerwijderdeClient[] = [],
): Promise<OvergeslagenRecord[]> {
  const overgeslagen: OvergeslagenRecord[] = [];
  await db.transaction('rw', [...syncTabellen(db), db.outbox, db.syncBasis, db.meta], async () => {
    // First: a client given back later in this same page gets her records again below.
    for (const clientId of ingetrokken) {
      verwijderd.push(
        await verwijderClientVanApparaat(db, clientId, {
          tekst: INGETROKKEN_TEKST,
          code: 'ingetrokken',
        }),
      );
    }
    // Set-based (issue 13.4): what the page needs is read in bulk, the writes go in bulk at the
    // end; the decisions per record are the same as one by one.
    const pagina = await leesPagina(db, records);
    // Awaited only for a plan (its unique-clientId check reads IndexedDB): a thousand awaits of
    // non-Dexie promises in one transaction made Dexie lose it (PrematureCommitError on every
    // page of 1,000 in Chromium; test/bench/browser-sync.ts).
    for (const record of records) {
      const uitkomst = pasRecordToe(db, record, pagina);
      const reden = typeof uitkomst === 'object' && uitkomst !== null ? await uitkomst : uitkomst;
      if (reden) overgeslagen.push({ id: record.id, type: record.type, reden });
    }
    await schrijfPagina(db, pagina);
    const { cursor } = await leesSyncState(db);
    await zetSyncState(db, { cursor: Math.max(cursor, nextCursor) });
  });
  return overgeslagen;
}

/**
 * Applies one pulled record inside the page's transaction. @returns why it was skipped, or null
 * when it was applied (or already known).
 *
 * Safe offline: a local write of data the server already holds; local changes not yet accepted
 * are left as they are (see the file header).
 */
function pasRecordToe(
  db: ArrangeurDB,
  record: WireRecord,
  pagina: Pagina,
): string | null | Promise<string | null> {
  const typeR = recordTypeSchema.safeParse(record.type);
  if (!typeR.success) return `onbekend soort record '${record.type}'`;
  const type = typeR.data;
  const sleutel = `${type}|${record.id}`;
  const lokaal = pagina.lokaal.get(sleutel);
  if (lokaal?.rev !== undefined && lokaal.rev >= record.rev) return null;

  const open = pagina.open.get(sleutel) ?? [];
  const beschermd = new Set(open.flatMap((r) => Object.keys(r.fields)));
  const lokaalVerwijderd = open.some((r) => r.deleted === true);
  const volledig = !lokaal || (beschermd.size === 0 && !lokaalVerwijderd);

  const meta = {
    type,
    id: record.id,
    ...(type === 'conflict' ? { clientId: record.clientId } : {}),
  };
  let kandidaat: Record<string, unknown>;
  let overgenomen: string[];
  if (volledig) {
    kandidaat = {
      ...record.fields,
      ...meta,
      rev: record.rev,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
      deleted: record.deleted,
    };
    overgenomen = [];
  } else {
    overgenomen = Object.keys(record.fields).filter((k) => !beschermd.has(k));
    kandidaat = {
      ...zonderLokaleSleutels(lokaal),
      ...Object.fromEntries(overgenomen.map((k) => [k, record.fields[k]])),
      ...meta,
      // A local delete waits for the server; a server delete wins now (a tombstone wins over
      // older edits, and our pending edits still go up and are decided there).
      deleted: lokaalVerwijderd || record.deleted || lokaal.deleted === true,
    };
    // A server field that is now absent (cleared) and not changed here is cleared here too.
    for (const k of Object.keys(kandidaat)) {
      if (!beschermd.has(k) && isVeld(k) && !(k in record.fields) && !(k in meta)) {
        delete kandidaat[k];
      }
    }
  }

  const parsed = parseMetHerstel(SCHEMA[type], kandidaat);
  if (!parsed.success) {
    return `voldoet niet aan het schema (${parsed.error.issues
      .slice(0, 3)
      .map((i) => i.path.join('.') || i.message)
      .join(', ')})`;
  }
  const rij = naarOpslag(type, parsed.data);
  // A plan is written at once: the next plan's unique-clientId check must see it.
  if (type === 'plan') {
    return (async () => {
      const botsing = await unieksBotsing(db, parsed.data);
      if (botsing) return botsing;
      pagina.lokaal.set(sleutel, rij);
      await tabel(db, type).put(rij);
      werkBasisBij(pagina, record, volledig, overgenomen);
      return null;
    })();
  }
  pagina.lokaal.set(sleutel, rij);
  (pagina.schrijf.get(type) ?? pagina.schrijf.set(type, new Map()).get(type)!).set(record.id, rij);
  werkBasisBij(pagina, record, volledig, overgenomen);
  return null;
}

/** What a page reads (in bulk, before its records are applied) and what it will write. */
interface Pagina {
  /** Per `type|id`: the record on the device (updated as the page applies its records). */
  readonly lokaal: Map<string, Rij | undefined>;
  /** Per `type|id`: its pending or rejected outbox rows. */
  readonly open: Map<string, OutboxRow[]>;
  /** Per record id: the syncBasis row as it will be after the page (undefined: none). */
  readonly basis: Map<string, SyncBasisRow | undefined>;
  readonly basisGewijzigd: Set<string>;
  /** Per type, per id: the rows to put at the end (plans are put at once). */
  readonly schrijf: Map<RecordType, Map<string, Rij>>;
}

async function leesPagina(db: ArrangeurDB, records: readonly WireRecord[]): Promise<Pagina> {
  const perType = new Map<RecordType, string[]>();
  for (const r of records) {
    const t = recordTypeSchema.safeParse(r.type);
    if (t.success) (perType.get(t.data) ?? perType.set(t.data, []).get(t.data)!).push(r.id);
  }
  const lokaal = new Map<string, Rij | undefined>();
  const open = new Map<string, OutboxRow[]>();
  const sleutels: [RecordType, string][] = [];
  for (const [type, ids] of perType) {
    const rijen = await tabel(db, type).bulkGet(ids);
    ids.forEach((id, i) => lokaal.set(`${type}|${id}`, rijen[i]));
    for (const id of ids) sleutels.push([type, id]);
  }
  if (sleutels.length > 0) {
    const rijen = await db.outbox.where('[recordType+recordId]').anyOf(sleutels).toArray();
    for (const r of rijen) {
      const k = `${r.recordType}|${r.recordId}`;
      (open.get(k) ?? open.set(k, []).get(k)!).push(r);
    }
  }
  const ids = [...new Set(records.map((r) => r.id))];
  const basisRijen = await db.syncBasis.bulkGet(ids);
  const basis = new Map(ids.map((id, i) => [id, basisRijen[i]]));
  return { lokaal, open, basis, basisGewijzigd: new Set(), schrijf: new Map() };
}

async function schrijfPagina(db: ArrangeurDB, pagina: Pagina): Promise<void> {
  for (const [type, rijen] of pagina.schrijf) await tabel(db, type).bulkPut([...rijen.values()]);
  const weg: string[] = [];
  const zet: SyncBasisRow[] = [];
  for (const id of pagina.basisGewijzigd) {
    const rij = pagina.basis.get(id);
    if (rij) zet.push(rij);
    else weg.push(id);
  }
  if (weg.length > 0) await db.syncBasis.bulkDelete(weg);
  if (zet.length > 0) await db.syncBasis.bulkPut(zet);
}

/** Record meta and device-only keys are not fields the server sends in `fields`. */
const GEEN_VELD = new Set(['id', 'type', 'rev', 'updatedAt', 'updatedBy', 'deleted', 'clientId']);
function isVeld(k: string): boolean {
  return !GEEN_VELD.has(k);
}

/**
 * One plan per client (the unique `clientId` index): two devices that each started the plan of
 * the same client offline would make the put fail and abort the whole page. The second plan is
 * skipped and reported instead; the local plan keeps working.
 */
async function unieksBotsing(db: ArrangeurDB, record: unknown): Promise<string | null> {
  const { id, clientId } = record as { id: string; clientId: string };
  const ander = await db.plans.where('clientId').equals(clientId).first();
  return ander && ander.id !== id
    ? `er is op dit apparaat al een ander plan (${ander.id}) voor deze cliënt`
    : null;
}

/**
 * What this device now knows per field. A full apply: the record's `rev` says it all, so only
 * own-write revisions newer than it are kept. A partial apply: the fields taken are known as of
 * this revision; the protected ones keep their older base.
 *
 * Safe offline: device-only bookkeeping, written with the page (schrijfPagina).
 */
function werkBasisBij(
  pagina: Pagina,
  record: WireRecord,
  volledig: boolean,
  overgenomen: string[],
): void {
  const bestaand = pagina.basis.get(record.id);
  const velden: Record<string, number> = { ...bestaand?.velden };
  if (volledig) {
    for (const [k, v] of Object.entries(velden)) if (v <= record.rev) delete velden[k];
  } else {
    for (const k of overgenomen) velden[k] = Math.max(velden[k] ?? 0, record.rev);
  }
  if (Object.keys(velden).length === 0) {
    if (!bestaand) return;
    pagina.basis.set(record.id, undefined);
  } else {
    pagina.basis.set(record.id, { recordId: record.id, velden });
  }
  pagina.basisGewijzigd.add(record.id);
}
