/**
 * The push service (docs/architecture.md, Sync guarantees 2–5): what POST /api/sync/push does,
 * without HTTP. routes/sync.ts parses the request, calls `pushBatch` and answers.
 *
 * Set-based (issue 13, point 2): in chunks of at most PER_TRANSACTIE mutations, each chunk in ONE
 * transaction that costs a bounded number of statements, whatever its size:
 * 1. lock the chunk's mutation ids (retries of one mutation are serialized) and register as a
 *    record writer (db/records.ts); read the ledger for every id;
 * 2. load and lock every record the chunk writes or looks at (db/werkset.ts: the targets, the
 *    plans, reviews, items and clients they point at), take the revs the writes will get, and
 *    read the pusher's access to every client involved (db/toegang.ts toegangVoorClienten);
 * 3. per mutation, in the order the device sent them (its outbox order; a later one sees what an
 *    earlier one wrote, through the Werkset): replay check → access check → merge → validate →
 *    the answer — all in JS on what step 2 loaded;
 * 4. write: every changed record in one multi-row upsert, conflict records, new caseload entries,
 *    the ledger, the access-log rows and the cost queue, all in one statement.
 * Rare paths that need SQL of their own (a plan vastgesteld, a client's routing facts changed, a
 * review shared or ended) write the Werkset out first and run as before, a few statements more.
 *
 * A chunk the database refuses (one mutation it cannot store, a deadlock) rolls back whole and is
 * applied again mutation by mutation, each in its own transaction (a chunk of one). So:
 * - a crash between two chunks leaves a prefix applied and remembered; pushing the batch again
 *   answers that prefix `duplicate` and applies the rest (no duplicate, no loss);
 * - one rejection never stops the batch: it is answered `rejected` with a reason and remembered.
 *   A rejection is not final — it changed nothing, so the device may send the same mutation again
 *   (outbox `retryRejected`, e.g. after the beheerder added the client to her caseload) and it is
 *   checked anew. Only an applied mutation is final: its replay is `duplicate`, with the same rev.
 * - bad input is a 400 (body) or a `rejected` (one mutation), never a 5xx. A mutation the
 *   database refuses (its transaction rolls back) is answered `rejected` and the batch goes on;
 *   only an unreachable or busy database is a 5xx for the rest of the batch, and what was
 *   committed before it is answered `duplicate` on retry.
 * - pushes of different devices run in parallel: there is no global write lock (db/records.ts,
 *   the visibility horizon keeps the pull cursor exact).
 *
 * Access log (toegang_log): one row per mutation (`push`, or `push:geweigerd` with outcome
 * `geweigerd`) in the transaction of the mutation's chunk: the log row commits with the mutation's effects,
 * or neither does (issue 12, point 9). It carries the device id and source address.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Mutation } from '../../sync/protocol/mutation.ts';
import { mergeMutation, type MergeConflict } from '../../sync/protocol/merge.ts';
import {
  CLIENTLOZE_TYPES,
  validateConflictResolution,
  validateMerged,
} from '../../sync/protocol/validate.ts';
import type {
  ConflictFields,
  Gebruiker,
  PushResult,
  RejectReason,
} from '../../sync/protocol/wire.ts';
import type { Queryable, Store } from '../db/store.ts';
import {
  clientKnown,
  lockMutationsAndRecordWrites,
  type MutationOutcome,
  userNames,
  type StoredRecord,
} from '../db/records.ts';
import { vindGebruiker } from '../db/accounts.ts';
import { gezagNaMerge, gezagVoorMerge } from '../db/gezag.ts';
import {
  ACTIES,
  type ClientToegang,
  geefToegang,
  logToegang,
  magClientAanmaken,
  reviewDelingKanEindigen,
  reviewDelingNaSchrijven,
  reviewerMagSchrijven,
  reviewRegel,
  schrijfRecht,
  type SchrijfRecht,
  toegangVoorClienten,
  voegToeAanCaseloadVeel,
} from '../db/toegang.ts';
import { leesDeel, schrijfDeel, type LogRij, type TeSchrijvenDeel } from '../db/push-deel.ts';
import { isRecordId, Werkset } from '../db/werkset.ts';

const ACTIE_GEWEIGERD = `${ACTIES.push}:geweigerd`;

export interface PushOpties {
  /** The server's clock (called once per mutation; strictly increasing within a batch). */
  readonly nu: () => Date;
  /** Where a mutation the database refused is reported (never with its content). */
  readonly waarschuw: (error: unknown) => void;
  /**
   * Which of the clients a transaction (a chunk, or one mutation) changed, per record type, go
   * into the cost queue (db/kosten-wachtrij.ts): written in the chunk's write statement, so they
   * commit with the change, or neither does.
   */
  readonly kostenWachtrij?: (changed: ReadonlyMap<string, ReadonlySet<string>>) => string[];
}

