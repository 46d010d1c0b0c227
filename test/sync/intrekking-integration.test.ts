/**
 * Issue 12, point 8, end to end on the device side: a tablet (Dexie on fake-indexeddb) syncs with
 * the REAL server app (PGlite); the beheerder takes a client out of the arrangeur's caseload while
 * she has an unsent change of that client. Her next sync: the push of that change is refused, the
 * pull's revocation removes the client's records, and the change stays listed as refused with a
 * Dutch reason. Her other client is untouched.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pendingCount, rejected } from '../../src/storage/outbox.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import { createSyncEngine, type SyncEngine } from '../../src/sync/client/engine.ts';
import { clientInvoer } from '../fixtures/clients.ts';
import { login, maakTestGebruiker, WACHTWOORD } from '../server/fixtures/gebruikers.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { browserFetch, sync } from './apparaat.ts';
import { NepTimers, NepVerbinding } from './client/fake-server.ts';

let t: TestStore;
let app: FastifyInstance;
let db: ArrangeurDB;
let engine: SyncEngine;

beforeAll(async () => {
  t = await openTestStore('pglite');
  app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
  db = openDb(`intrekking-integratie-${crypto.randomUUID()}`);
});
afterAll(async () => {
  await engine.stop();
  await db.delete();
  await app.close();
  await t.cleanup();
});

describe('access taken away, on a real server (PGlite)', () => {
  it('removes the client from the tablet and keeps her unsent change as refused', async () => {
    const anja = await maakTestGebruiker(t.store, { naam: 'Anja de Vries' });
    await maakTestGebruiker(t.store, { gebruikersnaam: 'bea', rol: 'beheerder' });
    const fetch = browserFetch(app);
    engine = createSyncEngine({
      db,
      fetch,
      connectivity: new NepVerbinding(),
      timers: new NepTimers(),
    });
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ gebruikersnaam: anja.gebruikersnaam, wachtwoord: WACHTWOORD }),
    });
    expect(res.status).toBe(200);
    const wie = { updatedBy: anja.id, now: new Date('2026-11-23T09:00:00Z') };
    const weg = await saveClient(db, clientInvoer({ voornaam: 'Gerrit' }), wie);
    const blijft = await saveClient(db, clientInvoer({ voornaam: 'Truus' }), wie);
    if (!weg.ok || !blijft.ok) throw new Error('opslaan');
    await sync({ engine });

    // Offline edit of Gerrit, not yet sent; meanwhile the beheerder takes Gerrit away.
    const later = { ...wie, now: new Date('2026-11-23T10:00:00Z'), id: weg.client.id };
    expect(
      (await saveClient(db, clientInvoer({ voornaam: 'Gerrit', huisarts: 'Dr. Y' }), later)).ok,
    ).toBe(true);
    expect(await pendingCount(db)).toBe(1);
    const bea = await login(app, 'bea');
    const weghalen = await app.inject({
      method: 'PUT',
      url: '/api/beheer/caseload',
      headers: { cookie: bea },
      payload: { gebruikerId: anja.id, clientId: weg.client.id, toewijzen: false },
    });
    expect(weghalen.statusCode).toBe(200);

    const uitkomst = await engine.syncNow();
    expect(uitkomst.error).toBeNull();
    expect(uitkomst.pushed.rejected).toBe(1);
    expect(uitkomst.ingetrokken).toEqual([{ clientId: weg.client.id, records: 1, onverzonden: 1 }]);
    expect(await db.clients.get(weg.client.id)).toBeUndefined();
    expect(await db.clients.get(blijft.client.id)).toBeDefined();
    const geweigerd = await rejected(db);
    expect(geweigerd).toHaveLength(1);
    expect(geweigerd[0]).toMatchObject({
      recordId: weg.client.id,
      rejectCode: 'ingetrokken',
      rejectReason: expect.stringMatching(/geen toegang meer tot deze cliënt/),
    });
    expect(engine.status().geweigerd).toBe(1);
  });
});
