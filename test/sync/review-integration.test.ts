/**
 * Issue 6 "done when": a casemanager reviews a plan on one device and the arrangeur sees the
 * comments on another. Two devices (two Dexie databases on fake-indexeddb) sync through the REAL
 * server app on PGlite, each logged in through POST /api/auth/login, like the other integration
 * test. The casemanager comments while offline; nothing reaches the server until she syncs.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pendingCount, rejected } from '../../src/storage/outbox.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import { getOrCreatePlan, getPlan, updatePlan } from '../../src/storage/repositories/plans.ts';
import {
  geefBesluit,
  listReviewComments,
  listReviews,
  openCommentsPerClient,
  reviewStandPerClient,
  reviewsVoor,
  saveReviewComment,
  stuurTerReview,
  terugNaarConcept,
  zetAfgehandeld,
  type Result,
} from '../../src/storage/repositories/reviews.ts';
import { haalCasemanagers } from '../../src/sync/client/casemanagers.ts';
import { createSyncEngine, type SyncEngine } from '../../src/sync/client/engine.ts';
import type { FetchFn } from '../../src/sync/client/http.ts';
import type { Gebruiker } from '../../src/sync/protocol/wire.ts';
import { clientInvoer } from '../fixtures/clients.ts';
import { maakTestGebruiker, WACHTWOORD } from '../server/fixtures/gebruikers.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { browserFetch, sync } from './apparaat.ts';
import { NepTimers, NepVerbinding } from './client/fake-server.ts';

interface Apparaat {
  db: ArrangeurDB;
  engine: SyncEngine;
  fetch: FetchFn;
  net: { offline: boolean };
  gebruiker: Gebruiker;
  wie: { updatedBy: string; naam: string };
}

let t: TestStore;
let app: FastifyInstance;
const apparaten: Apparaat[] = [];

async function apparaat(gebruiker: Gebruiker): Promise<Apparaat> {
  const net = { offline: false };
  const fetch = browserFetch(app, net);
  const db = openDb(`review-integratie-${crypto.randomUUID()}`);
  const engine = createSyncEngine({
    db,
    fetch,
    connectivity: new NepVerbinding(),
    timers: new NepTimers(),
  });
  const a = {
    db,
    engine,
    fetch,
    net,
    gebruiker,
    wie: { updatedBy: gebruiker.id, naam: gebruiker.naam },
  };
  apparaten.push(a);
  const login = await fetch('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ gebruikersnaam: gebruiker.gebruikersnaam, wachtwoord: WACHTWOORD }),
  });
  expect(login.status).toBe(200);
  return a;
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
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

describe('plan review on two devices through the real server (PGlite)', () => {
  it('casemanager comments offline, syncs; the arrangeur sees comments and besluit', async () => {
    const anja = await apparaat(await maakTestGebruiker(t.store, { naam: 'Anja de Vries' }));
    const carla = await apparaat(
      await maakTestGebruiker(t.store, { naam: 'Carla Smit', rol: 'casemanager' }),
    );

    // Anja's device: a client with a plan, and the casemanager list (cached for offline use).
    const c = await saveClient(anja.db, clientInvoer({ achternaam: 'Jansen' }), anja.wie);
    if (!c.ok) throw new Error(JSON.stringify(c.issues));
    const clientId = c.client.id;
    const plan = await getOrCreatePlan(anja.db, clientId, anja.wie);
    ok(await updatePlan(anja.db, plan.id, { hulpvraag: 'Thuis blijven wonen.' }, anja.wie));
    const lijst = await haalCasemanagers(anja.db, anja.fetch);
    expect(lijst).toEqual({
      bron: 'server',
      lijst: [{ id: carla.gebruiker.id, naam: 'Carla Smit' }],
    });
    anja.net.offline = true;
    expect(await haalCasemanagers(anja.db, anja.fetch)).toEqual({ ...lijst, bron: 'cache' });
    anja.net.offline = false;
    const gekozen = lijst.lijst[0]!;
    const review = ok(await stuurTerReview(anja.db, anja.wie, plan.id, gekozen, 'Klopt de inzet?'));
    await sync(anja);

    // Carla's device pulls the shared plan and the review addressed to her.
    await sync(carla);
    expect((await getPlan(carla.db, plan.id))?.status).toBe('ter-review');
    expect((await getPlan(carla.db, plan.id))?.hulpvraag).toBe('Thuis blijven wonen.');
    expect((await reviewsVoor(carla.db, carla.gebruiker.id)).map((r) => r.id)).toEqual([review.id]);

    // Offline on her device: two comments and a besluit, all local.
    carla.net.offline = true;
    const zeg = (tekst: string, sectie: 'hulpvraag' | 'professioneel', minuut: number) =>
      saveReviewComment(
        carla.db,
        { ...carla.wie, now: new Date(Date.UTC(2026, 10, 23, 10, minuut)) },
        { reviewId: review.id, planId: plan.id, sectie, tekst },
      );
    const eerste = ok(await zeg('Wat wil mevrouw zelf?', 'hulpvraag', 1));
    ok(await zeg('Waarom geen dagbesteding?', 'professioneel', 2));
    ok(await geefBesluit(carla.db, carla.wie, review.id, 'aanpassen', 'Graag aanvullen.'));
    expect(await pendingCount(carla.db)).toBe(3);
    expect((await carla.engine.syncNow()).error?.code).toBe('server-onbereikbaar');
    await sync(anja);
    expect(await listReviewComments(anja.db, plan.id)).toEqual([]);

    // Back online: her changes go up, and Anja's device sees them.
    carla.net.offline = false;
    await sync(carla, anja);
    expect(await pendingCount(carla.db)).toBe(0);
    const comments = await listReviewComments(anja.db, plan.id);
    expect(comments.map((x) => [x.sectie, x.tekst, x.auteurNaam, x.afgehandeld])).toEqual([
      ['hulpvraag', 'Wat wil mevrouw zelf?', 'Carla Smit', false],
      ['professioneel', 'Waarom geen dagbesteding?', 'Carla Smit', false],
    ]);
    expect(await openCommentsPerClient(anja.db)).toEqual(new Map([[clientId, 2]]));
    expect((await listReviews(anja.db, plan.id))[0]).toMatchObject({
      besluit: 'aanpassen',
      besluitToelichting: 'Graag aanvullen.',
    });
    expect((await reviewStandPerClient(anja.db)).get(clientId)).toMatchObject({
      status: 'aanpassen',
      open: 2,
    });

    // Carla decided, so her review share ended (issue 12, point 8): the pull after her push told
    // her device, which removed the client's records; nothing of hers was left unsent.
    expect(await getPlan(carla.db, plan.id)).toBeUndefined();
    expect(await reviewsVoor(carla.db, carla.gebruiker.id)).toEqual([]);
    expect(await openCommentsPerClient(carla.db)).toEqual(new Map());
    expect(await rejected(carla.db)).toEqual([]);

    // Anja deals with one comment and takes the plan back to concept; Carla's device gets nothing.
    ok(await zetAfgehandeld(anja.db, anja.wie, eerste.id, true));
    ok(await terugNaarConcept(anja.db, anja.wie, plan.id));
    await sync(anja, carla);
    expect(await openCommentsPerClient(anja.db)).toEqual(new Map([[clientId, 1]]));
    expect(await getPlan(carla.db, plan.id)).toBeUndefined();
  });
});
