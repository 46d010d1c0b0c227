import { afterEach, describe, expect, it } from 'vitest';
import { recordIdSchema } from '../../src/domain/model/ids.ts';
import { openDb, type ArrangeurDB, type OutboxRow } from '../../src/storage/db.ts';
import { outboxTelling, pending, pendingCount, retryRejected } from '../../src/storage/outbox.ts';

let db: ArrangeurDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** `n` outbox rows; those whose index is in `geweigerd` are rejected. */
async function vul(n: number, geweigerd: ReadonlySet<number>): Promise<void> {
  const nu = new Date().toISOString();
  const rijen: OutboxRow[] = Array.from({ length: n }, (_, i) => ({
    mutationId: crypto.randomUUID(),
    deviceId: 'apparaat-1',
    recordType: 'client',
    recordId: recordIdSchema.parse(crypto.randomUUID()),
    clientId: null,
    fields: { huisarts: `Dr. ${i}` },
    createdAt: nu,
    op: 'update',
    status: geweigerd.has(i) ? 'rejected' : 'pending',
  }));
  await db!.outbox.bulkAdd(rijen);
}

describe('the outbox read in seq order (not through the status index)', () => {
  it('gives the first pending rows in seq order, stepping over rejected ones across read chunks', async () => {
    db = openDb(`outbox-${crypto.randomUUID()}`);
    // Rejected rows at the start, in the middle and at the end of the 1,000-row chunks.
    const geweigerd = new Set([0, 1, 2, 999, 1000, 1500, 2499]);
    await vul(2_500, geweigerd);

    const alle = await pending(db);
    expect(alle).toHaveLength(2_500 - geweigerd.size);
    expect(alle.every((r) => r.status === 'pending')).toBe(true);
    const seqs = alle.map((r) => r.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(4);

    const eerste = await pending(db, 998);
    expect(eerste.map((r) => r.seq)).toEqual(seqs.slice(0, 998));
    // The 998th pending row is the last before two rejected rows at a chunk boundary.
    const meer = await pending(db, 1_000);
    expect(meer.map((r) => r.seq)).toEqual(seqs.slice(0, 1_000));

    expect(await outboxTelling(db)).toEqual({ wachtend: 2_493, geweigerd: 7 });
    expect(await pendingCount(db)).toBe(2_493);
  });

  it('counts a rejected row that is retried as waiting again, in its old place in the order', async () => {
    db = openDb(`outbox-${crypto.randomUUID()}`);
    await vul(5, new Set([1]));
    expect((await pending(db)).map((r) => r.seq)).toEqual([1, 3, 4, 5]);
    expect(await retryRejected(db, 2)).toBe(true);
    expect((await pending(db)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await outboxTelling(db)).toEqual({ wachtend: 5, geweigerd: 0 });
  });

  it('finds nothing pending in an empty outbox or one with only rejected rows', async () => {
    db = openDb(`outbox-${crypto.randomUUID()}`);
    expect(await pending(db, 500)).toEqual([]);
    await vul(3, new Set([0, 1, 2]));
    expect(await pending(db, 500)).toEqual([]);
    expect(await outboxTelling(db)).toEqual({ wachtend: 0, geweigerd: 3 });
  });
});
