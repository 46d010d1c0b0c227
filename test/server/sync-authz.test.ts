/**
 * Who may push and pull what (issue 5, item 4), per endpoint, on both stores. The rule under test:
 * an arrangeur never receives a record of a client outside her caseload — not the client, not its
 * naasten, not a conflict about it — and cannot write one; coordinator and beheerder get no client
 * records at all; a casemanager reads what is shared with her for review but cannot write it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { resendClient } from '../../src/server/db/records.ts';
import { caseloadVan, voegToeAanCaseload, zetReviewDeling } from '../../src/server/db/toegang.ts';
import type { WireRecord } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  edit,
  mutation,
  newClient,
  newNaaste,
  pull,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

describe.each(STORE_KINDS)('sync access on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let a: TestUser; // arrangeur A
  let b: TestUser; // arrangeur B
  let b2: TestUser; // a second arrangeur on B's client (so B's client gets conflicts)
  let cm: TestUser; // casemanager with B's client shared for review
  let coordinator: TestUser;
  let beheerder: TestUser;
  const clientA = randomUUID();
  const clientB = randomUUID();
  let naasteB: string;
  let revB: number;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    a = await userWithSession(t.store, 'arrangeur', 'Anna');
    b = await userWithSession(t.store, 'arrangeur', 'Bert');
    b2 = await userWithSession(t.store, 'arrangeur', 'Bep');
    cm = await userWithSession(t.store, 'casemanager', 'Carla');
    coordinator = await userWithSession(t.store, 'coordinator', 'Coen');
    beheerder = await userWithSession(t.store, 'beheerder', 'Beheer');

    await pushOk(app, a, newClient(clientA));
    revB = await pushOk(app, b, newClient(clientB));
    const naaste = newNaaste(clientB);
    naasteB = naaste.recordId;
    await pushOk(app, b, naaste);
    await voegToeAanCaseload(t.store, b2.id, clientB);
    await zetReviewDeling(t.store, cm.id, clientB, true, beheerder.id);
    // B and B2 edit the same field of B's client: a conflict record about B's client.
    await pushOk(app, b, edit('client', clientB, revB, { huisarts: 'Dr. B' }, 'tab-b'));
    await pushOk(app, b2, edit('client', clientB, revB, { huisarts: 'Dr. B2' }, 'tab-b2'));
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const clientsIn = (records: WireRecord[]) => new Set(records.map((r) => r.clientId));

  describe('without a session', () => {
    it.each([
      ['POST', '/api/sync/push', { deviceId: 'x', mutations: [newClient()] }],
      ['POST', '/api/sync/push', { nonsense: true }],
      ['GET', '/api/sync/pull', undefined],
      ['GET', '/api/sync/pull?cursor=-5', undefined],
    ] as const)('%s %s answers 401', async (method, url, payload) => {
      for (const cookie of [
        undefined,
        'arrangeur_sessie=verzonnen',
        `arrangeur_sessie=${'x'.repeat(43)}`,
      ]) {
        const res = await app.inject({
          method,
          url,
          ...(payload ? { payload } : {}),
          headers: cookie ? { cookie } : {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.body).not.toContain(clientB);
      }
    });
  });

  describe('arrangeur A and B’s client', () => {
    it('A pulls her own client and never one of B’s records, incl. B’s conflicts', async () => {
      const records = await pullAll(app, a, 2);
      expect(records.map((r) => r.id)).toContain(clientA);
      expect(clientsIn(records)).not.toContain(clientB);
      for (const r of records) expect([clientA, null]).toContain(r.clientId);
      expect(JSON.stringify(records)).not.toContain(clientB);
      // B's side does have them: the test is about access, not about missing data.
      const ofB = await pullAll(app, b);
      expect(ofB.some((r) => r.type === 'conflict' && r.clientId === clientB)).toBe(true);
    });

    it('every push towards B’s client is forbidden, and changes nothing', async () => {
      const results = await push(app, a, [
        edit('client', clientB, revB, { huisarts: 'Dr. A' }), // B's client record
        edit('naaste', naasteB, undefined, { naam: 'Overgenomen' }), // B's naaste
        newNaaste(clientB), // a new record under B's client
        newClient(clientB), // "creating" B's client again
        // a new id of another type that lies about its client: the stored record decides
        mutation({
          recordType: 'naaste',
          recordId: naasteB as never,
          clientId: clientA as never,
          fields: { naam: 'x', relatie: 'y', clientId: clientA },
        }),
        mutation({ recordType: 'client', recordId: clientB as never, deleted: true }),
      ]);
      for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      for (const r of results) expect(JSON.stringify(r)).not.toMatch(/Bert|Dr\. B/);
      const client = (await pullAll(app, b)).find((r) => r.id === clientB);
      expect(client).toMatchObject({ deleted: false, fields: { huisarts: 'Dr. B2' } });
      expect(await caseloadVan(t.store, a.id)).toEqual([clientA]);
    });

    it('after more edits and conflicts by B, A’s next pull still has nothing of B', async () => {
      const before = await pull(app, a, 0);
      const cursor = before.nextCursor;
      await pushOk(app, b, edit('client', clientB, revB, { voornaam: 'Bertha' }, 'tab-b'));
      await pushOk(app, b2, edit('client', clientB, revB, { voornaam: 'Berthe' }, 'tab-b2'));
      await pushOk(app, b, newNaaste(clientB));
      const after = await pullAll(app, a, 1000, cursor);
      expect(clientsIn(after)).not.toContain(clientB);
      expect(JSON.stringify(await pullAll(app, a))).not.toContain(clientB);
    });

    it('a mutation id of another user is neither answered nor applied', async () => {
      const m = edit('client', clientB, undefined, { huisarts: 'Dr. Bert' }, 'tab-b');
      await pushOk(app, b, m);
      const [r] = await push(app, a, [{ ...m, recordId: clientA as never }]);
      expect(r).toEqual({ mutationId: m.mutationId, status: 'rejected', reason: 'forbidden' });
    });

    it('a client id unknown to the server is "unknown-client", so the device knows to push it first', async () => {
      const [r] = await push(app, a, [newNaaste(randomUUID())]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'unknown-client' });
    });

    it('a rejected push succeeds on retry once access is granted, and pull then brings the history', async () => {
      const m = edit('client', clientB, undefined, { huisarts: 'Dr. A, later' });
      expect((await push(app, a, [m]))[0]).toMatchObject({ reason: 'forbidden' });
      const cursor = (await pull(app, a, 0)).nextCursor;
      await t.store.transaction(async (tx) => {
        await voegToeAanCaseload(tx, a.id, clientB);
        await resendClient(tx, clientB); // A's cursor is past B's old records
      });
      expect((await push(app, a, [m]))[0]).toMatchObject({ status: 'applied' });
      const got = await pullAll(app, a, 1000, cursor);
      expect(got.map((r) => r.id)).toEqual(expect.arrayContaining([clientB, naasteB]));
      expect(got.some((r) => r.type === 'conflict' && r.clientId === clientB)).toBe(true);
      // Undo for the other tests of this file.
      await t.store.query('DELETE FROM caseload WHERE gebruiker_id = $1 AND client_id = $2', [
        a.id,
        clientB,
      ]);
    });
  });

  describe('casemanager', () => {
    it('reads a client shared for review, incl. its conflicts, but cannot write it', async () => {
      const records = await pullAll(app, cm);
      expect(records.map((r) => r.id)).toEqual(expect.arrayContaining([clientB, naasteB]));
      expect(records.some((r) => r.type === 'conflict' && r.clientId === clientB)).toBe(true);
      expect(clientsIn(records)).not.toContain(clientA);
      const [r] = await push(app, cm, [edit('client', clientB, undefined, { huisarts: 'x' })]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });

    it('creates her own client, which joins her caseload', async () => {
      const id = randomUUID();
      await pushOk(app, cm, newClient(id));
      expect(await caseloadVan(t.store, cm.id)).toContain(id);
    });
  });

  describe.each(['coordinator', 'beheerder'] as const)('%s', (rol) => {
    const user = () => (rol === 'coordinator' ? coordinator : beheerder);

    it('pulls nothing at all (no client records, no sociale kaart)', async () => {
      expect(await pull(app, user(), 0)).toEqual({
        records: [],
        ingetrokken: [],
        nextCursor: 0,
        hasMore: false,
      });
    });

    it('is forbidden on every push', async () => {
      const results = await push(app, user(), [
        newClient(),
        edit('client', clientB, undefined, { huisarts: 'x' }),
        newNaaste(clientA),
        mutation({
          recordType: 'voorziening',
          recordId: randomUUID() as never,
          clientId: null,
          fields: { categorie: 'maaltijden', naam: 'X', omschrijving: 'Y' },
        }),
      ]);
      for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });
  });
});

describe.each(STORE_KINDS)('caseload granted by the beheerder on %s', (kind) => {
  it('brings the client to the new arrangeur on her next pull, past her old cursor', async () => {
    const t = await openTestStore(kind);
    const app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    try {
      const clientX = randomUUID();
      const eigenaar = await userWithSession(t.store, 'arrangeur', 'Els');
      const nieuw = await userWithSession(t.store, 'arrangeur', 'Nora');
      const bea = await userWithSession(t.store, 'beheerder', 'Bea');
      await pushOk(app, eigenaar, newClient(clientX));
      await pushOk(app, eigenaar, newNaaste(clientX));
      // Nora syncs first: nothing for her, but her cursor moves past Els's records.
      await pushOk(app, nieuw, newClient());
      const eerst = await pull(app, nieuw, 0);
      expect(eerst.records.some((r) => r.id === clientX)).toBe(false);

      const res = await app.inject({
        method: 'PUT',
        url: '/api/beheer/caseload',
        headers: { cookie: bea.cookie },
        payload: { gebruikerId: nieuw.id, clientId: clientX, toewijzen: true },
      });
      expect(res.statusCode, res.body).toBe(200);

      const daarna = await pull(app, nieuw, eerst.nextCursor);
      const voorX = daarna.records.filter((r) => r.clientId === clientX);
      expect(voorX.map((r) => r.type).sort()).toEqual(['client', 'naaste']);
    } finally {
      await app.close();
      await t.cleanup();
    }
  });
});
