/**
 * Plan review over sync (issue 6, point 1), on both stores: the arrangeur's new review shares the
 * client with the casemanager asked; the casemanager then writes only her own comments and her
 * besluit; nobody else gets any further than before. Plus GET /api/casemanagers per role.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { casemanagersResponseSchema } from '../../src/sync/protocol/casemanagers.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import type { WireRecord } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import {
  count,
  edit,
  mutation,
  newClient,
  pull,
  pullAll,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

const GEVRAAGD = '2026-11-23T09:00:00.000Z';

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

const planFields = (clientId: string) => ({
  clientId,
  hulpvraag: 'Zelfstandig thuis blijven wonen.',
  status: 'concept',
  versie: 1,
  ladderToelichting: null,
  akkoord: null,
  evaluatiedatum: null,
  vastgesteldOp: null,
});

function reviewFields(
  clientId: string,
  planId: string,
  casemanager: Pick<TestUser, 'id' | 'naam'>,
  over: Record<string, unknown> = {},
) {
  return {
    planId,
    clientId,
    versie: 1,
    casemanagerId: casemanager.id,
    casemanagerNaam: casemanager.naam,
    gevraagdDoorNaam: 'Anja',
    gevraagdOp: GEVRAAGD,
    vraag: 'Klopt de inzet?',
    besluit: null,
    besluitOp: null,
    besluitToelichting: null,
    ...over,
  };
}

function commentFields(
  reviewId: string,
  planId: string,
  auteur: Pick<TestUser, 'id' | 'naam'>,
  over: Record<string, unknown> = {},
) {
  return {
    reviewId,
    planId,
    sectie: 'professioneel',
    itemId: null,
    tekst: 'Waarom geen dagbesteding?',
    auteurId: auteur.id,
    auteurNaam: auteur.naam,
    afgehandeld: false,
    aangemaaktOp: '2026-11-23T10:00:00.000Z',
    ...over,
  };
}

const ids = (records: readonly WireRecord[]) => records.map((r) => r.id);

describe.each(STORE_KINDS)('plan review over sync on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anja: TestUser; // arrangeur with the client in her caseload
  let bert: TestUser; // another arrangeur
  let carla: TestUser; // casemanager asked to review
  let cees: TestUser; // another casemanager
  let coordinator: TestUser;
  let beheerder: TestUser;
  const clientId = randomUUID();
  const planId = randomUUID();
  const doelId = randomUUID();
  const reviewId = randomUUID();
  let carlaCursor = 0;
  let anjaCursor = 0;
  let commentId: string;
  let reviewRev = 0;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    anja = await userWithSession(t.store, 'arrangeur', 'Anja');
    bert = await userWithSession(t.store, 'arrangeur', 'Bert');
    carla = await userWithSession(t.store, 'casemanager', 'Carla');
    cees = await userWithSession(t.store, 'casemanager', 'Cees');
    coordinator = await userWithSession(t.store, 'coordinator', 'Coen');
    beheerder = await userWithSession(t.store, 'beheerder', 'Beheer');
    await pushOk(app, anja, newClient(clientId));
    await pushOk(app, anja, nieuw('plan', clientId, planFields(clientId), planId));
    await pushOk(
      app,
      anja,
      nieuw(
        'doel',
        clientId,
        { planId, levensdomein: 'zingeving', omschrijving: 'Weer naar de kerk.' },
        doelId,
      ),
    );
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  describe('GET /api/casemanagers', () => {
    const vraag = (user?: TestUser) =>
      app.inject({
        method: 'GET',
        url: '/api/casemanagers',
        headers: user ? { cookie: user.cookie } : {},
      });

    it('lists active casemanagers (not yourself) to arrangeur and casemanager only', async () => {
      const slapend = await userWithSession(t.store, 'casemanager', 'Slapend');
      await t.store.query('UPDATE gebruikers SET actief = false WHERE id = $1', [slapend.id]);

      const voorAnja = await vraag(anja);
      expect(voorAnja.statusCode).toBe(200);
      expect(casemanagersResponseSchema.parse(voorAnja.json())).toEqual({
        casemanagers: [
          { id: carla.id, naam: 'Carla' },
          { id: cees.id, naam: 'Cees' },
        ],
      });
      // Nothing beyond id and naam leaves the server.
      expect(Object.keys(voorAnja.json().casemanagers[0]).sort()).toEqual(['id', 'naam']);
      const voorCarla = casemanagersResponseSchema.parse((await vraag(carla)).json());
      expect(voorCarla.casemanagers).toEqual([{ id: cees.id, naam: 'Cees' }]);

      expect((await vraag(coordinator)).statusCode).toBe(403);
      expect((await vraag(beheerder)).statusCode).toBe(403);
      expect((await vraag()).statusCode).toBe(401);
    });
  });

  describe('sending ter review', () => {
    it('rejects a review naming an unknown user or someone who is no casemanager', async () => {
      const voor = await count(t.store, 'review_deling');
      const [onbekend, geenCm] = await push(app, anja, [
        nieuw('review', clientId, reviewFields(clientId, planId, { id: randomUUID(), naam: 'X' })),
        nieuw('review', clientId, reviewFields(clientId, planId, bert)),
      ]);
      expect(onbekend).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(onbekend?.status === 'rejected' && onbekend.detail).toMatch(/casemanagerId/);
      expect(geenCm).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(geenCm?.status === 'rejected' && geenCm.detail).toMatch(/not a casemanager/);
      // A review must belong to its plan's client.
      const ander = randomUUID();
      await pushOk(app, anja, newClient(ander));
      const [verkeerdeClient, verkeerdPlan] = await push(app, anja, [
        nieuw('review', clientId, reviewFields(ander, planId, carla)),
        nieuw('review', ander, reviewFields(ander, planId, carla)),
      ]);
      expect(verkeerdeClient).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(verkeerdeClient?.status === 'rejected' && verkeerdeClient.detail).toMatch(/clientId/);
      expect(verkeerdPlan).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(verkeerdPlan?.status === 'rejected' && verkeerdPlan.detail).toMatch(/planId/);
      expect(await count(t.store, 'review_deling')).toBe(voor);
      expect(await count(t.store, "records WHERE type = 'review'")).toBe(0);
    });

    it('refuses a review created with a besluit by the arrangeur (no forged akkoord)', async () => {
      const [r] = await push(app, anja, [
        nieuw(
          'review',
          clientId,
          reviewFields(clientId, planId, carla, { besluit: 'akkoord', besluitOp: GEVRAAGD }),
        ),
      ]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });

    it('shares the client with the casemanager, whose pull then brings plan and review', async () => {
      carlaCursor = (await pull(app, carla, 0)).nextCursor;
      expect(ids(await pullAll(app, carla))).not.toContain(clientId);
      anjaCursor = (await pull(app, anja, 0)).nextCursor;

      const [status, review] = await push(app, anja, [
        edit('plan', planId, undefined, { status: 'ter-review' }),
        nieuw('review', clientId, reviewFields(clientId, planId, carla), reviewId),
      ]);
      expect(status).toMatchObject({ status: 'applied' });
      expect(review).toMatchObject({ status: 'applied' });
      reviewRev = review?.status === 'applied' ? review.rev : 0;

      const gekregen = await pullAll(app, carla, 1000, carlaCursor);
      expect(ids(gekregen)).toEqual(expect.arrayContaining([clientId, planId, doelId, reviewId]));
      const reviewRecord = gekregen.find((r) => r.id === reviewId);
      expect(reviewRecord).toMatchObject({ type: 'review', clientId, rev: reviewRev });
      expect(reviewRecord?.fields).toMatchObject({ casemanagerId: carla.id, besluit: null });
      expect(gekregen.find((r) => r.id === planId)?.fields['status']).toBe('ter-review');
      carlaCursor = Math.max(...gekregen.map((r) => r.rev));

      expect(
        await count(t.store, 'review_deling WHERE casemanager_id = $1 AND client_id = $2', [
          carla.id,
          clientId,
        ]),
      ).toBe(1);
      expect(
        await count(
          t.store,
          'toegang_log WHERE gebruiker_id = $1 AND actie = $2 AND client_id = $3',
          [anja.id, 'review:gedeeld', clientId],
        ),
      ).toBe(1);
      // Another casemanager still sees nothing of this client.
      expect(ids(await pullAll(app, cees))).not.toContain(clientId);
    });
  });

  describe('the casemanager reviewing', () => {
    it('pushes her comment, and the arrangeur pulls it', async () => {
      const comment = nieuw('reviewComment', clientId, commentFields(reviewId, planId, carla));
      commentId = comment.recordId;
      const [c] = await push(app, carla, [comment]);
      expect(c).toMatchObject({ status: 'applied' });

      const gekregen = await pullAll(app, anja, 1000, anjaCursor);
      const terug = gekregen.find((r) => r.id === commentId);
      expect(terug).toMatchObject({ type: 'reviewComment', clientId, updatedBy: carla.id });
      expect(terug?.fields).toMatchObject({
        tekst: 'Waarom geen dagbesteding?',
        auteurId: carla.id,
      });
      anjaCursor = Math.max(...gekregen.map((r) => r.rev));

      // She may edit the text of her own comment, and delete it.
      const [tekst] = await push(app, carla, [
        edit('reviewComment', commentId, undefined, {
          tekst: 'Waarom geen dagbesteding? Graag uitleg.',
        }),
      ]);
      expect(tekst).toMatchObject({ status: 'applied' });
    });

    it('cannot write the plan, its items or anything but her own comments and besluit', async () => {
      const results = await push(app, carla, [
        edit('plan', planId, undefined, { hulpvraag: 'Anders' }),
        edit('plan', planId, undefined, { status: 'vastgesteld' }),
        edit('doel', doelId, undefined, { omschrijving: 'Anders' }),
        nieuw('planItem', clientId, {
          planId,
          stap: 'eigen-kracht',
          omschrijving: 'Zelf koken',
        }),
        // A comment under Anja's name, or one marked afgehandeld.
        nieuw('reviewComment', clientId, commentFields(reviewId, planId, anja)),
        nieuw(
          'reviewComment',
          clientId,
          commentFields(reviewId, planId, carla, { afgehandeld: true }),
        ),
        // Her own comment: not afgehandeld, not another author.
        edit('reviewComment', commentId, undefined, { afgehandeld: true }),
        edit('reviewComment', commentId, undefined, { auteurId: anja.id }),
        // The review beyond the besluit, and a new review.
        edit('review', reviewId, undefined, { vraag: 'Iets anders' }),
        edit('review', reviewId, undefined, { casemanagerId: cees.id }),
        nieuw('review', clientId, reviewFields(clientId, planId, carla)),
        mutation({
          recordType: 'review',
          recordId: reviewId as Mutation['recordId'],
          deleted: true,
        }),
      ]);
      for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      const review = (await pullAll(app, anja, 1000, anjaCursor)).find((r) => r.id === reviewId);
      expect(review).toBeUndefined(); // nothing changed, so nothing new to pull
    });

    it('cannot decide on a review addressed to another casemanager, nor touch its comments', async () => {
      const voorCees = randomUUID();
      await pushOk(
        app,
        anja,
        nieuw('review', clientId, reviewFields(clientId, planId, cees), voorCees),
      );
      const ceesComment = nieuw('reviewComment', clientId, commentFields(voorCees, planId, cees));
      await pushOk(app, cees, ceesComment);
      const [besluit, comment, edited] = await push(app, carla, [
        edit('review', voorCees, undefined, { besluit: 'akkoord', besluitOp: GEVRAAGD }),
        nieuw('reviewComment', clientId, commentFields(voorCees, planId, carla)),
        edit('reviewComment', ceesComment.recordId, undefined, { tekst: 'Overschreven' }),
      ]);
      expect(besluit).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      expect(besluit?.status === 'rejected' && besluit.detail).toMatch(/someone else/);
      expect(comment).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      expect(edited).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      // The arrangeur cannot decide for a casemanager either.
      const [vals] = await push(app, anja, [
        edit('review', voorCees, undefined, { besluit: 'akkoord', besluitOp: GEVRAAGD }),
      ]);
      expect(vals).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });
  });

  describe('the arrangeur handling comments', () => {
    it('marks a comment afgehandeld, but cannot change its author', async () => {
      const [klaar, auteur] = await push(app, anja, [
        edit('reviewComment', commentId, undefined, { afgehandeld: true }),
        edit('reviewComment', commentId, undefined, { auteurId: anja.id }),
      ]);
      expect(klaar).toMatchObject({ status: 'applied' });
      expect(auteur).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      const gezien = (await pullAll(app, carla, 1000, carlaCursor)).find((r) => r.id === commentId);
      expect(gezien?.fields).toMatchObject({ afgehandeld: true, auteurId: carla.id });
    });

    it("takes a comment about an item of this plan, not one about another client's item", async () => {
      const bertClient = randomUUID();
      const bertPlan = randomUUID();
      const bertDoel = randomUUID();
      await pushOk(app, bert, newClient(bertClient));
      await pushOk(app, bert, nieuw('plan', bertClient, planFields(bertClient), bertPlan));
      await pushOk(
        app,
        bert,
        nieuw(
          'doel',
          bertClient,
          { planId: bertPlan, levensdomein: 'meedoen', omschrijving: 'Naar de club.' },
          bertDoel,
        ),
      );
      const [eigen, vreemd, geenItem] = await push(app, carla, [
        nieuw(
          'reviewComment',
          clientId,
          commentFields(reviewId, planId, carla, { itemId: doelId }),
        ),
        nieuw(
          'reviewComment',
          clientId,
          commentFields(reviewId, planId, carla, { itemId: bertDoel }),
        ),
        nieuw(
          'reviewComment',
          clientId,
          commentFields(reviewId, planId, carla, { itemId: reviewId }),
        ),
      ]);
      expect(eigen).toMatchObject({ status: 'applied' });
      expect(vreemd).toMatchObject({ status: 'rejected', reason: 'invalid' });
      expect(vreemd?.status === 'rejected' && vreemd.detail).toMatch(/another client/);
      expect(geenItem).toMatchObject({ status: 'rejected', reason: 'invalid' });
    });

    it('rejects a comment on a review of another plan', async () => {
      const [r] = await push(app, anja, [
        nieuw('reviewComment', clientId, commentFields(reviewId, randomUUID(), anja)),
      ]);
      expect(r).toMatchObject({ status: 'rejected', reason: 'invalid' });
    });
  });

  // Issue 12, point 8: a review share lasts while the review is open.
  describe('the review share ends', () => {
    it('when she decides: the arrangeur pulls the besluit, her next pull revokes the client', async () => {
      const voor = await pull(app, carla, 0);
      const cursor = (await pullAll(app, carla)).reduce((m, r) => Math.max(m, r.rev), 0);
      expect(voor.ingetrokken).toEqual([]);
      // She decides on the review as her device pulled it (its rev as the base).
      const gezien = (await pullAll(app, carla)).find((r) => r.id === reviewId);
      const [b] = await push(app, carla, [
        edit('review', reviewId, gezien?.rev, {
          besluit: 'aanpassen',
          besluitOp: '2026-11-23T11:00:00.000Z',
          besluitToelichting: 'Zie mijn opmerking.',
        }),
      ]);
      expect(b).toMatchObject({ status: 'applied', conflicts: 0 });
      const review = (await pullAll(app, anja, 1000, anjaCursor)).find((r) => r.id === reviewId);
      expect(review?.fields).toMatchObject({
        besluit: 'aanpassen',
        besluitToelichting: 'Zie mijn opmerking.',
        casemanagerId: carla.id,
        vraag: 'Klopt de inzet?',
      });

      const na = await pull(app, carla, cursor);
      expect(na.ingetrokken).toEqual([clientId]);
      expect(na.records.filter((r) => r.clientId === clientId)).toEqual([]);
      // Told once: the cursor has passed it.
      expect((await pull(app, carla, na.nextCursor)).ingetrokken).toEqual([]);
      // Her access is gone: no more comments, nothing of the client in a fresh pull.
      const [later] = await push(app, carla, [
        edit('reviewComment', commentId, undefined, { tekst: 'Nog iets.' }),
      ]);
      expect(later).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      expect((await pullAll(app, carla)).some((r) => r.clientId === clientId)).toBe(false);
      expect(
        await count(
          t.store,
          "toegang_log WHERE gebruiker_id = $1 AND actie = 'review:deling-beeindigd' AND client_id = $2",
          [carla.id, clientId],
        ),
      ).toBe(1);
    });

    it('when the arrangeur withdraws it: plan back to concept without besluit', async () => {
      // Cees was asked too (an open review, no besluit) and still reads the client.
      const cursor = (await pull(app, cees, 0, 1000)).nextCursor;
      expect((await pullAll(app, cees)).some((r) => r.id === clientId)).toBe(true);
      await pushOk(app, anja, edit('plan', planId, undefined, { status: 'concept' }));
      const na = await pull(app, cees, cursor);
      expect(na.ingetrokken).toEqual([clientId]);
      expect((await pullAll(app, cees)).some((r) => r.clientId === clientId)).toBe(false);
      // Anja keeps her caseload access.
      expect((await pullAll(app, anja)).some((r) => r.id === clientId)).toBe(true);
    });
  });

  describe.each(['coordinator', 'beheerder', 'bert'] as const)('%s', (wie) => {
    const user = () => ({ coordinator, beheerder, bert })[wie];

    it('cannot write a review or a comment, nor read them', async () => {
      const results = await push(app, user(), [
        nieuw('review', clientId, reviewFields(clientId, planId, carla)),
        nieuw('reviewComment', clientId, commentFields(reviewId, planId, user())),
        edit('review', reviewId, undefined, { besluit: 'akkoord', besluitOp: GEVRAAGD }),
        edit('reviewComment', commentId, undefined, { afgehandeld: false }),
      ]);
      for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      const records = await pullAll(app, user());
      expect(records.filter((r) => r.clientId === clientId)).toEqual([]);
    });
  });
});
