/**
 * The push service (docs/architecture.md, Sync guarantees 2–5): what POST /api/sync/push does,
 * without HTTP. routes/sync.ts parses the request, calls `pushBatch` and answers.
 *
 * In chunks of at most PER_TRANSACTIE mutations, each chunk in ONE transaction (issue 13, point 2):
 * lock the chunk's mutation ids (retries of one mutation are serialized) and register as a record
 * writer, lock the records it touches, read the ledger for every id in one statement; then per
 * mutation, in the order the device sent them (its outbox order; a later one sees what an earlier
 * one wrote): replay check → access check → merge → validate → write the record and its conflict
 * records → remember the answer → access-log row; at the end `afterApply` with the clients changed.
 * A chunk the database refuses (one mutation it cannot store, a deadlock) rolls back whole and is
 * applied again mutation by mutation, each in its own transaction (the path of a single mutation).
 * So:
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
  clientOf,
  findMutation,
  findMutations,
  findRecord,
  findRecordForWrite,
  lockMutationAndRecordWrites,
  lockMutationsAndRecordWrites,
  nextRev,
  type MutationOutcome,
  rememberMutation,
  rememberMutations,
  userNames,
  writeRecord,
  type StoredRecord,
} from '../db/records.ts';
import { vindGebruiker } from '../db/accounts.ts';
import { gezagNaMerge, gezagVoorMerge } from '../db/gezag.ts';
import {
  ACTIES,
  geefToegang,
  logToegang,
  logToegangRijen,
  magClientAanmaken,
  magClientSchrijven,
  reviewDelingNaSchrijven,
  reviewerMagSchrijven,
  reviewRegel,
  schrijfRecht,
} from '../db/toegang.ts';

const ACTIE_GEWEIGERD = `${ACTIES.push}:geweigerd`;

export interface PushOpties {
  /** The server's clock (called once per mutation). */
  readonly nu: () => Date;
  /** Where a mutation the database refused is reported (never with its content). */
  readonly waarschuw: (error: unknown) => void;
  /**
   * Called inside the transaction that applied a mutation, after its effects and its log row are
   * written, with the clients whose records it changed (empty for a rejection or a replay). The
   * place for totals kept up to date on push: they commit with the change, or neither does.
   */
  readonly afterApply?: (
    tx: Queryable,
    changedClientIds: ReadonlySet<string>,
    recordType: string,
  ) => Promise<void>;
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
  opties: PushOpties,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (let i = 0; i < mutations.length; i += PER_TRANSACTIE) {
    const deel = mutations.slice(i, i + PER_TRANSACTIE);
    let uit: PushResult[] | null = null;
    if (deel.length > 1) {
      try {
        uit = await pushDeel(store, g, deviceId, deel, opties);
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
 * One chunk in one transaction: the mutation ids, the writer registration and the records it
 * touches locked up front, the ledger read in one statement, then every mutation in outbox order
 * (a later one sees what an earlier one wrote), its access-log row, and the clients changed.
 */
async function pushDeel(
  store: Store,
  g: Gebruiker,
  deviceId: string,
  deel: readonly Mutation[],
  opties: PushOpties,
): Promise<PushResult[]> {
  return store.transaction(async (tx) => {
    await lockMutationsAndRecordWrites(
      tx,
      deel.map((m) => m.mutationId),
      deel.map((m) => m.recordId),
    );
    const ledger = await findMutations(
      tx,
      deel.map((m) => m.mutationId),
    );
    const changed = new Map<string, Set<string>>();
    const results: PushResult[] = [];
    // Written at the end, each in one statement: the ledger (the last answer per id) and the log.
    const onthouden = new Map<string, Parameters<typeof rememberMutations>[2][number]>();
    const log: Parameters<typeof logToegangRijen>[2][number][] = [];
    for (const m of deel) {
      const sleutel = m.mutationId.toLowerCase();
      // The same mutation again in this chunk: the answer given to it above counts.
      const eerder = onthouden.get(sleutel);
      const earlier = eerder ? uitkomstVan(g, eerder.result) : (ledger.get(sleutel) ?? null);
      const o = await pushNaLedger(tx, g, m, opties.nu(), earlier, (author, result) => {
        onthouden.set(sleutel, { ...author, result });
      });
      if (o.logClient !== undefined) {
        const ok = o.result.status === 'applied';
        log.push({
          actie: ok ? ACTIES.push : ACTIE_GEWEIGERD,
          clientId: o.logClient,
          uitkomst: ok ? 'ok' : 'geweigerd',
        });
      }
      if (o.result.status === 'applied' && typeof o.logClient === 'string') {
        const set = changed.get(m.recordType) ?? new Set<string>();
        set.add(o.logClient);
        changed.set(m.recordType, set);
      }
      results.push(o.result);
    }
    await rememberMutations(tx, g.id, [...onthouden.values()]);
    await logToegangRijen(tx, g, log, { apparaat: deviceId });
    if (opties.afterApply) {
      for (const [recordType, clienten] of changed) {
        await opties.afterApply(tx, clienten, recordType);
      }
    }
    return results;
  });
}

/** The answer's access-log row (none for a replay). */
async function logUitkomst(
  tx: Queryable,
  g: Gebruiker,
  deviceId: string,
  o: PushOutcome,
): Promise<void> {
  if (o.logClient === undefined) return;
  const actie = o.result.status === 'applied' ? ACTIES.push : ACTIE_GEWEIGERD;
  await logToegang(tx, g, actie, o.logClient, 1, {
    apparaat: deviceId,
    uitkomst: o.result.status === 'applied' ? 'ok' : 'geweigerd',
  });
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
      const outcome = await store.transaction(async (tx) => {
        const o = await pushOne(tx, g, m, opties.nu());
        await logUitkomst(tx, g, deviceId, o);
        if (opties.afterApply) {
          const changed = new Set<string>();
          if (o.result.status === 'applied' && typeof o.logClient === 'string') {
            changed.add(o.logClient);
          }
          await opties.afterApply(tx, changed, m.recordType);
        }
        return o;
      });
      results.push(outcome.result);
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
}

/** One mutation, inside its own transaction. Never throws for bad input: it answers `rejected`. */
async function pushOne(tx: Queryable, g: Gebruiker, m: Mutation, now: Date): Promise<PushOutcome> {
  // First, before reading anything: two pushes of the same mutation (a retry while the first
  // request is still running) are serialized here, and the second sees the first's answer.
  // Pushes of other mutations do not wait; registering as a writer keeps pull's cursor exact.
  await lockMutationAndRecordWrites(tx, m.mutationId);
  return pushNaLedger(tx, g, m, now, await findMutation(tx, m.mutationId));
}

/** One mutation after its lock, given what the ledger remembers of it (`earlier`). */
async function pushNaLedger(
  tx: Queryable,
  g: Gebruiker,
  m: Mutation,
  now: Date,
  earlier: MutationOutcome | null,
  onthoud?: (author: Parameters<typeof rememberMutation>[1], result: PushResult) => void,
): Promise<PushOutcome> {
  if (earlier && earlier.userId !== g.id) {
    // Someone else's mutation id: say nothing about it, change nothing.
    return { result: { mutationId: m.mutationId, status: 'rejected', reason: 'forbidden' } };
  }
  if (earlier?.status === 'applied') {
    return { result: { mutationId: m.mutationId, status: 'duplicate', rev: earlier.rev } };
  }
  const decided = await decide(tx, g, m, now);
  const author = {
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    recordId: m.recordId,
    userId: g.id,
  };
  if (onthoud) onthoud(author, decided.result);
  else await rememberMutation(tx, author, decided.result);
  return decided;
}

async function decide(tx: Queryable, g: Gebruiker, m: Mutation, now: Date): Promise<PushOutcome> {
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

  // The record, locked, and the rev its change gets (after the lock: a record's revs only grow).
  const { record: existing, newRev } = await findRecordForWrite(tx, m.recordId);
  let clientId: string | null;
  if (existing) {
    // An existing record: only the stored client counts, whatever the mutation claims.
    clientId = existing.clientId;
    const recht = await schrijfRecht(tx, g, clientId);
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
    const claimed = await claimedClient(tx, m);
    if (claimed === 'missing') return reject('invalid', 'clientId: required for this record type');
    if (claimed === 'mismatch') return reject('invalid', 'clientId: does not match the record');
    clientId = claimed;
    if (m.recordType === 'client' && clientId !== null) {
      // A brand-new client joins the creator's caseload. A client id already known to the server
      // (in another caseload, before its record arrived) is not up for grabs.
      const mag =
        (await magClientSchrijven(tx, g, clientId)) ||
        (magClientAanmaken(g) && !(await clientKnown(tx, clientId)));
      if (!mag) return reject('forbidden', undefined, clientId);
    } else {
      const recht = await schrijfRecht(tx, g, clientId);
      if (!recht) {
        // Only when the client is unknown to everyone is it not "someone else's": say so, so the
        // device can tell "push the client first" from "not yours".
        const unknown =
          clientId !== null && magClientAanmaken(g) && !(await clientKnown(tx, clientId));
        return unknown ? reject('unknown-client') : reject('forbidden', undefined, clientId);
      }
      if (recht === 'review') {
        const reviewId = m.fields['reviewId'];
        const review = typeof reviewId === 'string' ? await findRecord(tx, reviewId) : null;
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
  const gezag = await gezagVoorMerge(tx, g, m, existing, now);
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
    const link = await checkPlanLink(tx, m, merged.fields, clientId);
    if (link) return reject('invalid', link, clientId);
    const reviewLink = await checkReviewLink(tx, m, merged.fields, clientId);
    if (reviewLink) return reject('invalid', reviewLink, clientId);
    if (m.recordType === 'review' && !existing) {
      const cm = await reviewCasemanager(tx, merged.fields['casemanagerId']);
      if (typeof cm !== 'string') return reject('invalid', cm.why, clientId);
      nieuweReview = cm;
    }
  } else if (merged.deleted && Object.keys(m.fields).length > 0) {
    // An edit of a deleted record (kept as conflict records) or a delete that carries fields (kept
    // in the tombstone): validated like any other, so neither stores what no form could make.
    const why = validateMerged(m.recordType, { ...existing?.fields, ...m.fields }, clientId);
    if (why) return reject('invalid', why, clientId);
  }
  const besluit = await gezagNaMerge(tx, g, m, existing, merged, clientId, now, newRev);
  if ('weiger' in besluit) return reject(besluit.weiger.reason, besluit.weiger.detail, clientId);
  merged = { ...merged, ...besluit.merged };

  let rev = existing?.rev ?? newRev;
  if (merged.changed) {
    rev = newRev;
    await writeRecord(tx, {
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
  await writeConflicts(tx, m, clientId, merged.conflicts, by, now);
  // A review decided or withdrawn ends its share (issue 12, point 8; db/toegang.ts).
  if (merged.changed) {
    await reviewDelingNaSchrijven(tx, g, {
      type: m.recordType,
      id: m.recordId,
      clientId,
      voor: existing,
      na: merged,
    });
  }
  if (nieuweReview !== null && clientId !== null) {
    rev = await deelMetReviewer(tx, g, nieuweReview, clientId, m.recordId, rev);
  }
  // Only once the client is stored: a rejected new client must not leave a caseload entry.
  if (m.recordType === 'client' && !existing && clientId !== null) {
    await geefToegang(tx, g, clientId, 'caseload', { door: g.id, opnieuwSturen: false });
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
  tx: Queryable,
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
    const viaPlan = await clientOf(tx, planId);
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
  tx: Queryable,
  m: Mutation,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
): Promise<string | null> {
  if (!('planId' in m.fields)) return null;
  const planId = fields['planId'];
  if (typeof planId !== 'string') return null;
  const planClient = await clientOf(tx, planId);
  return planClient === undefined || planClient === clientId
    ? null
    : 'planId: the plan belongs to another client';
}

/**
 * A reviewComment points at a review (`reviewId`) and maybe an item (`itemId`); when they are on
 * the server they must be of the same client (and the review of the same plan), so a comment
 * never travels to another client's readers.
 * A review not yet on the server is allowed (push order, as for checkPlanLink).
 */
async function checkReviewLink(
  tx: Queryable,
  m: Mutation,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
): Promise<string | null> {
  if (m.recordType !== 'reviewComment') return null;
  // The item a comment is about (a doel, naaste or plan item), when on the server, is of the same
  // client: a comment never points into another client's plan.
  const itemId = fields['itemId'];
  if ('itemId' in m.fields && typeof itemId === 'string') {
    const item = await findRecord(tx, itemId);
    if (item && !['doel', 'naaste', 'planItem'].includes(item.type)) {
      return 'itemId: not a doel, naaste or planItem';
    }
    if (item && item.clientId !== clientId) return 'itemId: the item belongs to another client';
  }
  if (!('reviewId' in m.fields)) return null;
  const reviewId = fields['reviewId'];
  if (typeof reviewId !== 'string') return null;
  const review = await findRecord(tx, reviewId);
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
  tx: Queryable,
  g: Gebruiker,
  casemanagerId: string,
  clientId: string,
  reviewId: string,
  rev: number,
): Promise<number> {
  const cm = await vindGebruiker(tx, casemanagerId);
  if (!cm || !(await geefToegang(tx, cm, clientId, 'review', { door: g.id }))) return rev;
  await logToegang(tx, g, ACTIES.reviewGedeeldDoorArrangeur, clientId, 1);
  return (await findRecord(tx, reviewId))?.rev ?? rev;
}

/** Each overwritten value becomes a `conflict` record of the same client (so the same people see it). */
async function writeConflicts(
  tx: Queryable,
  m: Mutation,
  clientId: string | null,
  conflicts: readonly MergeConflict[],
  by: string,
  now: Date,
): Promise<void> {
  if (conflicts.length === 0) return;
  // `overwrittenBy` / `winningBy` are user ids, like `updatedBy` everywhere: the device compares
  // them with its own user to say "Uw waarde". The device has no user directory, so the names the
  // UI shows ("Waarde van Anja") travel along as `…ByNaam` (a snapshot at conflict time).
  const names = await userNames(
    tx,
    conflicts.flatMap((c) => [c.overwrittenBy, c.winningBy]),
  );
  const name = (id: string) => names.get(id) ?? id;
  for (const c of conflicts) {
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
    const rev = await nextRev(tx);
    const stamp = { rev, by, at: now.toISOString(), device: '' };
    const record: StoredRecord = {
      id: randomUUID(),
      type: 'conflict',
      clientId,
      fields,
      fieldRevs: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])),
      rev,
      updatedAt: now.toISOString(),
      updatedBy: by,
      deleted: false,
    };
    await writeRecord(tx, record);
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