/** Mutations per transaction of a batch (file header): bounds the locks one transaction holds. */
const PER_TRANSACTIE = 100;

/**
 * Applies a device's batch (see the file header): chunk by chunk, each chunk in one transaction;
 * a chunk the database refuses is applied again mutation by mutation. @returns one answer per
 * mutation, in order. Throws only when the database is away or busy (the caller answers 5xx).
 */
export async function pushBatch(
  store: Store,
  g: Gebruiker,
  deviceId: string,
  mutations: readonly Mutation[],
  gegeven: PushOpties,
): Promise<PushResult[]> {
  const opties = { ...gegeven, nu: strikt(gegeven.nu) };
  const results: PushResult[] = [];
  for (let i = 0; i < mutations.length; i += PER_TRANSACTIE) {
    const deel = mutations.slice(i, i + PER_TRANSACTIE);
    let uit: PushResult[] | null = null;
    if (deel.length > 1) {
      try {
        uit = await store.transaction((tx) => pushDeel(tx, g, deviceId, deel, opties));
      } catch (error) {
        // Away or shutting down: a 5xx. Anything else (one mutation the database refuses, a
        // deadlock with another chunk): nothing of this chunk committed; apply it one by one,
        // which answers the refused mutation `rejected` and the others as usual.
        if (opnieuwProberen(error) && !/^40/.test(String((error as { code?: unknown }).code))) {
          throw error;
        }
      }
    }
    results.push(...(uit ?? (await pushEenVoorEen(store, g, deviceId, deel, opties))));
  }
  return results;
}

/**
 * The clock of one batch: never the same millisecond twice, so what the server stamps (a comment's
 * aangemaaktOp, a review's gevraagdOp, updatedAt) keeps the order the device made it in, also when
 * two mutations are applied within one millisecond. Ahead of the real clock by at most a few ms.
 */
function strikt(nu: () => Date): () => Date {
  let vorige = -Infinity;
  return () => {
    vorige = Math.max(nu().getTime(), vorige + 1);
    return new Date(vorige);
  };
}

/** Mutation by mutation, each in its own transaction (a single mutation, or a refused chunk). */
async function pushEenVoorEen(
  store: Store,
  g: Gebruiker,
  deviceId: string,
  mutations: readonly Mutation[],
  opties: PushOpties,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const m of mutations) {
    try {
      // The mutation's effects and its access-log row commit together, or neither does.
      const [result] = await store.transaction((tx) => pushDeel(tx, g, deviceId, [m], opties));
      if (!result) throw new Error('pushDeel: no answer');
      results.push(result);
    } catch (error) {
      // The database is away or busy: a 5xx, the device retries the batch (what committed
      // before answers `duplicate`). Anything else is about this mutation's content: its
      // transaction rolled back, it is answered `rejected` and the batch goes on.
      if (opnieuwProberen(error)) throw error;
      opties.waarschuw(error);
      results.push({
        mutationId: m.mutationId,
        status: 'rejected',
        reason: 'invalid',
        detail: 'the server could not store this change',
      });
    }
  }
  return results;
}

