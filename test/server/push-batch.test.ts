/**
 * A batch is applied chunk by chunk, each chunk in ONE transaction with its mutation ids, writer
 * registration, records and ledger read up front (server/sync/push.ts; issue 13, point 2), and
 * keeps the per-mutation answers: later mutations see earlier ones, a replay inside the batch is
 * a duplicate with the same rev.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  edit,
  eigenApparaat,
  newClient,
  newNaaste,
  pullAll,
  push,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

describe.each(STORE_KINDS)('push batches on %s', (kind) => {
  // One store per kind: PGlite (one connection) and PostgreSQL.
  let t: TestStore;
  let app: FastifyInstance;
  let anna: TestUser;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    anna = await userWithSession(t.store, 'arrangeur', 'Anna');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  /** Counts the store's transactions and the statements run inside them while `fn` runs. */
  async function geteld<T>(fn: () => Promise<T>) {
    const echt = t.store.transaction.bind(t.store);
    const n = { transacties: 0, statements: 0 };
    t.store.transaction = (f) =>
      echt((tx) => {
        n.transacties++;
        return f({
          ...tx,
          query: (sql: string, params?: unknown[]) => {
            n.statements++;
            return tx.query(sql, params);
          },
          exec: (sql: string) => {
            n.statements++;
            return tx.exec(sql);
          },
        } as never);
      });
    try {
      return { uit: await fn(), n };
    } finally {
      t.store.transaction = echt;
    }
  }

  it('applies 250 mutations in 3 transactions, with fewer statements than one by one', async () => {
    const clienten = Array.from({ length: 125 }, () => newClient());
    const batch = clienten.flatMap((c) => [c, newNaaste(c.recordId)]);
    const { uit, n } = await geteld(() => push(app, anna, batch));
    expect(uit.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
    // The background cost drain may add a transaction of its own after the answer.
    expect(n.transacties).toBeGreaterThanOrEqual(3);
    expect(n.transacties).toBeLessThanOrEqual(4);
    // Lock, ledger read and write and log row are one statement per chunk, not per mutation
    // (measured: about 5.1 per mutation here; one by one it was 4 more).
    expect(n.statements).toBeLessThan(batch.length * 6);
  });

  /**
   * The statements of the push's own transactions (those that take the mutation locks), each
   * transaction's count; the background cost drain's transactions are left out.
   */
  async function statementsPerPushTransactie(fn: () => Promise<unknown>): Promise<number[]> {
    const echt = t.store.transaction.bind(t.store);
    const tellingen: { push: boolean; n: number }[] = [];
    t.store.transaction = (f) =>
      echt((tx) => {
        const telling = { push: false, n: 0 };
        tellingen.push(telling);
        return f({
          ...tx,
          query: (sql: string, params?: unknown[]) => {
            telling.n++;
            if (sql.includes('pg_advisory_xact_lock(4711')) telling.push = true;
            return tx.query(sql, params);
          },
          exec: (sql: string) => {
            telling.n++;
            return tx.exec(sql);
          },
        } as never);
      });
    try {
      await fn();
    } finally {
      t.store.transaction = echt;
    }
    return tellingen.filter((x) => x.push).map((x) => x.n);
  }

  it('a chunk of 100 mutations costs no more statements than a chunk of 8 (issue 13, point 2)', async () => {
    // New clients, new naasten, edits of the clients, and edits of the naasten from another
    // tablet that did not see them (each a conflict record): every common path of a push.
    const batch = (n: number) => {
      const clienten = Array.from({ length: n / 4 }, () => newClient());
      const naasten = clienten.map((c) => newNaaste(c.recordId));
      return [
        ...clienten,
        ...naasten,
        ...clienten.map((c) => edit('client', c.recordId, undefined, { huisarts: 'Dr. Ede' })),
        ...naasten.map((x) =>
          edit('naaste', x.recordId, undefined, { naam: 'Bram' }, eigenApparaat(anna, 'tablet-2')),
        ),
      ];
    };
    const tel = async (n: number) => {
      const mutaties = batch(n);
      let uit: Awaited<ReturnType<typeof push>> = [];
      const per = await statementsPerPushTransactie(async () => {
        uit = await push(app, anna, mutaties);
      });
      expect(uit.map((r) => r.status)).toEqual(mutaties.map(() => 'applied'));
      expect(uit.slice(-n / 4).map((r) => (r as { conflicts: number }).conflicts)).toEqual(
        mutaties.slice(-n / 4).map(() => 1),
      );
      expect(per).toHaveLength(1);
      return per[0] ?? 0;
    };
    const klein = await tel(8);
    const groot = await tel(100);
    // Measured: 8 for the 100 (lock; read; each tablet's binding; the conflicts' names and
    // revs; write; cost queue), 12 for the 8, which binds tablet-2 for the first time. One by one
    // it was about 5 per mutation.
    expect(groot).toBeLessThanOrEqual(klein);
    expect(groot).toBeLessThanOrEqual(10);
  });

  it('lets a later mutation see an earlier one, and answers a repeated id duplicate', async () => {
    const c = newClient();
    const naaste = newNaaste(c.recordId);
    const bewerk = edit('naaste', naaste.recordId, undefined, { naam: 'Bram' });
    const uit = await push(app, anna, [c, naaste, bewerk, naaste, c]);
    expect(uit.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'duplicate',
      'duplicate',
    ]);
    const rev = (i: number) => (uit[i] as { rev: number }).rev;
    expect(rev(3)).toBe(rev(1));
    expect(rev(4)).toBe(rev(0));
    expect(rev(2)).toBeGreaterThan(rev(1));
    const records = await pullAll(app, anna);
    expect(records.find((r) => r.id === naaste.recordId)?.fields['naam']).toBe('Bram');
    // The whole batch again: every answer a duplicate with the same rev.
    const weer = await push(app, anna, [c, naaste, bewerk]);
    expect(weer).toEqual([
      { mutationId: c.mutationId, status: 'duplicate', rev: rev(0) },
      { mutationId: naaste.mutationId, status: 'duplicate', rev: rev(1) },
      { mutationId: bewerk.mutationId, status: 'duplicate', rev: rev(2) },
    ]);
  });

  it('a rejected mutation in a chunk changes nothing and the chunk goes on', async () => {
    const c = newClient();
    const vreemd = newNaaste(randomUUID());
    const naaste = newNaaste(c.recordId);
    const uit = await push(app, anna, [c, vreemd, naaste]);
    expect(uit.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    const ids = (await pullAll(app, anna)).map((r) => r.id);
    expect(ids).toContain(naaste.recordId);
    expect(ids).not.toContain(vreemd.recordId);
  });
});
