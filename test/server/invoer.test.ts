/**
 * No input makes a 5xx (issue 12, point 5), the specific cases the fuzz test found or the issue
 * names, on both stores: the per-mutation deviceId, unknown keys (also nested), edits of deleted
 * records, depth, and a mutation the database refuses while the rest of the batch goes on.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planIdVoorClient } from '../../src/domain/model/ids.ts';
import { buildApp } from '../../src/server/app.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  edit,
  mutation,
  newClient,
  newNaaste,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

describe.each(STORE_KINDS)('push input on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anna: TestUser;
  const clientId = randomUUID();

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    anna = await userWithSession(t.store, 'arrangeur', 'Anna');
    await pushOk(app, anna, newClient(clientId));
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const rauw = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie: anna.cookie },
      payload: payload as Record<string, unknown>,
    });

  it.each([
    ['a NUL in a mutation deviceId (was a 500)', { deviceId: 'tab\u0000x' }],
    ['a lone surrogate in a mutation deviceId', { deviceId: 'tab\ud800' }],
    ['a 100,000-character deviceId (was stored beside every field)', { deviceId: 'x'.repeat(1e5) }],
    ['a deviceId with spaces', { deviceId: 'mijn tablet' }],
    ['an unknown key on a mutation', { extra: 1 }],
  ])('%s is a 400', async (_naam, over) => {
    const res = await rauw({ deviceId: 'tablet-1', mutations: [{ ...newClient(), ...over }] });
    expect(res.statusCode, res.body).toBe(400);
  });

  it('an unknown key on the batch or nesting deeper than 16 is a 400', async () => {
    expect((await rauw({ deviceId: 'x', mutations: [newClient()], extra: 1 })).statusCode).toBe(
      400,
    );
    let diep: unknown = 1;
    for (let i = 0; i < 40; i++) diep = { a: diep };
    const m = newClient(randomUUID(), { huisarts: diep });
    expect((await rauw({ deviceId: 'x', mutations: [m] })).statusCode).toBe(400);
  });

  it('refuses an unknown nested key inside a record (zod would have dropped it silently)', async () => {
    const planId = planIdVoorClient(clientId);
    await pushOk(
      app,
      anna,
      mutation({
        recordType: 'plan',
        recordId: planId as never,
        clientId: clientId as never,
        fields: { clientId, status: 'concept', versie: 1, akkoord: null },
      }),
    );
    const item = (omvang: Record<string, unknown>) =>
      mutation({
        recordType: 'planItem',
        recordId: randomUUID() as never,
        clientId: clientId as never,
        fields: {
          planId,
          stap: 'professioneel',
          omschrijving: 'Hulp bij wassen',
          inzet: { code: 'PV-ADL', omvang },
        },
      });
    const [slecht, goed] = await push(app, anna, [
      item({ aantal: 3, eenheid: 'uur/week', verborgen: 'BSN 123456782' }),
      item({ aantal: 3, eenheid: 'uur/week' }),
    ]);
    expect(slecht).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(slecht).toMatchObject({ detail: expect.stringContaining('inzet.omvang.verborgen') });
    expect(goed).toMatchObject({ status: 'applied' });
  });

  it('validates an edit of a deleted record and a delete that carries fields like any other', async () => {
    const naaste = newNaaste(clientId);
    const rev = await pushOk(app, anna, naaste);
    const weg = await pushOk(
      app,
      anna,
      mutation({ recordType: 'naaste', recordId: naaste.recordId, baseRev: rev, deleted: true }),
    );
    // Before: applied, and the junk kept as a conflict record every reader pulls.
    const [naWeg] = await push(app, anna, [
      edit('naaste', naaste.recordId, weg, { naam: 'x'.repeat(5_000), schoenmaat: 42 }),
    ]);
    expect(naWeg).toMatchObject({ status: 'rejected', reason: 'invalid' });
    const [goedNaWeg] = await push(app, anna, [
      edit('naaste', naaste.recordId, weg, { naam: 'Anja de Vries' }),
    ]);
    expect(goedNaWeg).toMatchObject({ status: 'applied' });

    const ander = newNaaste(clientId);
    const rev2 = await pushOk(app, anna, ander);
    const [metVelden] = await push(app, anna, [
      mutation({
        recordType: 'naaste',
        recordId: ander.recordId,
        baseRev: rev2,
        deleted: true,
        fields: { relatie: { geen: 'tekst' } },
      }),
    ]);
    expect(metVelden).toMatchObject({ status: 'rejected', reason: 'invalid' });
    const records = await pullAll(app, anna);
    expect(records.find((r) => r.id === ander.recordId)?.deleted).toBe(false);
    expect(JSON.stringify(records)).not.toContain('schoenmaat');
  });

  it('answers a mutation the database refuses `rejected`, and applies the rest of the batch', async () => {
    const echt = t.store.transaction.bind(t.store);
    const slecht = newClient();
    t.store.transaction = (fn) =>
      echt((tx) =>
        fn({
          ...tx,
          query: async (sql: string, params?: unknown[]) => {
            // The write of any record set that holds the bad one (a chunk's bulk write, or the
            // mutation alone when the chunk is applied again one by one) fails in the database.
            if (
              sql.includes('INSERT INTO records') &&
              JSON.stringify(params ?? []).includes(slecht.recordId)
            ) {
              await tx.query('SELECT $1::int', ['geen getal']);
            }
            return tx.query(sql, params);
          },
          exec: (sql: string) => tx.exec(sql),
        } as never),
      );
    try {
      const goed = newClient();
      const results = await push(app, anna, [slecht, goed]);
      expect(results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(results[1]).toMatchObject({ status: 'applied' });
      // Nothing of the refused mutation stayed: no record, no access-log row.
      const ids = (await pullAll(app, anna)).map((r) => r.id);
      expect(ids).toContain(goed.recordId);
      expect(ids).not.toContain(slecht.recordId);
      const log = await t.store.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM toegang_log WHERE client_id = $1',
        [slecht.recordId],
      );
      expect(log[0]?.n).toBe(0);
    } finally {
      t.store.transaction = echt;
    }
  });
});