/** A conflict record to write at the end of the chunk (its rev and names are taken in bulk). */
interface OpenConflict {
  readonly m: Mutation;
  readonly clientId: string | null;
  readonly conflict: MergeConflict;
  readonly by: string;
  readonly at: string;
}

/** What one chunk's transaction holds while it decides (file header, steps 2–4). */
interface Deel {
  readonly tx: Queryable;
  readonly g: Gebruiker;
  readonly w: Werkset;
  readonly toegang: Toegang;
  /** New clients of the pusher: their caseload entries, written at the end (or before SQL). */
  readonly nieuweClienten: string[];
  readonly conflicten: OpenConflict[];
}

/** Writes what the chunk holds back, before SQL of its own reads the tables. */
async function voorSql(d: Deel): Promise<void> {
  await d.w.schrijf();
  await voegToeAanCaseloadVeel(d.tx, d.g.id, d.nieuweClienten.splice(0));
}

/** After SQL that may have changed records or access behind the chunk's back: forget both. */
async function naSql(d: Deel): Promise<void> {
  await d.w.vergeet();
  d.toegang.vergeet();
}

/**
 * The pusher's access per client, read for the whole chunk in one statement (`laad`); a client
 * not loaded is asked on its own. Kept up to date for the clients the chunk creates.
 */
class Toegang {
  private readonly bekend = new Map<string, ClientToegang>();
  constructor(
    private readonly tx: Queryable,
    private readonly g: Gebruiker,
  ) {}

  /** Takes in access read elsewhere (db/push-deel.ts leesDeel). */
  neemOp(t: ReadonlyMap<string, ClientToegang>): void {
    for (const [id, x] of t) this.bekend.set(id, x);
  }

  async laad(clientIds: Iterable<unknown>): Promise<void> {
    const nodig = new Set<string>();
    for (const id of clientIds) {
      if (isRecordId(id) && !this.bekend.has(id.toLowerCase())) nodig.add(id.toLowerCase());
    }
    if (nodig.size === 0) return;
    for (const [id, t] of await toegangVoorClienten(this.tx, this.g, [...nodig])) {
      this.bekend.set(id, t);
    }
  }

  private async van(clientId: string): Promise<ClientToegang> {
    const sleutel = clientId.toLowerCase();
    const t = this.bekend.get(sleutel);
    if (t) return t;
    const uit: ClientToegang = {
      recht: await schrijfRecht(this.tx, this.g, clientId),
      bekend: await clientKnown(this.tx, clientId),
    };
    this.bekend.set(sleutel, uit);
    return uit;
  }

  async recht(clientId: string | null): Promise<SchrijfRecht> {
    // No client (the sociale kaart): no query, the role decides.
    if (clientId === null) return schrijfRecht(this.tx, this.g, null);
    return (await this.van(clientId)).recht;
  }

  async isBekend(clientId: string): Promise<boolean> {
    return (await this.van(clientId)).bekend;
  }

  /** A client the pusher just created: in her caseload, and known. */
  nieuweClient(clientId: string): void {
    this.bekend.set(clientId.toLowerCase(), { recht: 'caseload', bekend: true });
  }

  vergeet(): void {
    this.bekend.clear();
  }
}

/** The ids a mutation may read besides its own record (plan, review, item, and a client to route). */
function verwijzingen(m: Mutation, r: StoredRecord | null): unknown[] {
  const uit: unknown[] = [m.fields['planId'], m.fields['reviewId'], m.fields['itemId']];
  if (r) uit.push(r.fields['planId']);
  if (m.recordType === 'planItem' || m.recordType === 'planVersie') {
    uit.push(r ? r.clientId : (m.clientId ?? m.fields['clientId']));
  }
  return uit;
}

/**
 * The clients whose access a new record may ask (the one it claims). A stored record's client is
 * added by leesDeel itself.
 */
