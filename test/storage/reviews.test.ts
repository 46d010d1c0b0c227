import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutationSchema } from '../../src/domain/model/record.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending } from '../../src/storage/outbox.ts';
import {
  getPlan,
  nieuwConcept,
  stelPlanVast,
  updatePlan,
  type Result,
} from '../../src/storage/repositories/plans.ts';
import {
  deleteReviewComment,
  geefBesluit,
  getReview,
  listReviewComments,
  listReviews,
  openCommentsPerClient,
  REVIEW_MELDING,
  reviewStandPerClient,
  reviewsVoor,
  saveReviewComment,
  stuurTerReview,
  terugNaarConcept,
  trekReviewIn,
  zetAfgehandeld,
} from '../../src/storage/repositories/reviews.ts';
import { maakPlanMetItems } from '../fixtures/plans.ts';

const ANJA = '00000000-0000-4000-8000-00000000a001';
const CARLA = '00000000-0000-4000-8000-00000000c001';
const CEES = '00000000-0000-4000-8000-00000000c002';
const ARR = { updatedBy: ANJA, naam: 'Anja de Vries', now: new Date('2026-11-23T09:00:00Z') };
const CM = { updatedBy: CARLA, naam: 'Carla Smit', now: new Date('2026-11-23T10:00:00Z') };
const CM2 = { updatedBy: CEES, naam: 'Cees Bos', now: new Date('2026-11-23T10:30:00Z') };
const CARLA_KEUZE = { id: CARLA, naam: 'Carla Smit' };
const AKKOORD = { datum: '2026-11-20', wijze: 'handtekening', door: 'client' } as const;

