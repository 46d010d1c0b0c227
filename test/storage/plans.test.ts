import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationSchema } from '../../src/domain/model/record.ts';
import { planVersieSchema } from '../../src/domain/plan/model.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending } from '../../src/storage/outbox.ts';
import { saveClient } from '../../src/storage/repositories/clients.ts';
import {
  deleteDoel,
  deleteNaaste,
  deletePlanItem,
  getOrCreatePlan,
  getPlan,
  getPlanForClient,
  getPlanItem,
  listDoelen,
  listNaasten,
  listPlanItems,
  listPlans,
  listPlanVersies,
  MELDING,
  nieuwConcept,
  plansMetEvaluatie,
  saveDoel,
  saveNaaste,
  savePlanItem,
  stelPlanVast,
  updatePlan,
  type Result,
} from '../../src/storage/repositories/plans.ts';
import { clientInvoer, wlzIndicatie } from '../fixtures/clients.ts';
import {
  doelInvoer,
  maakPlanMetItems,
  naasteInvoer,
  ONBEKEND_ID,
  planItemInvoer,
} from '../fixtures/plans.ts';

const WIE = { updatedBy: 'gebruiker-1', now: new Date('2026-11-23T09:00:00Z') };
const LATER = { updatedBy: 'gebruiker-2', now: new Date('2026-11-23T10:00:00Z') };
const VANDAAG = '2026-11-23';
const AKKOORD = { datum: '2026-11-20', wijze: 'handtekening', door: 'client' } as const;

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`plans-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

async function maakClient(over: Parameters<typeof clientInvoer>[0] = {}) {
  const r = await saveClient(db, clientInvoer(over), WIE);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.client;
}

async function maakPlan(over: Parameters<typeof clientInvoer>[0] = {}) {
  const client = await maakClient(over);
  return getOrCreatePlan(db, client.id, WIE);
}

/** Outbox rows written after `vanaf` (a seq), for "what did this one write" checks. */
async function rijenNa(vanaf: number) {
  return (await pending(db)).filter((r) => r.seq! > vanaf);
}
async function laatsteSeq() {
  return (await db.outbox.orderBy('seq').last())?.seq ?? 0;
}

/** A plan ready to be vastgesteld: a filled ladder, akkoord and evaluatiedatum. */
async function klaarOmVastTeStellen() {
  const m = await maakPlanMetItems(db, 6, { now: WIE.now });
  ok(await updatePlan(db, m.plan.id, { akkoord: AKKOORD, evaluatiedatum: '2027-05-20' }, WIE));
  return m;
}

describe('getOrCreatePlan', () => {
  it('creates one concept versie 1 per client with a create mutation of every field', async () => {
    const client = await maakClient();
    const voor = await laatsteSeq();
    const plan = await getOrCreatePlan(db, client.id, WIE);
    expect(plan).toMatchObject({
      type: 'plan',
      clientId: client.id,
      status: 'concept',
      versie: 1,
      akkoord: null,
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: 'gebruiker-1',
      deleted: false,
    });
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(mutationSchema.parse(rij)).toBeTruthy();
    expect(rij).toMatchObject({ op: 'create', recordType: 'plan', recordId: plan.id });
    expect(rij!.fields).toEqual({
      clientId: client.id,
      hulpvraag: null,
      status: 'concept',
      versie: 1,
      ladderToelichting: null,
      akkoord: null,
      evaluatiedatum: null,
      vastgesteldOp: null,
    });

    const nogmaals = await getOrCreatePlan(db, client.id, LATER);
    expect(nogmaals).toEqual(plan);
    expect(await rijenNa(voor)).toHaveLength(1);
    expect(await getPlanForClient(db, client.id)).toEqual(plan);
    expect(await getPlan(db, plan.id)).toEqual(plan);
    expect(await listPlans(db)).toEqual([plan]);
  });

  it('throws for an unknown client and writes nothing', async () => {
    await expect(getOrCreatePlan(db, ONBEKEND_ID, WIE)).rejects.toThrow(MELDING.clientOnbekend);
    expect(await db.plans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('answers undefined for a client without plan', async () => {
    const client = await maakClient();
    expect(await getPlanForClient(db, client.id)).toBeUndefined();
    expect(await getPlan(db, ONBEKEND_ID)).toBeUndefined();
  });
});

describe('updatePlan', () => {
  it('queues only the changed fields, and nothing when nothing changed', async () => {
    const plan = await maakPlan();
    ok(await updatePlan(db, plan.id, { hulpvraag: 'Weer zelf naar de markt' }, WIE));
    const voor = await laatsteSeq();
    const r = ok(
      await updatePlan(
        db,
        plan.id,
        { hulpvraag: 'Weer zelf naar de markt', evaluatiedatum: '2027-05-01' },
        LATER,
      ),
    );
    expect(r).toMatchObject({ evaluatiedatum: '2027-05-01', updatedBy: 'gebruiker-2' });
    const rijen = await rijenNa(voor);
    expect(rijen).toHaveLength(1);
    expect(rijen[0]).toMatchObject({ op: 'update', recordType: 'plan', recordId: plan.id });
    expect(rijen[0]!.fields).toEqual({ evaluatiedatum: '2027-05-01' });

    const zelfde = await updatePlan(db, plan.id, { evaluatiedatum: '2027-05-01' }, LATER);
    expect(zelfde.ok).toBe(true);
    expect(await rijenNa(voor)).toHaveLength(1);
  });

  it('clears a field: an empty text is stored absent and sent as null', async () => {
    const plan = await maakPlan();
    ok(await updatePlan(db, plan.id, { hulpvraag: 'Iets' }, WIE));
    const voor = await laatsteSeq();
    const r = ok(await updatePlan(db, plan.id, { hulpvraag: '  ' }, WIE));
    expect(r.hulpvraag).toBeUndefined();
    expect((await rijenNa(voor))[0]!.fields).toEqual({ hulpvraag: null });
    expect('hulpvraag' in (await db.plans.get(plan.id))!).toBe(false);
  });

  it('rejects invalid values with the field path and writes nothing', async () => {
    const plan = await maakPlan();
    const voor = await laatsteSeq();
    const r = await updatePlan(
      db,
      plan.id,
      { evaluatiedatum: '2027-02-30', akkoord: { ...AKKOORD, wijze: 'telepathie' as never } },
      WIE,
    );
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: 'akkoord.wijze', message: 'Kies hoe de cliënt akkoord gaf.' },
        { path: 'evaluatiedatum', message: 'Deze datum bestaat niet.' },
      ],
    });
    expect(await getPlan(db, plan.id)).toEqual(plan);
    expect(await rijenNa(voor)).toHaveLength(0);
  });

  it('refuses status, versie, clientId and vastgesteldOp: those move only through the transitions', async () => {
    const plan = await maakPlan();
    const r = await updatePlan(db, plan.id, { status: 'vastgesteld' } as never, WIE);
    expect(r).toEqual({ ok: false, issues: [{ path: 'status', message: MELDING.vastVeld }] });
    expect((await getPlan(db, plan.id))!.status).toBe('concept');
  });

  it('refuses an unknown plan', async () => {
    expect(await updatePlan(db, ONBEKEND_ID, { hulpvraag: 'x' }, WIE)).toEqual({
      ok: false,
      issues: [{ path: 'planId', message: MELDING.planOnbekend }],
    });
  });
});

describe('doelen', () => {
  it('creates, updates only what changed, lists in creation order, deletes as tombstone', async () => {
    const plan = await maakPlan();
    const a = ok(await saveDoel(db, doelInvoer({ planId: plan.id }), WIE));
    const b = ok(
      await saveDoel(
        db,
        doelInvoer({
          planId: plan.id,
          levensdomein: 'meedoen',
          omschrijving: 'Naar de koffieochtend',
        }),
        LATER,
      ),
    );
    expect(a).toMatchObject({ type: 'doel', aangemaaktOp: '2026-11-23T09:00:00.000Z' });
    expect((await listDoelen(db, plan.id)).map((d) => d.id)).toEqual([a.id, b.id]);

    const voor = await laatsteSeq();
    const a2 = ok(
      await saveDoel(
        db,
        { ...doelInvoer({ planId: plan.id }), omschrijving: 'Zelf koken', id: a.id },
        LATER,
      ),
    );
    expect(a2.aangemaaktOp).toBe(a.aangemaaktOp); // the order never changes on edit
    expect((await rijenNa(voor)).map((r) => [r.op, r.fields])).toEqual([
      ['update', { omschrijving: 'Zelf koken' }],
    ]);
    expect((await listDoelen(db, plan.id)).map((d) => d.id)).toEqual([a.id, b.id]);

    const weg = ok(await deleteDoel(db, a.id, LATER));
    expect(weg.deleted).toBe(true);
    const [del] = await rijenNa(voor + 1);
    expect(del).toMatchObject({
      op: 'delete',
      recordType: 'doel',
      recordId: a.id,
      deleted: true,
      fields: {},
    });
    expect((await db.doelen.get(a.id))!.deleted).toBe(true); // tombstone, not removed
    expect((await listDoelen(db, plan.id)).map((d) => d.id)).toEqual([b.id]);
    expect(await deleteDoel(db, a.id, LATER)).toEqual({
      ok: false,
      issues: [{ path: '', message: MELDING.nietGevonden }],
    });
    expect(await saveDoel(db, { ...doelInvoer({ planId: plan.id }), id: a.id }, LATER)).toEqual({
      ok: false,
      issues: [{ path: '', message: MELDING.verwijderd }],
    });
  });

  it('refuses invalid input, an unknown plan and a move to another plan, writing nothing', async () => {
    const plan = await maakPlan();
    const ander = await maakPlan({ voornaam: 'Piet', bsn: undefined });
    const voor = await laatsteSeq();
    expect(await saveDoel(db, doelInvoer({ planId: plan.id, omschrijving: ' ' }), WIE)).toEqual({
      ok: false,
      issues: [{ path: 'omschrijving', message: 'Beschrijf het doel.' }],
    });
    expect((await saveDoel(db, doelInvoer({ planId: ONBEKEND_ID }), WIE)).ok).toBe(false);
    expect(await rijenNa(voor)).toHaveLength(0);
    const d = ok(await saveDoel(db, doelInvoer({ planId: plan.id }), WIE));
    expect(await saveDoel(db, { ...doelInvoer({ planId: ander.id }), id: d.id }, WIE)).toEqual({
      ok: false,
      issues: [{ path: '', message: MELDING.anderPlan }],
    });
  });
});

describe('naasten', () => {
  it('belong to the client: create with belasting, list, delete', async () => {
    const client = await maakClient();
    const n = ok(
      await saveNaaste(db, naasteInvoer({ clientId: client.id, belasting: 'zwaar' }), WIE),
    );
    expect(n).toMatchObject({ type: 'naaste', belasting: 'zwaar', naam: 'Anja de Boer' });
    const [rij] = await rijenNa((await laatsteSeq()) - 1);
    expect(rij).toMatchObject({ op: 'create', recordType: 'naaste' });
    expect(rij!.fields).toMatchObject({
      clientId: client.id,
      belasting: 'zwaar',
      aangemaaktOp: n.aangemaaktOp,
    });
    expect(await listNaasten(db, client.id)).toEqual([n]);
    ok(await deleteNaaste(db, n.id, LATER));
    expect(await listNaasten(db, client.id)).toEqual([]);
  });

  it('refuses an unknown client and an empty naam', async () => {
    expect(await saveNaaste(db, naasteInvoer(), WIE)).toEqual({
      ok: false,
      issues: [{ path: 'clientId', message: MELDING.clientOnbekend }],
    });
    const client = await maakClient();
    const r = await saveNaaste(db, naasteInvoer({ clientId: client.id, naam: '' }), WIE);
    expect(r).toEqual({ ok: false, issues: [{ path: 'naam', message: 'Vul de naam in.' }] });
    expect(await db.naasten.count()).toBe(0);
  });
});

describe('savePlanItem', () => {
  it('stores the routing decision computed from the client, and queues every field', async () => {
    const plan = await maakPlan();
    const voor = await laatsteSeq();
    const item = ok(
      await savePlanItem(db, planItemInvoer({ planId: plan.id }), { ...WIE, vandaag: VANDAAG }),
    );
    expect(item.routering).toMatchObject({
      domein: 'Wmo',
      financier: { soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' },
      peildatum: '2026-12-01', // the inzet's start, not vandaag
      zeker: true,
    });
    expect(await getPlanItem(db, item.id)).toEqual(item);
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(rij).toMatchObject({ op: 'create', recordType: 'planItem', recordId: item.id });
    expect(rij!.fields).toMatchObject({
      planId: plan.id,
      stap: 'professioneel',
      inzet: { code: 'HH-SCHOONMAAK' },
      routering: item.routering,
      override: null,
      doelId: null,
      aangemaaktOp: '2026-11-23T09:00:00.000Z',
    });
  });

  it('routes with the stored client: Wlz with an indicatie, Jeugdwet for a minor', async () => {
    const wlz = await maakPlan({ wlzIndicatie: wlzIndicatie({ geldigVan: '2025-01-01' }) });
    const a = ok(
      await savePlanItem(
        db,
        planItemInvoer({
          planId: wlz.id,
          inzet: { code: 'PV-ADL', verzorgingsaard: 'geneeskundig' },
        }),
        { ...WIE, vandaag: VANDAAG },
      ),
    );
    expect(a.routering).toMatchObject({
      domein: 'Wlz',
      financier: { soort: 'zorgkantoor' },
      peildatum: VANDAAG,
    });
    const kind = await maakPlan({ geboortedatum: '2014-06-01', bsn: undefined, voornaam: 'Sem' });
    const b = ok(
      await savePlanItem(
        db,
        planItemInvoer({ planId: kind.id, inzet: { code: 'BG-INDIVIDUEEL' } }),
        {
          ...WIE,
          vandaag: VANDAAG,
        },
      ),
    );
    expect(b.routering?.domein).toBe('Jeugdwet');
  });

  it('stores no routing for an item without inzet, and ignores a routering passed in', async () => {
    const plan = await maakPlan();
    const item = ok(
      await savePlanItem(
        db,
        {
          planId: plan.id,
          stap: 'eigen-kracht',
          omschrijving: 'Doet zelf de was',
          routering: { domein: 'Wlz' } as never,
        },
        WIE,
      ),
    );
    expect(item.routering).toBeUndefined();
  });

  it.each([
    [{ code: 'BESTAAT-NIET' }, 'inzet.code', "Onbekende inzet-code 'BESTAAT-NIET'."],
    [
      { code: 'HH-SCHOONMAAK', omvang: { aantal: 2, eenheid: 'stuk' } },
      'inzet.omvang.eenheid',
      "De eenheid van 'Hulp bij het huishouden (schoonmaken)' is uur/week, niet stuk.",
    ],
    [
      { code: 'HH-SCHOONMAAK', periode: { van: '2026-12-01', tot: '2026-11-01' } },
      'inzet.periode.tot',
      'De einddatum ligt vóór de begindatum.',
    ],
  ])(
    'refuses an inzet that cannot be routed (%j) and writes nothing',
    async (inzet, path, message) => {
      const plan = await maakPlan();
      const voor = await laatsteSeq();
      const r = await savePlanItem(db, planItemInvoer({ planId: plan.id, inzet }), WIE);
      expect(r).toEqual({ ok: false, issues: [{ path, message }] });
      expect(await db.planItems.count()).toBe(0);
      expect(await rijenNa(voor)).toHaveLength(0);
    },
  );

  it('refuses an inzet dated before the rule table, on the inzet field', async () => {
    const plan = await maakPlan();
    const r = await savePlanItem(
      db,
      planItemInvoer({
        planId: plan.id,
        inzet: { code: 'HH-SCHOONMAAK', periode: { van: '2012-01-01' } },
      }),
      WIE,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({
        path: 'inzet',
        message: expect.stringContaining('2015-01-01'),
      });
    expect(await db.planItems.count()).toBe(0);
  });

  it('an update queues only changed fields; routing stays when only the day of saving differs', async () => {
    const plan = await maakPlan();
    const invoer = planItemInvoer({ planId: plan.id, inzet: { code: 'HH-SCHOONMAAK' } });
    const item = ok(await savePlanItem(db, invoer, { ...WIE, vandaag: VANDAAG }));
    const voor = await laatsteSeq();
    // Same input a week later: the decision is the same, so nothing is written.
    const zelfde = ok(
      await savePlanItem(db, { ...invoer, id: item.id }, { ...LATER, vandaag: '2026-11-30' }),
    );
    expect(zelfde).toEqual(item);
    expect(await rijenNa(voor)).toHaveLength(0);

    ok(
      await savePlanItem(
        db,
        { ...invoer, omschrijving: 'Schoonmaken, 2 uur', id: item.id },
        {
          ...LATER,
          vandaag: '2026-11-30',
        },
      ),
    );
    expect((await rijenNa(voor)).map((r) => [r.op, r.fields])).toEqual([
      ['update', { omschrijving: 'Schoonmaken, 2 uur' }],
    ]);

    // A different inzet re-routes: the new snapshot travels with the change.
    const ander = ok(
      await savePlanItem(
        db,
        {
          ...invoer,
          omschrijving: 'Schoonmaken, 2 uur',
          inzet: { code: 'VP-WONDZORG' },
          id: item.id,
        },
        { ...LATER, vandaag: '2026-11-30' },
      ),
    );
    expect(ander.routering).toMatchObject({ domein: 'Zvw', peildatum: '2026-11-30' });
    const [, wijziging] = await rijenNa(voor);
    expect(Object.keys(wijziging!.fields).sort()).toEqual(['inzet', 'routering']);
  });

  it('keeps the override next to the routed decision; an override needs an inzet', async () => {
    const plan = await maakPlan();
    const item = ok(
      await savePlanItem(
        db,
        planItemInvoer({
          planId: plan.id,
          override: { domein: 'Zvw', reden: 'Afspraak met huisarts en wijkverpleging' },
        }),
        WIE,
      ),
    );
    expect(item.routering?.domein).toBe('Wmo');
    expect(item.override?.domein).toBe('Zvw');
    expect(
      await savePlanItem(
        db,
        {
          planId: plan.id,
          stap: 'netwerk',
          omschrijving: 'Buurman',
          override: { domein: 'Wmo', reden: 'Omdat het zo is' },
        },
        WIE,
      ),
    ).toEqual({ ok: false, issues: [{ path: 'override', message: MELDING.overrideZonderInzet }] });
  });

  it('links a doel only from the same plan and a naaste only of the same client', async () => {
    const plan = await maakPlan();
    const ander = await maakPlan({ voornaam: 'Piet', bsn: undefined });
    const doelAnder = ok(await saveDoel(db, doelInvoer({ planId: ander.id }), WIE));
    const naasteAnder = ok(await saveNaaste(db, naasteInvoer({ clientId: ander.clientId }), WIE));
    expect(
      await savePlanItem(db, planItemInvoer({ planId: plan.id, doelId: doelAnder.id }), WIE),
    ).toEqual({
      ok: false,
      issues: [{ path: 'doelId', message: MELDING.doelHoortNiet }],
    });
    expect(
      await savePlanItem(db, planItemInvoer({ planId: plan.id, naasteId: naasteAnder.id }), WIE),
    ).toEqual({ ok: false, issues: [{ path: 'naasteId', message: MELDING.naasteHoortNiet }] });
    const doel = ok(await saveDoel(db, doelInvoer({ planId: plan.id }), WIE));
    expect(
      (await savePlanItem(db, planItemInvoer({ planId: plan.id, doelId: doel.id }), WIE)).ok,
    ).toBe(true);
  });

  it('writes the item and its outbox row in one transaction: a failing outbox write saves nothing', async () => {
    const plan = await maakPlan();
    const voor = await db.outbox.count();
    db.outbox.hook('creating', () => {
      throw new Error('schijf vol');
    });
    await expect(savePlanItem(db, planItemInvoer({ planId: plan.id }), WIE)).rejects.toThrow(
      'schijf vol',
    );
    expect(await db.planItems.count()).toBe(0);
    expect(await db.outbox.count()).toBe(voor);
  });

  it('lists living items in creation order and deletes as tombstone', async () => {
    const m = await maakPlanMetItems(db, 8);
    expect((await listPlanItems(db, m.plan.id)).map((i) => i.id)).toEqual(m.items.map((i) => i.id));
    expect(m.items.map((i) => i.stap)).toEqual([
      'eigen-kracht',
      'netwerk',
      'mantelzorgondersteuning',
      'voorziening',
      'hulpmiddel',
      'professioneel',
      'eigen-kracht',
      'netwerk',
    ]);
    const voor = await laatsteSeq();
    ok(await deletePlanItem(db, m.items[2]!.id, LATER));
    expect(await rijenNa(voor)).toEqual([
      expect.objectContaining({
        op: 'delete',
        recordType: 'planItem',
        recordId: m.items[2]!.id,
        deleted: true,
      }),
    ]);
    expect(await listPlanItems(db, m.plan.id)).toHaveLength(7);
    expect(await getPlanItem(db, m.items[2]!.id)).toBeUndefined();
    expect(await db.planItems.count()).toBe(8);
  });
});

describe('stelPlanVast', () => {
  it('refuses a plan without akkoord and evaluatiedatum, with codes, writing nothing', async () => {
    const m = await maakPlanMetItems(db, 6);
    const voor = await laatsteSeq();
    const r = await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: VANDAAG });
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          path: 'akkoord',
          message: 'Leg vast dat de cliënt akkoord is.',
          code: 'akkoord-ontbreekt',
        },
        {
          path: 'evaluatiedatum',
          message: 'Kies een evaluatiedatum.',
          code: 'evaluatiedatum-ontbreekt',
        },
      ],
    });
    expect((await getPlan(db, m.plan.id))!.status).toBe('concept');
    expect(await db.planVersies.count()).toBe(0);
    expect(await rijenNa(voor)).toHaveLength(0);
  });

  it('asks the ladder reason when professional inzet skips a legal rung', async () => {
    const plan = await maakPlan();
    ok(await savePlanItem(db, planItemInvoer({ planId: plan.id }), WIE));
    ok(await updatePlan(db, plan.id, { akkoord: AKKOORD, evaluatiedatum: '2027-05-20' }, WIE));
    const r = await stelPlanVast(db, plan.id, { ...WIE, vandaag: VANDAAG });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(['ladder-toelichting-ontbreekt']);
    ok(
      await updatePlan(
        db,
        plan.id,
        { ladderToelichting: 'Geen netwerk; cliënt wil geen groep.' },
        WIE,
      ),
    );
    expect((await stelPlanVast(db, plan.id, { ...WIE, vandaag: VANDAAG })).ok).toBe(true);
  });

  it('refuses an invalid vandaag', async () => {
    const plan = await maakPlan();
    const r = await stelPlanVast(db, plan.id, { ...WIE, vandaag: '23-11-2026' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.path).toBe('vandaag');
  });

  it('writes status, vastgesteldOp and a snapshot of everything in one go, with two mutations', async () => {
    const m = await klaarOmVastTeStellen();
    const voor = await laatsteSeq();
    const plan = ok(await stelPlanVast(db, m.plan.id, { ...LATER, vandaag: VANDAAG }));
    expect(plan).toMatchObject({ status: 'vastgesteld', vastgesteldOp: VANDAAG, versie: 1 });

    const [wijziging, snapshot, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(wijziging).toMatchObject({ op: 'update', recordType: 'plan', recordId: m.plan.id });
    expect(wijziging!.fields).toEqual({ status: 'vastgesteld', vastgesteldOp: VANDAAG });
    expect(snapshot).toMatchObject({ op: 'create', recordType: 'planVersie' });

    const [versie, ...andere] = await listPlanVersies(db, m.plan.id);
    expect(andere).toHaveLength(0);
    expect(planVersieSchema.parse(versie)).toEqual(versie);
    expect(versie).toMatchObject({
      type: 'planVersie',
      planId: m.plan.id,
      versie: 1,
      vastgesteldOp: VANDAAG,
    });
    expect(versie!.inhoud.plan).toEqual(plan);
    expect(versie!.inhoud.items).toEqual(await listPlanItems(db, m.plan.id));
    expect(versie!.inhoud.doelen).toEqual([m.doel]);
    expect(versie!.inhoud.naasten).toEqual([m.naaste]);
    expect(snapshot!.recordId).toBe(versie!.id);
    expect(snapshot!.fields).toMatchObject({
      planId: m.plan.id,
      versie: 1,
      vastgesteldOp: VANDAAG,
    });
    expect((snapshot!.fields['inhoud'] as { items: unknown[] }).items).toHaveLength(6);
  });

  it('is all or nothing: a failing snapshot mutation leaves the plan a concept', async () => {
    const m = await klaarOmVastTeStellen();
    db.outbox.hook('creating', (_pk, rij) => {
      if (rij.recordType === 'planVersie') throw new Error('schijf vol');
    });
    await expect(stelPlanVast(db, m.plan.id, { ...WIE, vandaag: VANDAAG })).rejects.toThrow(
      'schijf vol',
    );
    expect((await getPlan(db, m.plan.id))!.status).toBe('concept');
    expect(await db.planVersies.count()).toBe(0);
  });

  it('makes the plan read-only: every plan write is refused and nothing is written', async () => {
    const m = await klaarOmVastTeStellen();
    ok(await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: VANDAAG }));
    const voor = await laatsteSeq();
    const geweigerd = { ok: false, issues: [{ path: '', message: MELDING.alleenLezen }] };
    expect(await updatePlan(db, m.plan.id, { hulpvraag: 'anders' }, LATER)).toEqual(geweigerd);
    expect(await saveDoel(db, doelInvoer({ planId: m.plan.id }), LATER)).toEqual(geweigerd);
    expect(
      await saveDoel(db, { ...doelInvoer({ planId: m.plan.id }), id: m.doel.id }, LATER),
    ).toEqual(geweigerd);
    expect(await deleteDoel(db, m.doel.id, LATER)).toEqual(geweigerd);
    expect(await savePlanItem(db, planItemInvoer({ planId: m.plan.id }), LATER)).toEqual(geweigerd);
    expect(await deletePlanItem(db, m.items[0]!.id, LATER)).toEqual(geweigerd);
    expect(await rijenNa(voor)).toHaveLength(0);
    expect(await listPlanItems(db, m.plan.id)).toEqual(m.items);
    // Naasten are the client's, not the plan version's: they stay editable.
    expect(
      (
        await saveNaaste(
          db,
          { ...naasteInvoer({ clientId: m.client.id }), id: m.naaste.id, belasting: 'zwaar' },
          LATER,
        )
      ).ok,
    ).toBe(true);
    // A second vaststelling of the same plan is refused.
    const nogmaals = await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: VANDAAG });
    expect(nogmaals.ok).toBe(false);
    if (!nogmaals.ok) expect(nogmaals.issues.map((i) => i.code)).toEqual(['niet-concept']);
  });
});

describe('nieuwConcept', () => {
  it('opens a vastgesteld plan as versie 2 without akkoord; the old snapshot stays as it was', async () => {
    const m = await klaarOmVastTeStellen();
    ok(await stelPlanVast(db, m.plan.id, { ...WIE, vandaag: VANDAAG }));
    const voor = await laatsteSeq();
    const plan = ok(await nieuwConcept(db, m.plan.id, LATER));
    expect(plan).toMatchObject({
      status: 'concept',
      versie: 2,
      akkoord: null,
      evaluatiedatum: '2027-05-20',
    });
    expect(plan.vastgesteldOp).toBeUndefined();
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(rij!.fields).toEqual({
      status: 'concept',
      versie: 2,
      akkoord: null,
      vastgesteldOp: null,
    });

    ok(
      await savePlanItem(
        db,
        { ...planItemInvoer({ planId: m.plan.id }), id: m.items[5]!.id, omschrijving: 'Nu 3 uur' },
        LATER,
      ),
    );
    const [v1] = await listPlanVersies(db, m.plan.id);
    expect(v1!.inhoud.items.find((i) => i.id === m.items[5]!.id)!.omschrijving).toBe(
      m.items[5]!.omschrijving,
    );

    ok(await updatePlan(db, m.plan.id, { akkoord: { ...AKKOORD, datum: VANDAAG } }, LATER));
    ok(await stelPlanVast(db, m.plan.id, { ...LATER, vandaag: VANDAAG }));
    expect((await listPlanVersies(db, m.plan.id)).map((v) => v.versie)).toEqual([1, 2]);
  });

  it('refuses a plan that is already a concept', async () => {
    const plan = await maakPlan();
    expect(await nieuwConcept(db, plan.id, WIE)).toEqual({
      ok: false,
      issues: [{ path: 'status', message: MELDING.alConcept, code: 'al-concept' }],
    });
    expect(await nieuwConcept(db, ONBEKEND_ID, WIE)).toEqual({
      ok: false,
      issues: [{ path: '', message: MELDING.planOnbekend }],
    });
  });
});

describe('plansMetEvaluatie', () => {
  it('lists only plans with an evaluatiedatum, earliest first', async () => {
    const a = await maakPlan();
    const b = await maakPlan({ voornaam: 'Piet', bsn: undefined });
    await maakPlan({ voornaam: 'Klaas', bsn: undefined });
    ok(await updatePlan(db, a.id, { evaluatiedatum: '2027-03-01' }, WIE));
    ok(await updatePlan(db, b.id, { evaluatiedatum: '2026-12-01' }, WIE));
    expect((await plansMetEvaluatie(db)).map((p) => p.id)).toEqual([b.id, a.id]);
    expect(await listPlans(db)).toHaveLength(3);
  });
});