function clientenVan(m: Mutation): unknown[] {
  if (m.recordType === 'client') return [m.recordId];
  return [m.clientId, m.fields['clientId']];
}

/**
 * One chunk in one transaction (file header): locks and ledger, everything it reads loaded in
 * bulk, every mutation decided in outbox order, everything it writes written in bulk.
 */
async function pushDeel(
  tx: Queryable,
  g: Gebruiker,
  deviceId: string,
  deel: readonly Mutation[],
  opties: PushOpties,
): Promise<PushResult[]> {
  const mutationIds = deel.map((m) => m.mutationId);
  await lockMutationsAndRecordWrites(tx, mutationIds);
  // One statement: the ledger, the records written and what they point at (locked), the revs,
  // the access to the clients involved.
  const recordIds = [...deel.map((m) => m.recordId), ...deel.flatMap((m) => verwijzingen(m, null))];
  const gelezen = await leesDeel(tx, g, {
    mutationIds,
    recordIds,
    revs: deel.length,
    clientIds: deel.flatMap(clientenVan),
    // Bound to the pusher in that statement when new (db/gezag.ts bindApparaat).
    deviceIds: deel.map((m) => m.deviceId),
  });
  const ledger = gelezen.ledger;
  const d: Deel = {
    tx,
    g,
    w: new Werkset(tx),
    toegang: new Toegang(tx, g),
    nieuweClienten: [],
    conflicten: [],
  };
  d.w.neemOp(recordIds, gelezen.records);
  d.w.zetVoorraad(gelezen.revs);
  d.toegang.neemOp(gelezen.toegang);
  for (const a of gelezen.eigenApparaten) d.w.apparaten.add(a);
  // What the stored records point at (an edit of an item: its plan, its client), when not loaded
  // yet: one statement more, only then. Only read, never written with the revs above.
  const open = deel.filter((m) => ledger.get(m.mutationId.toLowerCase())?.status !== 'applied');
  await d.w.laad(open.flatMap((m) => verwijzingen(m, d.w.bekendRecord(m.recordId) ?? null)));

  const changed = new Map<string, Set<string>>();
  const results: PushResult[] = [];
  // Written at the end, each in one statement: the ledger (the last answer per id) and the log.
  const onthouden = new Map<string, TeSchrijvenDeel['ledger'][number]>();
  // The log: one row per client and outcome, counted (key: actie|client).
  const log = new Map<string, LogRij>();
  for (const m of deel) {
    const sleutel = m.mutationId.toLowerCase();
    // The same mutation again in this chunk: the answer given to it above counts.
    const eerder = onthouden.get(sleutel);
    const earlier = eerder ? uitkomstVan(g, eerder.result) : (ledger.get(sleutel) ?? null);
    const o = await pushNaLedger(d, m, opties.nu(), earlier);
    if (o.onthoud) onthouden.set(sleutel, o.onthoud);
    if (o.logClient !== undefined) {
      // One access-log row per client and outcome in this transaction, with a count (as a pull
      // logs one row per page and client): who did what to which client, when, from which device.
      // What each mutation did is in the ledger (applied_mutations).
      const ok = o.result.status === 'applied';
      const actie = ok ? ACTIES.push : ACTIE_GEWEIGERD;
      const sleutel = `${actie}|${o.logClient ?? ''}`;
      const rij = log.get(sleutel);
      if (rij) rij.aantal += 1;
      else {
        log.set(sleutel, {
          actie,
          clientId: o.logClient,
          uitkomst: ok ? 'ok' : 'geweigerd',
          aantal: 1,
        });
      }
    }
    if (o.result.status === 'applied' && typeof o.logClient === 'string') {
      const set = changed.get(m.recordType) ?? new Set<string>();
      set.add(o.logClient);
      changed.set(m.recordType, set);
    }
    results.push(o.result);
  }
  await writeConflicts(d);
  await schrijfDeel(tx, g, {
    records: d.w.neemVuil(),
    nieuweClienten: d.nieuweClienten.splice(0),
    ledger: [...onthouden.values()],
    log: [...log.values()],
    apparaat: deviceId,
    kostenWachtrij: opties.kostenWachtrij?.(changed) ?? [],
  });
  return results;
}

