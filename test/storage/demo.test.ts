import { afterEach, describe, expect, it } from 'vitest';
import { evaluatieStatus } from '../../src/domain/plan/status.ts';
import { effectiefDomein } from '../../src/domain/plan/routering.ts';
import { LADDER_STAPPEN } from '../../src/domain/plan/model.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { seedDemoClients } from '../../src/storage/demo.ts';
import { pending, pendingCount } from '../../src/storage/outbox.ts';
import { listClients, saveClient } from '../../src/storage/repositories/clients.ts';
import {
  listNaasten,
  listPlanItems,
  listPlans,
  listPlanVersies,
  plansMetEvaluatie,
} from '../../src/storage/repositories/plans.ts';
import { clientInvoer } from '../fixtures/clients.ts';

const NU = new Date('2026-11-23T09:00:00Z');
const VANDAAG = '2026-11-23';

let db: ArrangeurDB;
afterEach(async () => db.delete());

describe('seedDemoClients', () => {
  // Speed is not asserted here (timed tests flake on a shared machine); see `npm run bench`.
  it('fills an empty device once, through the normal save path', async () => {
    db = openDb(`demo-${crypto.randomUUID()}`);
    const added = await seedDemoClients(db, NU);
    expect(added).toBeGreaterThanOrEqual(28);
    expect(added).toBeLessThanOrEqual(32);
    expect(await listClients(db)).toHaveLength(added);
    // Every record went through the repositories: one pending mutation per write, all valid.
    const rijen = await pending(db);
    expect(rijen.filter((r) => r.recordType === 'client')).toHaveLength(added);
    expect(rijen.filter((r) => r.recordType === 'plan' && r.op === 'create')).toHaveLength(
      (await listPlans(db)).length,
    );
    expect(await seedDemoClients(db, NU)).toBe(0);
    expect(await listClients(db)).toHaveLength(added);
    expect(await pendingCount(db)).toBe(rijen.length);
  });

  it('gives plans in different states, every rung, naasten with belasting and every domain', async () => {
    db = openDb(`demo-${crypto.randomUUID()}`);
    await seedDemoClients(db, NU);
    const plannen = await listPlans(db);
    expect(plannen.length).toBeGreaterThanOrEqual(25);
    const statussen = new Set(plannen.map((p) => `${p.status}/${p.versie}`));
    expect(statussen).toEqual(new Set(['concept/1', 'vastgesteld/1', 'concept/2']));

    const evaluatie = new Set(
      (await plansMetEvaluatie(db)).map((p) => evaluatieStatus(p, VANDAAG)),
    );
    expect(evaluatie).toEqual(new Set(['geen', 'binnenkort', 'verlopen']));

    const items = (await Promise.all(plannen.map((p) => listPlanItems(db, p.id)))).flat();
    expect(new Set(items.map((i) => i.stap))).toEqual(new Set(LADDER_STAPPEN));
    const domeinen = new Set(items.map((i) => i.routering?.domein).filter(Boolean));
    for (const d of ['Wmo', 'Zvw', 'Wlz', 'Jeugdwet']) expect(domeinen).toContain(d);
    const overschreven = items.filter((i) => i.override);
    expect(overschreven.length).toBeGreaterThan(0);
    expect(overschreven.every((i) => effectiefDomein(i) !== i.routering?.domein)).toBe(true);

    const naasten = (await Promise.all(plannen.map((p) => listNaasten(db, p.clientId)))).flat();
    expect(new Set(naasten.map((n) => n.belasting))).toEqual(
      new Set(['licht', 'gemiddeld', 'zwaar', 'overbelast']),
    );

    // Every plan that was ever vastgesteld kept its snapshot.
    for (const p of plannen.filter((x) => x.status === 'vastgesteld' || x.versie > 1)) {
      expect((await listPlanVersies(db, p.id)).length).toBeGreaterThan(0);
    }
  });

  it('never adds demo clients to a device that already has real ones', async () => {
    db = openDb(`demo-${crypto.randomUUID()}`);
    await saveClient(db, clientInvoer(), { updatedBy: 'test' });
    expect(await seedDemoClients(db, NU)).toBe(0);
    expect(await listClients(db)).toHaveLength(1);
    expect(await listPlans(db)).toHaveLength(0);
  });
});
