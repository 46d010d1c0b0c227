/**
 * Two devices (two Dexie databases on fake-indexeddb) syncing through the REAL server app,
 * in-process: `buildApp` on PGlite, reached through a `fetch` that calls `app.inject` and keeps
 * the session cookie like a browser. Each device logs in through POST /api/auth/login.
 *
 * Anna made the client; Dirk has it in his caseload too. Both edit offline, then sync:
 * different fields are both kept; the same field gives a conflict that both devices see and
 * that one of them resolves for both.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { voegToeAanCaseload } from '../../src/server/db/toegang.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { getClient, saveClient } from '../../src/storage/repositories/clients.ts';
import {
  getOrCreatePlan,
  getPlanForClient,
  listDoelen,
  saveDoel,
  updatePlan,
} from '../../src/storage/repositories/plans.ts';
import { listOpenConflicts, resolveConflict } from '../../src/sync/client/conflicts.ts';
import { createSyncEngine, type SyncEngine } from '../../src/sync/client/engine.ts';
import type { Gebruiker } from '../../src/sync/protocol/wire.ts';
import { clientInvoer } from '../fixtures/clients.ts';
import { maakTestGebruiker, WACHTWOORD } from '../server/fixtures/gebruikers.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { browserFetch, sync } from './apparaat.ts';
import { NepTimers, NepVerbinding } from './client/fake-server.ts';

interface Apparaat {
  db: ArrangeurDB;
  engine: SyncEngine;
  gebruiker: Gebruiker;
  wie: { updatedBy: string };
}

let t: TestStore;
let app: FastifyInstance;
const apparaten: Apparaat[] = [];

async function apparaat(gebruiker: Gebruiker): Promise<Apparaat> {
  const fetch = browserFetch(app);
  const db = openDb(`integratie-${crypto.randomUUID()}`);
  const engine = createSyncEngine({
    db,
    fetch,
    connectivity: new NepVerbinding(),
    timers: new NepTimers(),
  });
  const a = { db, engine, gebruiker, wie: { updatedBy: gebruiker.id } };
  apparaten.push(a);
  // Before login the server says 401 and the engine says so.
  expect((await engine.syncNow()).error?.code).toBe('niet-ingelogd');
  const login = await fetch('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ gebruikersnaam: gebruiker.gebruikersnaam, wachtwoord: WACHTWOORD }),
  });
  expect(login.status).toBe(200);
  return a;
}

beforeAll(async () => {
  t = await openTestStore('pglite');
  app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
});
afterAll(async () => {
  await Promise.all(apparaten.map((a) => a.engine.stop()));
  await Promise.all(apparaten.map((a) => a.db.delete()));
  await app.close();
  await t.cleanup();
});

/** Anna's device makes a client with a plan; Dirk gets the client in his caseload and pulls it. */
async function gedeeldeClient() {
  const anna = await apparaat(await maakTestGebruiker(t.store, { naam: 'Anna de Wit' }));
  const dirk = await apparaat(await maakTestGebruiker(t.store, { naam: 'Dirk Mulder' }));
  const r = await saveClient(anna.db, clientInvoer({ huisarts: 'Begin' }), anna.wie);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const id = r.client.id;
  const plan = await getOrCreatePlan(anna.db, id, anna.wie);
  await sync(anna);
  await voegToeAanCaseload(t.store, dirk.gebruiker.id, id);
  await sync(dirk);
  expect((await getClient(dirk.db, id))?.huisarts).toBe('Begin');
  expect((await getPlanForClient(dirk.db, id))?.id).toBe(plan.id);
  return { anna, dirk, id, planId: plan.id };
}