/** What the ledger would say of a mutation just answered `result` in this chunk. */
function uitkomstVan(g: Gebruiker, result: PushResult): MutationOutcome {
  return {
    status: result.status === 'applied' ? 'applied' : 'rejected',
    userId: g.id,
    rev: result.status === 'applied' ? result.rev : null,
    conflicts: result.status === 'applied' ? result.conflicts : 0,
    reason: result.status === 'rejected' ? result.reason : null,
    detail: result.status === 'rejected' ? (result.detail ?? null) : null,
  };
}

interface PushOutcome {
  readonly result: PushResult;
  /** The client to log this access for; undefined: nothing to log (a replay). */
  readonly logClient?: string | null;
  /** The ledger row to write (none for a replay or someone else's id). */
  readonly onthoud?: TeSchrijvenDeel['ledger'][number];
}

/** One mutation after its lock, given what the ledger remembers of it (`earlier`). */
async function pushNaLedger(
  d: Deel,
  m: Mutation,
  now: Date,
  earlier: MutationOutcome | null,
): Promise<PushOutcome> {
  if (earlier && earlier.userId !== d.g.id) {
    // Someone else's mutation id: say nothing about it, change nothing.
    return { result: { mutationId: m.mutationId, status: 'rejected', reason: 'forbidden' } };
  }
  if (earlier?.status === 'applied') {
    return { result: { mutationId: m.mutationId, status: 'duplicate', rev: earlier.rev } };
  }
  const decided = await decide(d, m, now);
  return {
    ...decided,
    onthoud: {
      mutationId: m.mutationId,
      deviceId: m.deviceId,
      recordId: m.recordId,
      result: decided.result,
    },
  };
}

