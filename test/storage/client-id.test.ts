/**
 * Every queued mutation names the client it belongs to (the server's unit of access): the
 * client's own id, the plan's client for doel/planItem/planVersie, the naaste's client, and null
 * for a local sociale-kaart entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationSchema } from '../../src/domain/model/record.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending } from '../../src/storage/outbox.ts';
import { deleteClient, saveClient } from '../../src/storage/repositories/clients.ts';
import {
  deleteDoel,
  deleteNaaste,
  deletePlanItem,
  nieuwConcept,
  stelPlanVast,
  updatePlan,
} from '../../src/storage/repositories/plans.ts';
import {
  deleteVoorziening,
  saveVoorziening,
} from '../../src/storage/repositories/sociale-kaart.ts';
import { clientInvoer } from '../fixtures/clients.ts';
import { maakPlanMetItems } from '../fixtures/plans.ts';

const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`client-id-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('clientId on every queued mutation', () => {
  it('a built, vastgesteld and revised plan: every mutation carries its client', async () => {
    const m = await maakPlanMetItems(db, 6, { now: WIE.now });
    const ander = await maakPlanMetItems(db, 2, {
      now: WIE.now,
      client: { voornaam: 'Piet', bsn: '123456782' },
    });
    const r = await updatePlan(
      db,
      m.plan.id,
      {
        akkoord: { datum: '2026-11-20', wijze: 'mondeling', door: 'client' },
        evaluatiedatum: '2027-05-20',
      },
      WIE,
    );
    expect(r.ok).toBe(true);
    expect((await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: '2026-11-23' })).ok).toBe(true);
    expect((await nieuwConcept(db, m.plan.id, WIE)).ok).toBe(true);
    expect((await deletePlanItem(db, m.items[0]!.id, WIE)).ok).toBe(true);
    expect((await deleteDoel(db, m.doel.id, WIE)).ok).toBe(true);
    expect((await deleteNaaste(db, m.naaste.id, WIE)).ok).toBe(true);

    const wachtrij = await pending(db);
    const typen = new Set(wachtrij.map((w) => `${w.recordType}:${w.op}`));
    for (const t of [
      'client:create',
      'plan:create',
      'plan:update',
      'doel:create',
      'doel:delete',
      'naaste:create',
      'naaste:delete',
      'planItem:create',
      'planItem:delete',
      'planVersie:create',
    ]) {
      expect(typen).toContain(t);
    }
    for (const w of wachtrij) {
      expect(mutationSchema.parse(w).clientId).toBeDefined();
      const eigenaar = [m, ander].find((x) =>
        [x.client.id, x.plan.id, x.doel.id, x.naaste.id, ...x.items.map((i) => i.id)].includes(
          w.recordId,
        ),
      );
      const verwacht = eigenaar?.client.id ?? m.client.id; // the planVersie belongs to m's plan
      expect(w.clientId, `${w.recordType} ${w.op}`).toBe(verwacht);
    }
  });

  it("a client's own mutations carry its id, a local sociale-kaart entry carries null", async () => {
    const c = await saveClient(db, clientInvoer(), WIE);
    if (!c.ok) throw new Error('opslaan');
    await saveClient(db, clientInvoer({ huisarts: 'Dokter B' }), { ...WIE, id: c.client.id });
    await deleteClient(db, c.client.id, WIE);
    const v = await saveVoorziening(
      db,
      { categorie: 'ontmoeting', naam: 'Koffie-ochtend', omschrijving: 'Elke dinsdag' },
      WIE,
    );
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    await deleteVoorziening(db, v.voorziening.id, WIE);

    const wachtrij = await pending(db);
    expect(wachtrij.map((w) => [w.recordType, w.op, w.clientId])).toEqual([
      ['client', 'create', c.client.id],
      ['client', 'update', c.client.id],
      ['client', 'delete', c.client.id],
      ['voorziening', 'create', null],
      ['voorziening', 'delete', null],
    ]);
  });
});
