/**
 * The outbox: every local change waiting to be pushed. Guarantee 1 (docs/architecture.md) rests here:
 * the outbox row is written in the SAME Dexie transaction as the change it records, so either
 * both are durable or neither is. `enqueue` refuses to run outside such a transaction.
 */
import { Dexie } from 'dexie';
import { mutationSchema, type Mutation } from '../domain/model/record.ts';
import type { ArrangeurDB, OutboxOp, OutboxRow } from './db.ts';
import { deviceId } from './meta.ts';

export interface NewMutation {
  op: OutboxOp;
  recordType: Mutation['recordType'];
  recordId: string;
  /**
   * The client the record belongs to: the server checks access (caseload) on it. The client's own
   * id for a `client`, `null` for a record of no client (a local sociale-kaart entry). Required
   * here (optional on the wire only for old rows), so no write can forget it.
   */
  clientId: string | null;
  baseRev?: number;
  /**
   * The highest base revision the push may claim for this change (see OutboxRow.gezienRev);
   * absent when the writer saw every value it overwrites.
   */
  gezienRev?: number | undefined;
  fields: Record<string, unknown>;
  deleted?: true;
  now: Date;
}

/**
 * Queues one mutation. Must be called inside `db.transaction('rw', [<record table>, db.outbox,
 * db.meta], …)` together with the write it describes. Safe offline: it only writes locally; the
 * device-made `mutationId` makes a later replay of the push harmless.
 */
export async function enqueue(db: ArrangeurDB, change: NewMutation): Promise<OutboxRow> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('outbox')) {
    // A change queued outside its transaction could be saved without its outbox row (or the
    // reverse) and then silently never reach the server.
    throw new Error('enqueue() must run inside a readwrite transaction that includes the outbox.');
  }
  const mutation = mutationSchema.parse({
    mutationId: crypto.randomUUID(),
    deviceId: await deviceId(db),
    recordType: change.recordType,
    recordId: change.recordId,
    clientId: change.clientId,
    baseRev: change.baseRev,
    fields: change.fields,
    deleted: change.deleted,
    createdAt: change.now.toISOString(),
  });
  const row: OutboxRow = {
    ...mutation,
    op: change.op,
    status: 'pending',
    ...(change.gezienRev === undefined ? {} : { gezienRev: change.gezienRev }),
  };
  row.seq = await db.outbox.add(row);
  return row;
}

/*
 * Pending rows are read in `seq` (primary key) order, not through the `status` index. Every
 * accepted row leaves the outbox, and Chromium leaves a deleted row's index entries behind until
 * its sweeper cleans them: after 10,000 pushed changes, reading the index's `pending` range stepped
 * over 10,000 of them (9.6 ms a request, with no pending row at all), while the rows themselves
 * read in 0.1 ms (browser-sync bench, Chromium 156). The outbox holds only pending and rejected
 * rows, and rejected rows are few, so the primary key is the cheap way to the pending ones.
 */

/** Changes waiting for push and changes the server refused: the counts the UI shows. */
export async function outboxTelling(
  db: ArrangeurDB,
): Promise<{ wachtend: number; geweigerd: number }> {
  return db.transaction('r', db.outbox, async () => {
    const [alle, geweigerd] = await Promise.all([
      db.outbox.count(),
      db.outbox.where('status').equals('rejected').count(),
    ]);
    return { wachtend: alle - geweigerd, geweigerd };
  });
}

/** Number of changes waiting for push: the "niet verstuurd" count the UI shows. */
export async function pendingCount(db: ArrangeurDB): Promise<number> {
  return (await outboxTelling(db)).wachtend;
}

/** The first `max` changes waiting for push (all when absent), oldest first: the order to send. */
export async function pending(db: ArrangeurDB, max = Infinity): Promise<OutboxRow[]> {
  const stuk = Number.isFinite(max) ? max : 1_000;
  return db.transaction('r', db.outbox, async () => {
    const uit: OutboxRow[] = [];
    let na: number | undefined;
    for (;;) {
      const rijen = await (
        na === undefined ? db.outbox.limit(stuk) : db.outbox.where(':id').above(na).limit(stuk)
      ).toArray();
      for (const rij of rijen) {
        if (rij.status !== 'pending') continue;
        uit.push(rij);
        if (uit.length >= max) return uit;
      }
      if (rijen.length < stuk) return uit;
      na = rijen[rijen.length - 1]!.seq;
    }
  });
}

/** Rejected changes, kept with the server's reason until the user deals with them (guarantee 5). */
export async function rejected(db: ArrangeurDB): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals('rejected').sortBy('seq');
}

/**
 * Puts a rejected change back in the queue, unchanged, for the next push (the user fixed what the
 * server objected to, e.g. got access to the client). @returns whether a rejected row was found.
 *
 * Safe offline: it only changes the local outbox row; nothing is sent until the sync client runs.
 */
export async function retryRejected(db: ArrangeurDB, seq: number): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const row = await db.outbox.get(seq);
    if (!row || row.status !== 'rejected') return false;
    const { rejectReason: _reden, rejectCode: _code, ...rest } = row;
    await db.outbox.put({ ...rest, status: 'pending' });
    return true;
  });
}