let db: ArrangeurDB;
beforeEach(() => {
  db = openDb(`reviews-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

async function laatsteSeq() {
  return (await db.outbox.orderBy('seq').last())?.seq ?? 0;
}
async function rijenNa(vanaf: number) {
  return (await pending(db)).filter((r) => r.seq! > vanaf);
}

async function planTerReview(over: { client?: { achternaam: string } } = {}) {
  const m = await maakPlanMetItems(db, 6, { updatedBy: ANJA, now: ARR.now, ...over });
  const review = ok(await stuurTerReview(db, ARR, m.plan.id, CARLA_KEUZE, 'Klopt de inzet?'));
  return { ...m, review };
}

describe('stuurTerReview', () => {
  it('sets the plan ter-review and makes the review, with both mutations in one go', async () => {
    const m = await maakPlanMetItems(db, 2, { updatedBy: ANJA, now: ARR.now });
    const voor = await laatsteSeq();
    const review = ok(await stuurTerReview(db, ARR, m.plan.id, CARLA_KEUZE, '  Klopt dit?  '));
    expect(review).toMatchObject({
      type: 'review',
      planId: m.plan.id,
      clientId: m.client.id,
      versie: 1,
      casemanagerId: CARLA,
      casemanagerNaam: 'Carla Smit',
      gevraagdDoorNaam: 'Anja de Vries',
      gevraagdOp: '2026-11-23T09:00:00.000Z',
      vraag: 'Klopt dit?',
      besluit: null,
      updatedBy: ANJA,
      deleted: false,
    });
    expect((await getPlan(db, m.plan.id))?.status).toBe('ter-review');
    const rijen = await rijenNa(voor);
    expect(rijen.map((r) => [r.op, r.recordType])).toEqual([
      ['update', 'plan'],
      ['create', 'review'],
    ]);
    for (const r of rijen) expect(mutationSchema.parse(r)).toBeTruthy();
    expect(rijen[0]!.fields).toEqual({ status: 'ter-review' });
    expect(rijen[0]!.clientId).toBe(m.client.id);
    expect(rijen[1]).toMatchObject({ recordId: review.id, clientId: m.client.id });
    expect(rijen[1]!.fields).toEqual({
      planId: m.plan.id,
      clientId: m.client.id,
      versie: 1,
      casemanagerId: CARLA,
      casemanagerNaam: 'Carla Smit',
      gevraagdDoorNaam: 'Anja de Vries',
      gevraagdOp: '2026-11-23T09:00:00.000Z',
      vraag: 'Klopt dit?',
      besluit: null,
      besluitOp: null,
      besluitToelichting: null,
    });
    expect(await listReviews(db, m.plan.id)).toEqual([review]);
    expect(await reviewsVoor(db, CARLA)).toEqual([review]);
    expect(await reviewsVoor(db, CEES)).toEqual([]);
  });

  it('writes nothing for invalid input or a plan that is not a concept', async () => {
    const m = await maakPlanMetItems(db, 6, { updatedBy: ANJA, now: ARR.now });
    const voor = await laatsteSeq();
    const geenCm = await stuurTerReview(db, ARR, m.plan.id, { id: 'carla', naam: '' });
    expect(geenCm.ok).toBe(false);
    if (!geenCm.ok) {
      expect(geenCm.issues.map((i) => i.path).sort()).toEqual(['casemanagerId', 'casemanagerNaam']);
      expect(geenCm.issues[0]!.message).toBe('Kies een casemanager.');
    }
    const teLang = await stuurTerReview(db, ARR, m.plan.id, CARLA_KEUZE, 'x'.repeat(1001));
    expect(teLang).toMatchObject({ ok: false, issues: [{ path: 'vraag' }] });
    const onbekend = await stuurTerReview(db, ARR, crypto.randomUUID(), CARLA_KEUZE);
    expect(onbekend).toMatchObject({
      ok: false,
      issues: [{ message: REVIEW_MELDING.planOnbekend }],
    });
    expect(await rijenNa(voor)).toHaveLength(0);
    expect(await db.reviews.count()).toBe(0);
    expect((await getPlan(db, m.plan.id))?.status).toBe('concept');

    ok(await stuurTerReview(db, ARR, m.plan.id, CARLA_KEUZE));
    const nogEens = await stuurTerReview(db, ARR, m.plan.id, CARLA_KEUZE);
    expect(nogEens).toMatchObject({ ok: false, issues: [{ code: 'al-ter-review' }] });

    // Vastgesteld: only a new concept can go ter review.
    const ander = await maakPlanMetItems(db, 6, { updatedBy: ANJA, now: ARR.now });
    ok(
      await updatePlan(db, ander.plan.id, { akkoord: AKKOORD, evaluatiedatum: '2027-05-20' }, ARR),
    );
    ok(await stelPlanVast(db, ander.plan.id, { ...ARR, vandaag: '2026-11-23' }));
    const vast = await stuurTerReview(db, ARR, ander.plan.id, CARLA_KEUZE);
    expect(vast).toMatchObject({ ok: false, issues: [{ code: 'niet-concept', path: 'status' }] });
    expect(await db.reviews.count()).toBe(1);
  });
});

describe('terugNaarConcept / trekReviewIn', () => {
  it('moves ter-review back to concept with a status-only mutation; refuses a concept', async () => {
    const { plan, review } = await planTerReview();
    const voor = await laatsteSeq();
    const terug = ok(await trekReviewIn(db, ARR, plan.id));
    expect(terug.status).toBe('concept');
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(rij).toMatchObject({ op: 'update', recordType: 'plan', fields: { status: 'concept' } });
    // The review stays (history), but nobody waits for it any more.
    expect(await getReview(db, review.id)).toEqual(review);
    expect((await reviewStandPerClient(db)).get(plan.clientId)?.status).toBe('geen');

    const weer = await terugNaarConcept(db, ARR, plan.id);
    expect(weer).toMatchObject({ ok: false, issues: [{ code: 'niet-ter-review' }] });
    expect(await rijenNa(voor)).toHaveLength(1);
  });
});

describe('geefBesluit', () => {
  it('writes only the besluit fields, by the casemanager asked', async () => {
    const { plan, review } = await planTerReview();
    const voor = await laatsteSeq();
    const besloten = ok(await geefBesluit(db, CM, review.id, 'aanpassen', 'Zie opmerkingen.'));
    expect(besloten).toMatchObject({
      ...review,
      besluit: 'aanpassen',
      besluitOp: '2026-11-23T10:00:00.000Z',
      besluitToelichting: 'Zie opmerkingen.',
      updatedAt: '2026-11-23T10:00:00.000Z',
      updatedBy: CARLA,
    });
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(rij).toMatchObject({ op: 'update', recordType: 'review', clientId: plan.clientId });
    expect(rij!.fields).toEqual({
      besluit: 'aanpassen',
      besluitOp: '2026-11-23T10:00:00.000Z',
      besluitToelichting: 'Zie opmerkingen.',
    });
    expect((await reviewStandPerClient(db)).get(plan.clientId)).toMatchObject({
      status: 'aanpassen',
      laatste: { id: review.id },
      open: 0,
    });

    // She may change her mind while the plan is ter review; the toelichting is cleared.
    ok(
      await geefBesluit(db, { ...CM, now: new Date('2026-11-23T10:10:00Z') }, review.id, 'akkoord'),
    );
    const [tweede] = await rijenNa((await laatsteSeq()) - 1);
    expect(tweede!.fields).toEqual({
      besluit: 'akkoord',
      besluitOp: '2026-11-23T10:10:00.000Z',
      besluitToelichting: null,
    });
  });

  it('refuses another user, an unknown besluit, and a closed review, writing nothing', async () => {
    const { plan, review } = await planTerReview();
    const voor = await laatsteSeq();
    expect(await geefBesluit(db, CM2, review.id, 'akkoord')).toMatchObject({
      ok: false,
      issues: [{ message: REVIEW_MELDING.nietGevraagd }],
    });
    expect(await geefBesluit(db, ARR, review.id, 'akkoord')).toMatchObject({ ok: false });
    const raar = await geefBesluit(db, CM, review.id, 'misschien' as 'akkoord');
    expect(raar).toMatchObject({ ok: false, issues: [{ message: 'Kies akkoord of aanpassen.' }] });
    expect(await geefBesluit(db, CM, crypto.randomUUID(), 'akkoord')).toMatchObject({ ok: false });
    ok(await terugNaarConcept(db, ARR, plan.id));
    const na = await laatsteSeq();
    expect(await geefBesluit(db, CM, review.id, 'akkoord')).toMatchObject({
      ok: false,
      issues: [{ message: REVIEW_MELDING.reviewAfgesloten }],
    });
    expect(await rijenNa(na)).toHaveLength(0);
    expect((await rijenNa(voor)).map((r) => r.recordType)).toEqual(['plan']);
    expect((await getReview(db, review.id))?.besluit).toBeNull();
  });
});

describe('vaststellen with a review', () => {
  it('is refused while waiting, allowed from ter-review after akkoord', async () => {
    const { plan, review } = await planTerReview();
    ok(await updatePlan(db, plan.id, { akkoord: AKKOORD, evaluatiedatum: '2027-05-20' }, ARR));
    const wacht = await stelPlanVast(db, plan.id, { ...ARR, vandaag: '2026-11-23' });
    expect(wacht).toMatchObject({ ok: false, issues: [{ code: 'review-loopt', path: 'status' }] });
    ok(await geefBesluit(db, CM, review.id, 'aanpassen'));
    const aanpassen = await stelPlanVast(db, plan.id, { ...ARR, vandaag: '2026-11-23' });
    expect(aanpassen).toMatchObject({ ok: false, issues: [{ code: 'review-loopt' }] });
    ok(await geefBesluit(db, CM, review.id, 'akkoord'));
    const vast = ok(await stelPlanVast(db, plan.id, { ...ARR, vandaag: '2026-11-23' }));
    expect(vast.status).toBe('vastgesteld');
    // A new concept is versie 2: the old review no longer counts for it.
    const nieuw = ok(await nieuwConcept(db, plan.id, ARR));
    expect((await reviewStandPerClient(db)).get(nieuw.clientId)?.status).toBe('geen');
  });
});

describe('review comments', () => {
  it('creates a comment with an outbox row of every field, and edits only own text', async () => {
    const { plan, review, items } = await planTerReview();
    const voor = await laatsteSeq();
    const comment = ok(
      await saveReviewComment(db, CM, {
        reviewId: review.id,
        planId: plan.id,
        sectie: 'professioneel',
        itemId: items[5]!.id,
        tekst: ' Waarom geen dagbesteding? ',
      }),
    );
    expect(comment).toMatchObject({
      type: 'reviewComment',
      tekst: 'Waarom geen dagbesteding?',
      auteurId: CARLA,
      auteurNaam: 'Carla Smit',
      afgehandeld: false,
      aangemaaktOp: '2026-11-23T10:00:00.000Z',
    });
    expect((await db.reviewComments.get(comment.id))?.openstaand).toBe(1);
    const [rij] = await rijenNa(voor);
    expect(rij).toMatchObject({
      op: 'create',
      recordType: 'reviewComment',
      clientId: plan.clientId,
    });
    expect(Object.keys(rij!.fields).sort()).toEqual(
      [
        'aangemaaktOp',
        'afgehandeld',
        'auteurId',
        'auteurNaam',
        'itemId',
        'planId',
        'reviewId',
        'sectie',
        'tekst',
      ].sort(),
    );
    expect(rij!.fields).not.toHaveProperty('openstaand');

    const na = await laatsteSeq();
    const bewerkt = ok(
      await saveReviewComment(
        db,
        { ...CM, now: new Date('2026-11-23T11:00:00Z') },
        { reviewId: review.id, planId: plan.id, sectie: 'professioneel', tekst: 'Anders.' },
        comment.id,
      ),
    );
    expect(bewerkt.aangemaaktOp).toBe(comment.aangemaaktOp);
    const [edit, ...meer] = await rijenNa(na);
    expect(meer).toHaveLength(0);
    expect(edit).toMatchObject({ op: 'update', fields: { tekst: 'Anders.', itemId: null } });

    // Someone else may not edit or delete it; empty text is refused. Nothing is written.
    const vreemd = await saveReviewComment(
      db,
      ARR,
      { reviewId: review.id, planId: plan.id, sectie: 'hulpvraag', tekst: 'Nee' },
      comment.id,
    );
    expect(vreemd).toMatchObject({ ok: false, issues: [{ message: REVIEW_MELDING.nietVanU }] });
    expect(await deleteReviewComment(db, ARR, comment.id)).toMatchObject({ ok: false });
    const leeg = await saveReviewComment(db, CM, {
      reviewId: review.id,
      planId: plan.id,
      sectie: 'hulpvraag',
      tekst: '   ',
    });
    expect(leeg).toMatchObject({
      ok: false,
      issues: [{ path: 'tekst', message: 'Schrijf een opmerking.' }],
    });
    const fouteSectie = await saveReviewComment(db, CM, {
      reviewId: review.id,
      planId: plan.id,
      sectie: 'iets' as 'hulpvraag',
      tekst: 'x',
    });
    expect(fouteSectie).toMatchObject({ ok: false, issues: [{ message: 'Kies een onderdeel.' }] });
    const anderPlan = await saveReviewComment(db, CM, {
      reviewId: review.id,
      planId: crypto.randomUUID(),
      sectie: 'hulpvraag',
      tekst: 'x',
    });
    expect(anderPlan).toMatchObject({
      ok: false,
      issues: [{ message: REVIEW_MELDING.reviewAnderPlan }],
    });
    expect(await rijenNa(na)).toHaveLength(1);

    ok(await deleteReviewComment(db, CM, comment.id));
    const [weg] = await rijenNa(na + 1);
    expect(weg).toMatchObject({ op: 'delete', deleted: true, fields: {}, clientId: plan.clientId });
    expect(await listReviewComments(db, plan.id)).toEqual([]);
  });

  it('counts open comments per client; afgehandeld by the arrangeur only', async () => {
    const a = await planTerReview({ client: { achternaam: 'Aa' } });
    const b = await planTerReview({ client: { achternaam: 'Bee' } });
    const zeg = async (r: typeof a, tekst: string, wie = CM) =>
      ok(
        await saveReviewComment(db, wie, {
          reviewId: r.review.id,
          planId: r.plan.id,
          sectie: 'hulpvraag',
          tekst,
        }),
      );
    const a1 = await zeg(a, 'een');
    const a2 = await zeg(a, 'twee', { ...CM, now: new Date('2026-11-23T10:05:00Z') });
    const b1 = await zeg(b, 'drie');
    expect(await openCommentsPerClient(db)).toEqual(
      new Map([
        [a.client.id, 2],
        [b.client.id, 1],
      ]),
    );
    expect((await listReviewComments(db, a.plan.id)).map((c) => c.tekst)).toEqual(['een', 'twee']);

    // The reviewer may not mark her own comments afgehandeld.
    expect(await zetAfgehandeld(db, CM, a1.id, true)).toMatchObject({
      ok: false,
      issues: [{ message: REVIEW_MELDING.afhandelenDoorArrangeur }],
    });
    const voor = await laatsteSeq();
    const klaar = ok(await zetAfgehandeld(db, ARR, a1.id, true));
    expect(klaar.afgehandeld).toBe(true);
    expect((await db.reviewComments.get(a1.id))?.openstaand).toBe(0);
    const [rij, ...meer] = await rijenNa(voor);
    expect(meer).toHaveLength(0);
    expect(rij).toMatchObject({
      op: 'update',
      fields: { afgehandeld: true },
      clientId: a.client.id,
    });
    // Same value again: nothing written.
    ok(await zetAfgehandeld(db, ARR, a1.id, true));
    expect(await rijenNa(voor)).toHaveLength(1);

    ok(await deleteReviewComment(db, CM, b1.id));
    expect(await openCommentsPerClient(db)).toEqual(new Map([[a.client.id, 1]]));
    const stand = await reviewStandPerClient(db);
    expect(stand.get(a.client.id)).toMatchObject({ status: 'wacht', open: 1 });
    expect(stand.get(b.client.id)).toMatchObject({ status: 'wacht', open: 0 });
    ok(await zetAfgehandeld(db, ARR, a1.id, false));
    expect((await openCommentsPerClient(db)).get(a.client.id)).toBe(2);
    expect(a2.aangemaaktOp > a1.aangemaaktOp).toBe(true);
  });
});
