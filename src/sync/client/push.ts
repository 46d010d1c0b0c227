/**
 * Push: drains the outbox to `POST /api/sync/push` in the device's own order (guarantee 2: every
 * mutation keeps its device-made id, so a replay after a lost answer changes nothing).
 *
 * What must stay true here:
 * - Rows go in `seq` order, in batches of at most PUSH_BATCH_MAX (per-device order kept). Several
 *   changes of one record may share a batch: the server counts a device's own earlier writes as
 *   seen (src/sync/protocol/merge.ts), so an offline chain of autosaves never conflicts with
 *   itself.
 * - The base revision is decided at push time, per field (SyncBasisRow in storage/db.ts): for
 *   each field the mutation writes, the newest revision at which this device knows that field's
 *   server value: the record's `rev` (set only by a full pull of the record) or the revision at
 *   which a pull or our own accepted write brought that one field. The mutation's base is the
 *   lowest of those, so it never claims to have seen a change to one of its fields that the
 *   device has not seen (which would let the server overwrite that change silently: guarantee
 *   3), and does not understate it either (which would report a conflict on a value the user
 *   did see). Our own acknowledgements do NOT raise the record's `rev`: other fields may have
 *   changed on the server since our base.
 * - The answer of one batch is applied in ONE transaction: accepted rows leave the outbox and
 *   their field revisions are recorded together, or neither happens (then the batch is sent again
 *   and comes back as `duplicate`).
 * - A rejected row stays in the outbox with a Dutch reason (guarantee 5) and never blocks the
 *   rows after it.
 */
import { mutationSchema, type Mutation, type RecordType } from '../../domain/model/record.ts';
import type { ArrangeurDB, OutboxRow, SyncBasisRow } from '../../storage/db.ts';
import { deviceIdVoorSync } from '../../storage/meta.ts';
import { pending } from '../../storage/outbox.ts';
import { PUSH_BATCH_MAX, pushResponseSchema, type PushResult } from '../protocol/wire.ts';
import { SyncHttpFout, vraag, type FetchFn } from './http.ts';
import { weigerTekst } from './meldingen.ts';
import { tabel } from './tabellen.ts';

export interface PushTelling {
  applied: number;
  duplicate: number;
  rejected: number;
}

/**
 * Sends every pending outbox row; returns when the outbox holds no pending row, or throws a
 * SyncHttpFout (the rows not yet acknowledged stay pending and go with the next attempt).
 *
 * Safe offline: only acknowledged rows are removed, in the same transaction that records what
 * the server answered; an interrupted push loses nothing and repeats harmlessly.
 */
export async function push(
  db: ArrangeurDB,
  fetchFn: FetchFn,
  baseUrl: string,
  telling: PushTelling,
): Promise<void> {
  const apparaat = await deviceIdVoorSync(db);
  for (;;) {
    const rijen = await pending(db, PUSH_BATCH_MAX);
    if (rijen.length === 0) return;
    const batch = rijen;
    const mutaties = await metBasis(db, batch);

    const { goed, fout } = lokaalGeldig(mutaties);
    if (fout.length > 0) await markeerLokaalOngeldig(db, fout);
    if (goed.length === 0) continue;

    const antwoord = await vraag(
      fetchFn,
      `${baseUrl}/api/sync/push`,
      { method: 'POST', body: JSON.stringify({ deviceId: apparaat, mutations: goed }) },
      pushResponseSchema,
    );
    const verwerkt = await verwerkAntwoord(db, batch, antwoord.results, telling);
    // A server that answers for none of the mutations we sent would make this loop spin.
    if (verwerkt === 0) throw new SyncHttpFout('serverfout');
  }
}

/** The wire mutations of a batch, each with the base revision decided now (see the header). */
async function metBasis(db: ArrangeurDB, batch: OutboxRow[]): Promise<Mutation[]> {
  return db.transaction('r', [db.syncBasis, ...alleTabellen(db, batch)], async () => {
    // The records' revs: one bulk read per record type, not one read per row; all reads are
    // asked at once (each await would be a round trip to the browser's database process).
    const revs = new Map<string, number | undefined>();
    const perType = new Map<RecordType, Set<string>>();
    for (const r of batch)
      perType.set(r.recordType, (perType.get(r.recordType) ?? new Set()).add(r.recordId));
    const [basis] = await Promise.all([
      db.syncBasis.bulkGet(batch.map((r) => r.recordId)),
      ...[...perType].map(async ([type, idSet]) => {
        const ids = [...idSet];
        const records = await tabel(db, type).bulkGet(ids);
        ids.forEach((id, i) => revs.set(`${type}|${id}`, records[i]?.rev));
      }),
    ]);
    return batch.map((rij, i) => {
      const {
        seq: _s,
        op: _o,
        status: _st,
        rejectReason: _r,
        rejectCode: _c,
        gezienRev: _g,
        ...mutatie
      } = rij;
      const baseRev = basisRev(rij, revs.get(`${rij.recordType}|${rij.recordId}`), basis[i]);
      return zonderUndefined({ ...mutatie, baseRev });
    });
  });
}

/**
 * The base of one mutation: per field the newest revision we know that field at, then the
 * lowest over the mutation's fields. A delete (no fields) takes the newest revision we know of
 * the record at all. No knowledge at all (a record this device created and never got
 * acknowledged): what the row was queued with, normally absent.
 */
