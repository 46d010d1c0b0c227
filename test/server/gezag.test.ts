/**
 * The server is the authority (issue 12, points 1–4), on both stores: it routes every plan item
 * again and flags a device that disagrees, recomputes open plans when a client's facts change,
 * checks plan status transitions and keeps vastgestelde plans and versies read-only, sets
 * authorship and timestamps of reviews itself, checks createdAt, baseRev and the device binding,
 * and shows the coordinator only what comes from reference data.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regelsAntwoordSchema, overridesAntwoordSchema } from '../../src/domain/kosten/api.ts';
import { clientInvoerSchema } from '../../src/domain/model/client.ts';
import { routeerPlanItem } from '../../src/domain/plan/routering.ts';
import { buildApp } from '../../src/server/app.ts';
import { lockRecordWrites, nextRev, writeRecord } from '../../src/server/db/records.ts';
import { werkKostenBij } from '../../src/server/db/kosten-regels.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import { pushResponseSchema, type WireRecord } from '../../src/sync/protocol/wire.ts';
import { clientInvoer, wlzIndicatie } from '../fixtures/clients.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  clientFields,
  edit,
  mutation,
  newClient,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

const NU = new Date('2026-11-23T10:00:00.000Z');
const VANDAAG = '2026-11-23';

const nieuw = (
  recordType: Mutation['recordType'],
  clientId: string,
  fields: Record<string, unknown>,
  id: string = randomUUID(),
): Mutation =>
  mutation({
    recordType,
    recordId: id as Mutation['recordId'],
    clientId: clientId as Mutation['recordId'],
    fields,
  });

const planFields = (clientId: string, over: Record<string, unknown> = {}) => ({
  clientId,
  hulpvraag: 'Zelfstandig thuis blijven wonen.',
  status: 'concept',
  versie: 1,
  ladderToelichting: 'Het netwerk kan dit niet dragen.',
  akkoord: null,
  evaluatiedatum: null,
  vastgesteldOp: null,
  ...over,
});

const AKKOORD = { datum: VANDAAG, wijze: 'mondeling', door: 'client' };
const inzet = { code: 'HH-SCHOONMAAK', omvang: { aantal: 3, eenheid: 'uur/week' } };
const routeringVoor = (client: Record<string, unknown>) =>
  routeerPlanItem(clientInvoerSchema.parse(client), { inzet }, VANDAAG)!;

const itemFields = (planId: string, over: Record<string, unknown> = {}) => ({
  planId,
  stap: 'professioneel',
  omschrijving: 'Hulp bij het schoonmaken',
  inzet,
  routering: routeringVoor(clientFields()),
  ...over,
});

describe.each(STORE_KINDS)('the server decides on %s (issue 12)', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anja: TestUser;
  let dirk: TestUser;
  let carla: TestUser;
  let cor: TestUser;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
      nu: () => NU,
    });
    anja = await userWithSession(t.store, 'arrangeur', 'Anja');
    dirk = await userWithSession(t.store, 'arrangeur', 'Dirk');
    carla = await userWithSession(t.store, 'casemanager', 'Carla');
    cor = await userWithSession(t.store, 'coordinator', 'Cor');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  /** A client of Anja's with a concept plan. */
  async function clientMetPlan(): Promise<{ clientId: string; planId: string }> {
    const clientId = randomUUID();
    await pushOk(app, anja, newClient(clientId));
    const planId = randomUUID();
    await pushOk(app, anja, nieuw('plan', clientId, planFields(clientId), planId));
    return { clientId, planId };
  }

  const record = async (user: TestUser, id: string): Promise<WireRecord> => {
    const r = (await pullAll(app, user)).find((x) => x.id === id);
    if (!r) throw new Error(`record ${id} not pulled`);
    return r;
  };

  async function vaststellen(clientId: string, planId: string, rev: number) {
    return push(app, anja, [
      edit('plan', planId, rev, {
        status: 'vastgesteld',
        akkoord: AKKOORD,
        evaluatiedatum: '2027-05-01',
        vastgesteldOp: VANDAAG,
      }),
    ]).then(([r]) => ({ r, clientId }));
  }

  // --- point 1: routing ---

  it('routes every plan item again and flags a device that decided otherwise', async () => {
    const { clientId, planId } = await clientMetPlan();
    const eerlijk = randomUUID();
    const vals = randomUUID();
    const server = routeringVoor(clientFields());
    const getamperd = { ...server, domein: 'Wlz', financier: null, grondslag: 'Zelf verzonnen' };
    expect(server.domein).not.toBe('Wlz');
    const res = await push(app, anja, [
      nieuw('planItem', clientId, itemFields(planId), eerlijk),
      nieuw(
        'planItem',
        clientId,
        {
          ...itemFields(planId, { routering: getamperd }),
          // A device cannot write the server's fields either.
          serverRoutering: getamperd,
          routeringMelding: null,
        },
        vals,
      ),
    ]);
    expect(res.map((r) => r.status)).toEqual(['applied', 'applied']);
    const ok = await record(anja, eerlijk);
    expect(ok.fields['serverRoutering']).toMatchObject({ domein: server.domein });
    expect(ok.fields['routeringMelding'] ?? null).toBeNull();
    const fout = await record(anja, vals);
    expect(fout.fields['routering']).toMatchObject({ domein: 'Wlz' }); // the device's, kept beside
    expect(fout.fields['serverRoutering']).toMatchObject({
      domein: server.domein,
      financier: { code: 'GM0228' },
      grondslag: server.grondslag,
    });
    expect(fout.fields['routeringMelding']).toMatchObject({ soort: 'afwijkend' });
  });

  it('refuses an inzet code that is not in the catalog', async () => {
    const { clientId, planId } = await clientMetPlan();
    const [r] = await push(app, anja, [
      nieuw('planItem', clientId, itemFields(planId, { inzet: { code: 'NEP-DUUR' } })),
    ]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(r?.status === 'rejected' && r.detail).toMatch(/catalog/);
  });

  it("routes the open plan again when the client's facts change, and says what changed", async () => {
    const { clientId, planId } = await clientMetPlan();
    const itemId = randomUUID();
    await pushOk(app, anja, nieuw('planItem', clientId, itemFields(planId), itemId));
    const voor = await record(anja, itemId);
    const cursor = (await pullAll(app, anja)).reduce((m, r) => Math.max(m, r.rev), 0);
    const client = await record(anja, clientId);
    const metWlz = clientFields({ wlzIndicatie: wlzIndicatie({ leveringsvorm: 'vpt' }) });
    const nu = routeringVoor(metWlz);
    expect(nu.domein).not.toBe(routeringVoor(clientFields()).domein);

    await pushOk(
      app,
      anja,
      edit('client', clientId, client.rev, { wlzIndicatie: metWlz['wlzIndicatie'] }),
    );
    const nieuwer = (await pullAll(app, anja, 1000, cursor)).find((r) => r.id === itemId);
    expect(nieuwer, 'the item comes back in her next pull').toBeDefined();
    expect(nieuwer!.rev).toBeGreaterThan(voor.rev);
    expect(nieuwer!.fields['serverRoutering']).toMatchObject({ domein: nu.domein });
    expect(nieuwer!.fields['routeringMelding']).toMatchObject({
      soort: 'gewijzigd',
      vorig: {
        domein:
          voor.fields['serverRoutering'] &&
          (voor.fields['serverRoutering'] as { domein: string }).domein,
      },
    });
  });

  it('leaves a vastgesteld plan alone when the client changes', async () => {
    const { clientId, planId } = await clientMetPlan();
    const itemId = randomUUID();
    await pushOk(app, anja, nieuw('planItem', clientId, itemFields(planId), itemId));
    const plan = await record(anja, planId);
    expect((await vaststellen(clientId, planId, plan.rev)).r?.status).toBe('applied');
    const voor = await record(anja, itemId);
    const client = await record(anja, clientId);
    await pushOk(
      app,
      anja,
      edit('client', clientId, client.rev, {
        wlzIndicatie: wlzIndicatie({ leveringsvorm: 'vpt' }),
      }),
    );
    expect((await record(anja, itemId)).rev).toBe(voor.rev);
  });

  it("prices with the server's decision, and marks the line where the device differed", async () => {
    const { clientId, planId } = await clientMetPlan();
    const server = routeringVoor(clientFields());
    const getamperd = {
      ...server,
      domein: 'Zvw',
      financier: { soort: 'zorgverzekeraar', code: '7119', naam: 'Nep' },
    };
    const itemId = randomUUID();
    await pushOk(
      app,
      anja,
      nieuw('planItem', clientId, itemFields(planId, { routering: getamperd }), itemId),
    );
    const plan = await record(anja, planId);
    expect((await vaststellen(clientId, planId, plan.rev)).r?.status).toBe('applied');
    const vast = await record(anja, planId);
    const item = await record(anja, itemId);
    const meta = (r: WireRecord) => ({
      id: r.id,
      type: r.type,
      updatedAt: r.updatedAt,
      updatedBy: r.updatedBy,
      deleted: false,
    });
    await pushOk(
      app,
      anja,
      nieuw('planVersie', clientId, {
        planId,
        versie: 1,
        vastgesteldOp: VANDAAG,
        inhoud: {
          plan: { ...vast.fields, ...meta(vast) },
          doelen: [],
          naasten: [],
          // The device's snapshot claims the server agreed: the server routes the items itself.
          items: [
            { ...item.fields, serverRoutering: getamperd, routeringMelding: null, ...meta(item) },
          ],
        },
      }),
    );
    const res = await app.inject({
      method: 'GET',
      url: '/api/coordinator/regels?van=2026-11&tot=2026-12',
      headers: { cookie: cor.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const regels = regelsAntwoordSchema
      .parse(res.json())
      .regels.filter((r) => r.inzetCode === 'HH-SCHOONMAAK');
    expect(regels.length).toBeGreaterThan(0);
    for (const r of regels) {
      expect(r.gerouteerdDomein).toBe(server.domein);
      expect(r.financier).toEqual({ soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' });
      expect(r.routeringAfwijkend).toBe(true);
    }
  });

  // --- point 2: plan rules ---

  it('checks status transitions with the same rules as the device', async () => {
    const { clientId, planId } = await clientMetPlan();
    let plan = await record(anja, planId);
    const [zonderAkkoord] = await push(app, anja, [
      edit('plan', planId, plan.rev, { status: 'vastgesteld', vastgesteldOp: VANDAAG }),
    ]);
    expect(zonderAkkoord).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(zonderAkkoord?.status === 'rejected' && zonderAkkoord.detail).toMatch(
      /akkoord-ontbreekt/,
    );

    // Ter review: vaststellen waits for the reviewer's akkoord.
    const reviewId = randomUUID();
    await pushOk(app, anja, edit('plan', planId, plan.rev, { status: 'ter-review' }));
    await pushOk(
      app,
      anja,
      nieuw(
        'review',
        clientId,
        {
          planId,
          clientId,
          versie: 1,
          casemanagerId: carla.id,
          casemanagerNaam: 'Carla',
          gevraagdDoorNaam: 'Anja',
          gevraagdOp: NU.toISOString(),
          besluit: null,
        },
        reviewId,
      ),
    );
    plan = await record(anja, planId);
    const stel = () =>
      push(app, anja, [
        edit('plan', planId, plan.rev, {
          status: 'vastgesteld',
          akkoord: AKKOORD,
          evaluatiedatum: '2027-05-01',
          vastgesteldOp: VANDAAG,
        }),
      ]);
    const [tijdensReview] = await stel();
    expect(tijdensReview?.status === 'rejected' && tijdensReview.detail).toMatch(/review-loopt/);
    const review = await record(carla, reviewId);
    await pushOk(app, carla, edit('review', reviewId, review.rev, { besluit: 'akkoord' }));
    const [naAkkoord] = await stel();
    expect(naAkkoord?.status).toBe('applied');
  });

  it('keeps a vastgesteld plan, its items and its versie read-only', async () => {
    const { clientId, planId } = await clientMetPlan();
    const itemId = randomUUID();
    await pushOk(app, anja, nieuw('planItem', clientId, itemFields(planId), itemId));
    const plan = await record(anja, planId);
    expect((await vaststellen(clientId, planId, plan.rev)).r?.status).toBe('applied');
    const vast = await record(anja, planId);
    const versieId = randomUUID();
    await pushOk(
      app,
      anja,
      nieuw(
        'planVersie',
        clientId,
        {
          planId,
          versie: 1,
          vastgesteldOp: VANDAAG,
          inhoud: {
            plan: {
              ...vast.fields,
              id: planId,
              type: 'plan',
              updatedAt: vast.updatedAt,
              updatedBy: vast.updatedBy,
              deleted: false,
            },
            doelen: [],
            naasten: [],
            items: [],
          },
        },
        versieId,
      ),
    );
    const versie = await record(anja, versieId);
    const item = await record(anja, itemId);
    const res = await push(app, anja, [
      edit('plan', planId, vast.rev, { hulpvraag: 'Iets anders' }),
      edit('planItem', itemId, item.rev, { omschrijving: 'Iets anders' }),
      { ...edit('planItem', itemId, item.rev, {}), deleted: true },
      nieuw('planItem', clientId, itemFields(planId)),
      nieuw('doel', clientId, { planId, levensdomein: 'meedoen', omschrijving: 'Naar de markt' }),
      edit('planVersie', versieId, versie.rev, { vastgesteldOp: '2020-01-01' }),
      { ...edit('planVersie', versieId, versie.rev, {}), deleted: true },
      edit('plan', planId, vast.rev, { status: 'concept', versie: 1 }),
    ]);
    expect(res.map((r) => r.status)).toEqual(Array(8).fill('rejected'));
    // The one way out: a new concept.
    const [concept] = await push(app, anja, [
      edit('plan', planId, vast.rev, {
        status: 'concept',
        versie: 2,
        akkoord: null,
        vastgesteldOp: null,
      }),
    ]);
    expect(concept?.status).toBe('applied');
    const [weer] = await push(app, anja, [
      edit('planItem', itemId, item.rev, { omschrijving: 'Nu wel' }),
    ]);
    expect(weer?.status).toBe('applied');
  });

  // --- point 3: authorship, time, revisions, devices ---

  it('sets authors, names and times of reviews and comments itself', async () => {
    const { clientId, planId } = await clientMetPlan();
    const plan = await record(anja, planId);
    await pushOk(app, anja, edit('plan', planId, plan.rev, { status: 'ter-review' }));
    const reviewId = randomUUID();
    await pushOk(
      app,
      anja,
      nieuw(
        'review',
        clientId,
        {
          planId,
          clientId,
          versie: 1,
          casemanagerId: carla.id,
          casemanagerNaam: 'Iemand anders',
          gevraagdDoorNaam: 'Niet Anja',
          gevraagdOp: '2001-01-01T00:00:00.000Z',
          besluit: null,
        },
        reviewId,
      ),
    );
    expect((await record(anja, reviewId)).fields).toMatchObject({
      casemanagerNaam: carla.naam,
      gevraagdDoorNaam: anja.naam,
      gevraagdOp: NU.toISOString(),
    });
    const commentId = randomUUID();
    await pushOk(
      app,
      carla,
      nieuw(
        'reviewComment',
        clientId,
        {
          reviewId,
          planId,
          sectie: 'hulpvraag',
          tekst: 'Mooi geformuleerd.',
          auteurId: carla.id,
          auteurNaam: 'De directeur',
          afgehandeld: false,
          aangemaaktOp: '1999-12-31T00:00:00.000Z',
        },
        commentId,
      ),
    );
    const comment = await record(anja, commentId);
    expect(comment.fields).toMatchObject({
      auteurNaam: carla.naam,
      aangemaaktOp: NU.toISOString(),
    });
    // Two comments in one push, on a clock that stands still: the server's times still keep the
    // order she wrote them in (the arrangeur reads them in that order).
    const opVolgorde = [randomUUID(), randomUUID(), randomUUID()];
    const tweede = await push(
      app,
      carla,
      opVolgorde.map((id, i) =>
        nieuw(
          'reviewComment',
          clientId,
          {
            reviewId,
            planId,
            sectie: 'professioneel',
            tekst: `Opmerking ${i + 1}`,
            auteurId: carla.id,
            afgehandeld: false,
          },
          id,
        ),
      ),
    );
    expect(tweede.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const tijden = await Promise.all(
      opVolgorde.map(async (id) => String((await record(anja, id)).fields['aangemaaktOp'])),
    );
    expect(new Set(tijden).size).toBe(3);
    expect([...tijden].sort()).toEqual(tijden);
    // The author changes her own comment (while the review is open: after her besluit the share
    // ends, issue 12 point 8).
    const [eigen] = await push(app, carla, [
      edit('reviewComment', commentId, comment.rev, { tekst: 'Toch anders.' }),
    ]);
    expect(eigen?.status).toBe('applied');
    const review = await record(carla, reviewId);
    await pushOk(
      app,
      carla,
      edit('review', reviewId, review.rev, {
        besluit: 'aanpassen',
        besluitOp: '1999-01-01T00:00:00.000Z',
      }),
    );
    expect((await record(anja, reviewId)).fields['besluitOp']).toBe(NU.toISOString());

    // Only the author changes or deletes her comment; the arrangeur may tick it afgehandeld.
    const nogEens = await push(app, anja, [
      edit('reviewComment', commentId, comment.rev, { tekst: 'Anders gezegd.' }),
      { ...edit('reviewComment', commentId, comment.rev, {}), deleted: true },
      edit('reviewComment', commentId, comment.rev, { auteurNaam: 'Anja' }),
    ]);
    expect(nogEens.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const [afgehandeld] = await push(app, anja, [
      edit('reviewComment', commentId, comment.rev, { afgehandeld: true }),
    ]);
    expect(afgehandeld?.status).toBe('applied');
  });

  it('refuses a createdAt more than 5 minutes after server time, and a baseRev above the rev', async () => {
    const { clientId } = await clientMetPlan();
    const client = await record(anja, clientId);
    const op = (ms: number) => new Date(NU.getTime() + ms).toISOString();
    const res = await push(app, anja, [
      {
        ...edit('client', clientId, client.rev, { huisarts: 'Toekomst' }),
        createdAt: op(10 * 60_000),
      },
      edit('client', clientId, client.rev + 1000, { huisarts: 'Te hoog' }),
      {
        ...edit('client', clientId, client.rev, { huisarts: 'Bijna nu' }),
        createdAt: op(4 * 60_000),
      },
    ]);
    expect(res[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(res[0]?.status === 'rejected' && res[0].detail).toMatch(/createdAt/);
    expect(res[1]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    expect(res[1]?.status === 'rejected' && res[1].detail).toMatch(/baseRev/);
    expect(res[2]?.status).toBe('applied');
  });

  it('binds a device id to the user who first pushed with it', async () => {
    const apparaat = `tablet-${randomUUID()}`;
    const stuur = async (user: TestUser) => {
      const m = { ...newClient(), deviceId: apparaat };
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: user.cookie },
        payload: { deviceId: apparaat, mutations: [m] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return pushResponseSchema.parse(res.json()).results[0];
    };
    expect((await stuur(anja))?.status).toBe('applied');
    expect(await stuur(dirk)).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect((await stuur(anja))?.status).toBe('applied');
  });

  // --- point 4: what the coordinator sees ---

  it('names financiers and grondslag from reference data and cleans the override reason', async () => {
    const clientId = randomUUID();
    const planId = randomUUID();
    const client = clientInvoer({ voornaam: 'Geertruida', achternaam: 'Zwanenburg' });
    const naaste = 'Bartholomeus';
    const server = routeringVoor(clientFields());
    const reden =
      `Afgesproken met Ge\u00ADert\u200Bruida en zoon ${naaste} (bartholomeus@voorbeeld.nl, ` +
      `06-12 34 56 78), geb. 15 maart 1942 / 15-3-42, BSN 111.222.333, Dorpsstraat 12a, 6711\u200BAB.`;
    const item = {
      id: randomUUID(),
      type: 'planItem',
      planId,
      stap: 'professioneel',
      omschrijving: 'Schoonmaak',
      inzet,
      routering: {
        ...server,
        grondslag: 'Verzonnen grondslag',
        financier: { soort: 'gemeente', code: 'GM0228', naam: 'Nep Holding BV' },
      },
      override: { domein: 'Zvw', reden },
      updatedAt: NU.toISOString(),
      updatedBy: anja.id,
      deleted: false,
    };
    await t.store.transaction(async (tx) => {
      await lockRecordWrites(tx);
      const schrijf = async (id: string, type: string, fields: Record<string, unknown>) => {
        const rev = await nextRev(tx);
        await writeRecord(tx, {
          id,
          type,
          clientId,
          fields,
          fieldRevs: {},
          rev,
          updatedAt: NU.toISOString(),
          updatedBy: anja.id,
          deleted: false,
        });
      };
      await schrijf(clientId, 'client', { ...client, bsn: '111222333' });
      await schrijf(randomUUID(), 'naaste', { clientId, naam: naaste, relatie: 'zoon' });
      await schrijf(planId, 'plan', planFields(clientId, { status: 'vastgesteld' }));
      await schrijf(randomUUID(), 'planVersie', {
        planId,
        versie: 1,
        vastgesteldOp: '2026-11-01',
        inhoud: { plan: {}, doelen: [], naasten: [], items: [item] },
      });
      // Written beside the push: kept up to date as every server-side writer does (issue 13.5).
      await werkKostenBij(tx, [clientId]);
    });
    const res = await app.inject({
      method: 'GET',
      url: '/api/coordinator/overrides?van=2026-11&tot=2026-11',
      headers: { cookie: cor.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = overridesAntwoordSchema
      .parse(res.json())
      .overrides.find((x) => x.reden.startsWith('Afgesproken met'));
    expect(o).toBeDefined();
    expect(o!.grondslag).toBe(server.grondslag);
    expect(o!.gerouteerdeFinancier).toEqual({
      soort: 'gemeente',
      code: 'GM0228',
      naam: 'Gemeente Ede',
    });
    for (const geheim of [
      'Geertruida',
      'Bartholomeus',
      'voorbeeld.nl',
      '12 34 56',
      'maart 1942',
      '15-3-42',
      '111.222.333',
      'Dorpsstraat',
      '6711',
    ]) {
      expect(o!.reden, geheim).not.toContain(geheim);
    }
  });
});
