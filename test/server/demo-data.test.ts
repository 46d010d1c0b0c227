/**
 * Demo clients served by the embedded store (issue 5, item 6), on both stores: a demo start puts
 * them in anja's caseload as ordinary server records that a device pulls, that the server's own
 * validation accepts, and that can be edited through the normal push.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { lijstGebruikers, maakSessie } from '../../src/server/db/accounts.ts';
import { maakDemoClienten } from '../../src/server/db/demo-data.ts';
import { caseloadVan, reviewClientenVan } from '../../src/server/db/toegang.ts';
import { maakDemoGebruikers } from '../../src/server/demo-users.ts';
import { recordTypeSchema } from '../../src/domain/model/record.ts';
import { validateMerged } from '../../src/sync/protocol/validate.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { count, edit, pullAll, push, userWithSession } from './fixtures/sync.ts';

const NU = new Date('2026-11-23T09:00:00Z');

describe.each(STORE_KINDS)('demo data on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let ingevoegd: number;
  const cookie: Record<string, { id: string; cookie: string }> = {};
  const id: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestStore(kind);
    await maakDemoGebruikers(t.store);
    ingevoegd = await maakDemoClienten(t.store, NU);
    for (const g of await lijstGebruikers(t.store)) {
      id[g.gebruikersnaam] = g.id;
      const sessie = await maakSessie(t.store, g.id, new Date());
      cookie[g.gebruikersnaam] = { id: g.id, cookie: `arrangeur_sessie=${sessie.token}` };
    }
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it("puts every demo record in anja's pull, valid by the server's own rules", async () => {
    expect(ingevoegd).toBeGreaterThan(100);
    const records = await pullAll(app, cookie['anja']!);
    expect(records).toHaveLength(ingevoegd);
    const clients = records.filter((r) => r.type === 'client');
    expect(clients.length).toBeGreaterThanOrEqual(25);
    expect(clients.length).toBeLessThanOrEqual(35);
    expect(await caseloadVan(t.store, id['anja']!)).toEqual(clients.map((c) => c.id).sort());
    for (const r of records) {
      expect(r.deleted).toBe(false);
      // carla's besluit and comments carry her id; everything else anja's.
      const vanCarla =
        r.type === 'review'
          ? r.fields['besluit'] !== null
          : r.type === 'reviewComment' && r.fields['afgehandeld'] === false;
      expect(r.updatedBy).toBe(vanCarla ? id['carla'] : id['anja']);
      const type = recordTypeSchema.parse(r.type);
      expect(validateMerged(type, r.fields, r.clientId), `${r.type} ${r.id}`).toBeNull();
    }
    expect(new Set(records.map((r) => r.type))).toEqual(
      new Set([
        'client',
        'plan',
        'doel',
        'naaste',
        'planItem',
        'planVersie',
        'review',
        'reviewComment',
      ]),
    );
  });

  it('shares a few clients with carla for review; cor gets nothing', async () => {
    const gedeeld = await reviewClientenVan(t.store, id['carla']!);
    // Only the review still waiting for her besluit: a share ends at the besluit (issue 12, 8).
    expect(gedeeld).toHaveLength(1);
    const carla = await pullAll(app, cookie['carla']!);
    expect(carla.length).toBeGreaterThan(0);
    expect(new Set(carla.map((r) => r.clientId))).toEqual(new Set(gedeeld));
    expect(await pullAll(app, cookie['cor']!)).toEqual([]);
    expect(await pullAll(app, cookie['bea']!)).toEqual([]);
  });

  it("gives each shared client a review addressed to carla's real id, which she can answer", async () => {
    const gedeeld = await reviewClientenVan(t.store, id['carla']!);
    const carla = await pullAll(app, cookie['carla']!);
    const reviews = carla.filter((r) => r.type === 'review');
    expect(reviews.map((r) => r.clientId).sort()).toEqual([...gedeeld].sort());
    for (const r of reviews) {
      expect(r.fields).toMatchObject({
        casemanagerId: id['carla'],
        casemanagerNaam: 'Carla Visser',
        gevraagdDoorNaam: 'Anja de Boer',
      });
      const plan = carla.find((p) => p.type === 'plan' && p.id === r.fields['planId']);
      expect(plan?.fields['status']).toBe('ter-review');
    }
    // The decided rounds (aanpassen with her comments, akkoord) are no longer hers to read.
    expect(reviews.map((r) => r.fields['besluit'])).toEqual([null]);
    expect(carla.filter((r) => r.type === 'reviewComment')).toHaveLength(0);
    // The waiting one: carla's besluit goes through the normal push.
    const wacht = reviews.find((r) => r.fields['besluit'] === null)!;
    const [r] = await push(app, cookie['carla']!, [
      edit('review', wacht.id, wacht.rev, { besluit: 'akkoord', besluitOp: NU.toISOString() }),
    ]);
    expect(r).toMatchObject({ status: 'applied', conflicts: 0 });
  });

  it('lets anja edit a demo plan through the normal push', async () => {
    const records = await pullAll(app, cookie['anja']!);
    const plan = records.find((r) => r.type === 'plan' && r.fields['status'] === 'concept');
    if (!plan) throw new Error('no concept plan');
    const [r] = await push(app, cookie['anja']!, [
      edit('plan', plan.id, plan.rev, { hulpvraag: 'Weer zelf naar de markt.' }),
    ]);
    expect(r).toMatchObject({ status: 'applied', conflicts: 0 });
  });

  it('inserts nothing on a second start, nor into a store that has records', async () => {
    const voor = await count(t.store, 'records');
    expect(await maakDemoClienten(t.store, new Date())).toBe(0);
    expect(await count(t.store, 'records')).toBe(voor);
  });
});

describe('demo data without the demo arrangeur', () => {
  it('inserts nothing when anja does not exist (nobody could read the records)', async () => {
    const t = await openTestStore('pglite');
    try {
      await userWithSession(t.store, 'arrangeur', 'Els');
      expect(await maakDemoClienten(t.store, NU)).toBe(0);
      expect(await count(t.store, 'records')).toBe(0);
    } finally {
      await t.cleanup();
    }
  });
});