async function decide(d: Deel, m: Mutation, now: Date): Promise<PushOutcome> {
  const { g, w } = d;
  const reject = (
    reason: RejectReason,
    detail?: string,
    logClient?: string | null,
  ): PushOutcome => ({
    result: {
      mutationId: m.mutationId,
      status: 'rejected',
      reason,
      ...(detail === undefined ? {} : { detail }),
    },
    logClient,
  });

  // The record (locked when the chunk began), and the rev its change gets (taken after that lock).
  const existing = await w.record(m.recordId);
  const newRev = await w.rev();
  let clientId: string | null;
  if (existing) {
    // An existing record: only the stored client counts, whatever the mutation claims.
    clientId = existing.clientId;
    const recht = await d.toegang.recht(clientId);
    if (!recht) return reject('forbidden', undefined, clientId);
    if (recht === 'review') {
      const why = reviewerMagSchrijven(g, m, existing, null);
      if (why) return reject('forbidden', why, clientId);
    }
    if (existing.type !== m.recordType) {
      return reject('invalid', `recordType: this record is a ${existing.type}`);
    }
    if (m.recordType === 'conflict') {
      const why = validateConflictResolution(m.fields);
      if (why) return reject('conflict-resolution-invalid', why);
    }
  } else {
    if (m.recordType === 'conflict') {
      return reject('conflict-resolution-invalid', 'conflict records are made by the server');
    }
    const claimed = await claimedClient(w, m);
    if (claimed === 'missing') return reject('invalid', 'clientId: required for this record type');
    if (claimed === 'mismatch') return reject('invalid', 'clientId: does not match the record');
    clientId = claimed;
    if (m.recordType === 'client' && clientId !== null) {
      // A brand-new client joins the creator's caseload. A client id already known to the server
      // (in another caseload, before its record arrived) is not up for grabs.
      const mag =
        (await d.toegang.recht(clientId)) === 'caseload' ||
        (magClientAanmaken(g) && !(await d.toegang.isBekend(clientId)));
      if (!mag) return reject('forbidden', undefined, clientId);
    } else {
      const recht = await d.toegang.recht(clientId);
      if (!recht) {
        // Only when the client is unknown to everyone is it not "someone else's": say so, so the
        // device can tell "push the client first" from "not yours".
        const unknown =
          clientId !== null && magClientAanmaken(g) && !(await d.toegang.isBekend(clientId));
        return unknown ? reject('unknown-client') : reject('forbidden', undefined, clientId);
      }
      if (recht === 'review') {
        const review = await w.record(m.fields['reviewId']);
        const why = reviewerMagSchrijven(
          g,
          m,
          null,
          review && review.clientId === clientId ? review : null,
        );
        if (why) return reject('forbidden', why, clientId);
      }
    }
  }

  // The server's own checks and decisions (issue 12): db/gezag.ts.
  const gezag = await gezagVoorMerge(w, g, m, existing, now);
  if ('weiger' in gezag) return reject(gezag.weiger.reason, gezag.weiger.detail, clientId);
  m = gezag.mutation;

  const by = g.id;
  // When the person made the change, for display in a conflict ("Waarde van Anja, di 14:02"):
  // the device's clock, but never later than the server's. Order comes from newRev only.
  const at = new Date(Math.min(Date.parse(m.createdAt), now.getTime())).toISOString();
  let merged = mergeMutation(existing, m, { newRev, by, at });

  const regel = reviewRegel(g, m, existing, merged.fields);
  if (regel) return reject('forbidden', regel, clientId);
  let nieuweReview: string | null = null;
  if (merged.changed && !merged.deleted) {
    const why = validateMerged(m.recordType, merged.fields, clientId);
    if (why) return reject('invalid', why, clientId);
    const link = await checkPlanLink(w, m, merged.fields, clientId);
    if (link) return reject('invalid', link, clientId);
    const reviewLink = await checkReviewLink(w, m, merged.fields, clientId);
    if (reviewLink) return reject('invalid', reviewLink, clientId);
    if (m.recordType === 'review' && !existing) {
      const cm = await reviewCasemanager(d.tx, merged.fields['casemanagerId']);
      if (typeof cm !== 'string') return reject('invalid', cm.why, clientId);
      nieuweReview = cm;
    }
  } else if (merged.deleted && Object.keys(m.fields).length > 0) {
    // An edit of a deleted record (kept as conflict records) or a delete that carries fields (kept
    // in the tombstone): validated like any other, so neither stores what no form could make.
    const why = validateMerged(m.recordType, { ...existing?.fields, ...m.fields }, clientId);
    if (why) return reject('invalid', why, clientId);
  }
  const besluit = await gezagNaMerge(w, g, m, existing, merged, clientId, now, newRev);
  if ('weiger' in besluit) return reject(besluit.weiger.reason, besluit.weiger.detail, clientId);
  merged = { ...merged, ...besluit.merged };

  let rev = existing?.rev ?? newRev;
  if (merged.changed) {
    rev = newRev;
    w.zet({
      id: m.recordId,
      type: m.recordType,
      clientId,
      fields: merged.fields,
      fieldRevs: merged.fieldRevs,
      rev,
      updatedAt: now.toISOString(),
      updatedBy: by,
      deleted: merged.deleted,
    });
  }
  for (const conflict of merged.conflicts) {
    d.conflicten.push({ m, clientId, conflict, by, at: now.toISOString() });
  }
  // A review decided or withdrawn ends its share (issue 12, point 8; db/toegang.ts): SQL of its
  // own, so only when the write can end one.
  const geschreven = {
    type: m.recordType,
    id: m.recordId,
    clientId,
    voor: existing,
    na: merged,
  };
  if (merged.changed && reviewDelingKanEindigen(geschreven)) {
    await voorSql(d);
    await reviewDelingNaSchrijven(d.tx, g, geschreven);
    await naSql(d);
  }
  if (nieuweReview !== null && clientId !== null) {
    rev = await deelMetReviewer(d, nieuweReview, clientId, m.recordId, rev);
  }
  // Only once the client is stored: a rejected new client must not leave a caseload entry.
  if (m.recordType === 'client' && !existing && clientId !== null) {
    d.nieuweClienten.push(clientId);
    d.toegang.nieuweClient(clientId);
  }
  return {
    result: {
      mutationId: m.mutationId,
      status: 'applied',
      rev,
      conflicts: merged.conflicts.length,
    },
    logClient: clientId,
  };
}