export function basisRev(
  rij: Pick<OutboxRow, 'fields' | 'baseRev' | 'gezienRev'>,
  recordRev: number | undefined,
  basis: SyncBasisRow | undefined,
): number | undefined {
  const bekend = basisZonderPlafond(rij, recordRev, basis);
  // A form that saved over a value it never showed claims no more than what it showed.
  if (rij.gezienRev === undefined) return bekend;
  return Math.min(bekend ?? 0, rij.gezienRev);
}

function basisZonderPlafond(
  rij: Pick<OutboxRow, 'fields' | 'baseRev'>,
  recordRev: number | undefined,
  basis: SyncBasisRow | undefined,
): number | undefined {
  if (recordRev === undefined && basis === undefined) return rij.baseRev;
  const velden = basis?.velden ?? {};
  const namen = Object.keys(rij.fields);
  const bekend =
    namen.length === 0
      ? Math.max(recordRev ?? 0, ...Object.values(velden))
      : Math.min(...namen.map((f) => Math.max(recordRev ?? 0, velden[f] ?? 0)));
  return Math.max(bekend, rij.baseRev ?? 0);
}

function lokaalGeldig(mutaties: Mutation[]): { goed: Mutation[]; fout: Mutation[] } {
  const goed: Mutation[] = [];
  const fout: Mutation[] = [];
  for (const m of mutaties) (mutationSchema.safeParse(m).success ? goed : fout).push(m);
  return { goed, fout };
}

/**
 * A row the wire would refuse as a whole batch (a bad shape stored by an older version) is
 * marked rejected here, so it can never hold up the rows after it.
 *
 * Safe offline: a local outbox update.
 */
async function markeerLokaalOngeldig(db: ArrangeurDB, fout: Mutation[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const m of fout) {
      await db.outbox
        .where('mutationId')
        .equals(m.mutationId)
        .modify({
          status: 'rejected',
          rejectCode: 'lokaal-ongeldig',
          rejectReason: weigerTekst('lokaal-ongeldig'),
        });
    }
  });
}

/**
 * Applies the server's answer for one batch in one transaction: accepted rows leave the outbox
 * and the revisions of the fields they wrote are recorded; rejected rows stay, with the reason.
 * @returns how many rows were settled.
 *
 * Safe offline: local writes only; a crash before commit leaves every row pending, and sending
 * them again is harmless (the server answers `duplicate`).
 */
async function verwerkAntwoord(
  db: ArrangeurDB,
  batch: OutboxRow[],
  resultaten: PushResult[],
  telling: PushTelling,
): Promise<number> {
  const perId = new Map(batch.map((r) => [r.mutationId, r]));
  // Set-based (issue 13.4): the answer of a whole batch is a few bulk operations, not one to
  // three IndexedDB requests per mutation.
  const weg: number[] = [];
  const geweigerd: Array<{ key: number; changes: Partial<OutboxRow> }> = [];
  /** recordId → field → the highest rev an accepted mutation of this batch wrote it at. */
  const velden = new Map<string, Record<string, number>>();
  for (const res of resultaten) {
    const rij = perId.get(res.mutationId);
    if (!rij || rij.seq === undefined) continue;
    perId.delete(res.mutationId);
    if (res.status === 'rejected') {
      telling.rejected += 1;
      geweigerd.push({
        key: rij.seq,
        changes: {
          status: 'rejected',
          rejectCode: res.reason,
          rejectReason: weigerTekst(res.reason, res.detail),
        },
      });
      continue;
    }
    telling[res.status] += 1;
    weg.push(rij.seq);
    const namen = Object.keys(rij.fields);
    if (res.rev === null || namen.length === 0) continue;
    const v = velden.get(rij.recordId) ?? {};
    for (const f of namen) v[f] = Math.max(v[f] ?? 0, res.rev);
    velden.set(rij.recordId, v);
  }
  await db.transaction('rw', [db.outbox, db.syncBasis], () =>
    Promise.all([
      geweigerd.length > 0 ? db.outbox.bulkUpdate(geweigerd) : undefined,
      weg.length > 0 ? db.outbox.bulkDelete(weg) : undefined,
      noteerVelden(db, velden),
    ]),
  );
  return weg.length + geweigerd.length;
}

/**
 * Notes that the fields our accepted mutations wrote are current as of their rev (never lower
 * than what was noted already).
 *
 * Safe offline: device-only bookkeeping inside the answer's transaction.
 */
async function noteerVelden(
  db: ArrangeurDB,
  velden: ReadonlyMap<string, Record<string, number>>,
): Promise<void> {
  if (velden.size === 0) return;
  const ids = [...velden.keys()];
  const bestaand = await db.syncBasis.bulkGet(ids);
  await db.syncBasis.bulkPut(
    ids.map((recordId, i) => {
      const samen = { ...bestaand[i]?.velden };
      for (const [f, rev] of Object.entries(velden.get(recordId)!)) {
        samen[f] = Math.max(samen[f] ?? 0, rev);
      }
      return { recordId, velden: samen };
    }),
  );
}

function alleTabellen(db: ArrangeurDB, batch: OutboxRow[]) {
  const typen = new Set<RecordType>(batch.map((r) => r.recordType));
  return [...typen].map((t) => tabel(db, t));
}

function zonderUndefined<T extends object>(waarde: T): T {
  return Object.fromEntries(Object.entries(waarde).filter(([, v]) => v !== undefined)) as T;
}