describe('two devices through the real server (PGlite)', () => {
  it('both start the plan offline: one plan on the server and on both devices, every doel kept, the differing hulpvraag kept as a conflict', async () => {
    const anna = await apparaat(await maakTestGebruiker(t.store, { naam: 'Anna de Wit' }));
    const dirk = await apparaat(await maakTestGebruiker(t.store, { naam: 'Dirk Mulder' }));
    const r = await saveClient(anna.db, clientInvoer(), anna.wie);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const id = r.client.id;
    await sync(anna);
    await voegToeAanCaseload(t.store, dirk.gebruiker.id, id);
    await sync(dirk);

    // Offline on both tablets, neither knowing of the other's plan.
    const planA = await getOrCreatePlan(anna.db, id, anna.wie);
    const planD = await getOrCreatePlan(dirk.db, id, dirk.wie);
    expect(planD.id).toBe(planA.id);
    await updatePlan(anna.db, planA.id, { hulpvraag: 'Thuis blijven wonen' }, anna.wie);
    await updatePlan(dirk.db, planD.id, { hulpvraag: 'Weer naar de markt' }, dirk.wie);
    const doelA = await saveDoel(
      anna.db,
      { planId: planA.id, levensdomein: 'meedoen', omschrijving: 'Naar de soos' },
      anna.wie,
    );
    const doelD = await saveDoel(
      dirk.db,
      { planId: planD.id, levensdomein: 'zingeving', omschrijving: 'Naar de kerk' },
      dirk.wie,
    );
    expect(doelA.ok && doelD.ok).toBe(true);
    await sync(anna, dirk, anna);

    const opServer = await t.store.query<{ id: string }>(
      "SELECT id::text AS id FROM records WHERE type = 'plan' AND client_id = $1",
      [id],
    );
    expect(opServer.map((p) => p.id)).toEqual([planA.id]);
    for (const d of [anna, dirk]) {
      expect((await getPlanForClient(d.db, id))?.id).toBe(planA.id);
      expect((await listDoelen(d.db, planA.id)).map((x) => x.omschrijving).sort()).toEqual([
        'Naar de kerk',
        'Naar de soos',
      ]);
      // Dirk's create pushed after Anna's text: her text is kept as a conflict (not lost), and
      // his own later edit is the current value.
      expect((await getPlanForClient(d.db, id))?.hulpvraag).toBe('Weer naar de markt');
      const conflicten = await listOpenConflicts(d.db);
      expect(conflicten.length).toBeGreaterThan(0);
      expect(conflicten.every((c) => c.recordId === planA.id && c.field === 'hulpvraag')).toBe(
        true,
      );
      expect(conflicten.map((c) => c.overwrittenValue)).toContain('Thuis blijven wonen');
    }
  });

  it('different fields edited offline on both devices: both kept on both, no conflict', async () => {
    const { anna, dirk, id } = await gedeeldeClient();

    await saveClient(anna.db, clientInvoer({ huisarts: 'Dr. Tromp' }), { ...anna.wie, id });
    await saveClient(dirk.db, clientInvoer({ huisarts: 'Begin', postcode: '6712 CD' }), {
      ...dirk.wie,
      id,
    });
    await sync(anna, dirk, anna);

    for (const d of [anna, dirk]) {
      expect(await getClient(d.db, id)).toMatchObject({
        huisarts: 'Dr. Tromp',
        postcode: '6712 CD',
      });
      expect(await listOpenConflicts(d.db)).toEqual([]);
      expect(await d.db.outbox.count()).toBe(0);
      expect(d.engine.status()).toMatchObject({ wachtend: 0, geweigerd: 0, conflicten: 0 });
    }
  });

  it('the same field on both: the later push wins, the other value is a conflict on both devices, resolved once for both', async () => {
    const { anna, dirk, planId } = await gedeeldeClient();

    const h1 = await updatePlan(
      anna.db,
      planId,
      { hulpvraag: 'Weer zelf boodschappen doen' },
      anna.wie,
    );
    const h2 = await updatePlan(dirk.db, planId, { hulpvraag: 'Minder alleen zijn' }, dirk.wie);
    expect(h1.ok && h2.ok).toBe(true);
    await sync(anna, dirk, anna);

    for (const d of [anna, dirk]) {
      expect((await d.db.plans.get(planId))?.hulpvraag).toBe('Minder alleen zijn');
      const conflicten = await listOpenConflicts(d.db);
      expect(conflicten).toHaveLength(1);
      expect(conflicten[0]).toMatchObject({
        recordType: 'plan',
        recordId: planId,
        field: 'hulpvraag',
        overwrittenValue: 'Weer zelf boodschappen doen',
        overwrittenBy: anna.gebruiker.id,
        overwrittenByNaam: 'Anna de Wit',
        winningValue: 'Minder alleen zijn',
        winningBy: dirk.gebruiker.id,
        winningByNaam: 'Dirk Mulder',
        resolved: false,
      });
      expect(d.engine.status().conflicten).toBe(1);
    }

    // Anna chooses her own value back, on her device; Dirk's device learns it with the next sync.
    const [conflict] = await listOpenConflicts(anna.db);
    expect(await resolveConflict(anna.db, conflict!.id, 'andere', anna.wie)).toEqual({ ok: true });
    await sync(anna, dirk, anna);

    for (const d of [anna, dirk]) {
      expect((await d.db.plans.get(planId))?.hulpvraag).toBe('Weer zelf boodschappen doen');
      expect(await listOpenConflicts(d.db)).toEqual([]);
      expect(d.engine.status()).toMatchObject({ wachtend: 0, geweigerd: 0, conflicten: 0 });
    }
  });
});