/**
 * The client a new record claims. `client`: itself. Clientless types: none. Others: the
 * mutation's clientId, or for rows queued before clientId existed on the wire, the record's own
 * `clientId` field or the client of the plan it points at.
 */
async function claimedClient(
  w: Werkset,
  m: Mutation,
): Promise<string | null | 'missing' | 'mismatch'> {
  if (m.recordType === 'client') {
    return m.clientId == null || m.clientId === m.recordId ? m.recordId : 'mismatch';
  }
  if (CLIENTLOZE_TYPES.includes(m.recordType)) return m.clientId == null ? null : 'mismatch';
  if (m.clientId != null) return m.clientId;
  const veld = m.fields['clientId'];
  if (typeof veld === 'string' && z.uuid().safeParse(veld).success) return veld;
  const planId = m.fields['planId'];
  if (typeof planId === 'string' && z.uuid().safeParse(planId).success) {
    const viaPlan = (await w.record(planId))?.clientId;
    if (typeof viaPlan === 'string') return viaPlan;
  }
  return 'missing';
}

/**
 * A doel, planItem or planVersie points at a plan (`planId`); when that plan is on the server it
 * must belong to the same client, or the record would mix two clients' data (and be readable by
 * the wrong caseload). A plan not yet on the server is allowed: the device pushes in its order,
 * and a plan rejected earlier stays visible on the device.
 */
async function checkPlanLink(
  w: Werkset,
  m: Mutation,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
): Promise<string | null> {
  if (!('planId' in m.fields)) return null;
  const planId = fields['planId'];
  if (typeof planId !== 'string') return null;
  const plan = await w.record(planId);
  return !plan || plan.clientId === clientId ? null : 'planId: the plan belongs to another client';
}

/**
 * A reviewComment points at a review (`reviewId`) and maybe an item (`itemId`); when they are on
 * the server they must be of the same client (and the review of the same plan), so a comment
 * never travels to another client's readers.
 * A review not yet on the server is allowed (push order, as for checkPlanLink).
 */
async function checkReviewLink(
  w: Werkset,
  m: Mutation,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
): Promise<string | null> {
  if (m.recordType !== 'reviewComment') return null;
  // The item a comment is about (a doel, naaste or plan item), when on the server, is of the same
  // client: a comment never points into another client's plan.
  const itemId = fields['itemId'];
  if ('itemId' in m.fields && typeof itemId === 'string') {
    const item = await w.record(itemId);
    if (item && !['doel', 'naaste', 'planItem'].includes(item.type)) {
      return 'itemId: not a doel, naaste or planItem';
    }
    if (item && item.clientId !== clientId) return 'itemId: the item belongs to another client';
  }
  if (!('reviewId' in m.fields)) return null;
  const reviewId = fields['reviewId'];
  if (typeof reviewId !== 'string') return null;
  const review = await w.record(reviewId);
  if (!review) return null;
  if (review.type !== 'review') return 'reviewId: not a review';
  if (review.clientId !== clientId) return 'reviewId: the review belongs to another client';
  if (review.fields['planId'] !== fields['planId']) return 'planId: not the plan of this review';
  return null;
}

/** The casemanager a new review names: an active user with rol casemanager, or why not. */
async function reviewCasemanager(
  tx: Queryable,
  casemanagerId: unknown,
): Promise<string | { why: string }> {
  const id = typeof casemanagerId === 'string' ? casemanagerId : '';
  const cm = z.uuid().safeParse(id).success ? await vindGebruiker(tx, id) : null;
  if (!cm || !cm.actief) return { why: 'casemanagerId: no such active user' };
  if (cm.rol !== 'casemanager') return { why: 'casemanagerId: this user is not a casemanager' };
  return cm.id;
}

/**
 * A new review shares its client with the casemanager asked (db/toegang.ts geefToegang: when she
 * could not read the client before, its records get new revs so her next pull brings them).
 * Logged as `review:gedeeld` with the arrangeur as actor. @returns the review's rev after that
 * (it may have been re-stamped).
 */
async function deelMetReviewer(
  d: Deel,
  casemanagerId: string,
  clientId: string,
  reviewId: string,
  rev: number,
): Promise<number> {
  const { tx, g } = d;
  const cm = await vindGebruiker(tx, casemanagerId);
  if (!cm) return rev;
  // SQL of its own that reads the records and may re-stamp them: the chunk's writes go first.
  await voorSql(d);
  const gedeeld = await geefToegang(tx, cm, clientId, 'review', { door: g.id });
  await naSql(d);
  if (!gedeeld) return rev;
  await logToegang(tx, g, ACTIES.reviewGedeeldDoorArrangeur, clientId, 1);
  return (await d.w.record(reviewId))?.rev ?? rev;
}

/**
 * Each overwritten value becomes a `conflict` record of the same client (so the same people see
 * it): for the whole chunk at once, with one query for the names and one for the revs.
 */
async function writeConflicts(d: Deel): Promise<void> {
  if (d.conflicten.length === 0) return;
  // `overwrittenBy` / `winningBy` are user ids, like `updatedBy` everywhere: the device compares
  // them with its own user to say "Uw waarde". The device has no user directory, so the names the
  // UI shows ("Waarde van Anja") travel along as `…ByNaam` (a snapshot at conflict time).
  const names = await userNames(
    d.tx,
    d.conflicten.flatMap(({ conflict: c }) => [c.overwrittenBy, c.winningBy]),
  );
  const name = (id: string) => names.get(id) ?? id;
  if (d.w.voorraadGrootte < d.conflicten.length) await d.w.reserveer(d.conflicten.length);
  for (const { m, clientId, conflict: c, by, at } of d.conflicten.splice(0)) {
    const fields: ConflictFields & { overwrittenByNaam: string; winningByNaam: string } = {
      recordType: m.recordType,
      recordId: m.recordId,
      field: c.field,
      overwrittenValue: c.overwrittenValue,
      overwrittenBy: c.overwrittenBy,
      overwrittenByNaam: name(c.overwrittenBy),
      overwrittenAt: c.overwrittenAt,
      overwrittenDevice: c.overwrittenDevice,
      winningValue: c.winningValue,
      winningBy: c.winningBy,
      winningByNaam: name(c.winningBy),
      winningAt: c.winningAt,
      winningDevice: c.winningDevice,
      resolved: false,
    };
    const rev = await d.w.rev();
    const stamp = { rev, by, at, device: '' };
    const record: StoredRecord = {
      id: randomUUID(),
      type: 'conflict',
      clientId,
      fields,
      fieldRevs: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])),
      rev,
      updatedAt: at,
      updatedBy: by,
      deleted: false,
    };
    d.w.zet(record);
  }
}

/**
 * True for failures that say nothing about the mutation: no connection, the server shutting
 * down, out of resources, a serialization failure or deadlock (SQLSTATE classes 08, 40, 53, 57,
 * 58), a Node socket error, or a closed store. The push answers those with a 5xx so the device
 * tries again later; every other failure is the mutation's own and is answered `rejected`.
 */
export function opnieuwProberen(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (/^(08|40|53|57|58)[0-9A-Z]{3}$/.test(code)) return true;
    if (/^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, ETIMEDOUT, …
  }
  const message = error instanceof Error ? error.message : '';
  return /closed|terminat|not connected|connection/i.test(message);
}
