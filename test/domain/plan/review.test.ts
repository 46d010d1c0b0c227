import { describe, expect, it } from 'vitest';
import { isoDateSchema } from '../../../src/domain/model/dates.ts';
import { reviewSchema, type Review } from '../../../src/domain/plan/review.ts';
import {
  REVIEW_REDEN_TEKST,
  reviewStand,
  stelVast,
  stuurTerReview,
  terugNaarConcept,
  VASTSTEL_REDEN_TEKST,
  vaststelRedenen,
  type VaststelInvoer,
} from '../../../src/domain/plan/status.ts';

const d = (s: string) => isoDateSchema.parse(s);
const PLAN = '00000000-0000-4000-8000-0000000000a1';
const CLIENT = '00000000-0000-4000-8000-0000000000b1';
const CARLA = '00000000-0000-4000-8000-0000000000c1';

function plan(over: Partial<VaststelInvoer> = {}): VaststelInvoer {
  return {
    status: 'ter-review',
    versie: 2,
    akkoord: { datum: d('2026-11-20'), wijze: 'handtekening', door: 'client' },
    evaluatiedatum: d('2027-05-20'),
    vastgesteldOp: undefined,
    ladderToelichting: undefined,
    ...over,
  };
}

let n = 0;
function review(over: Partial<Review> = {}): Review {
  n += 1;
  return reviewSchema.parse({
    type: 'review',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    planId: PLAN,
    clientId: CLIENT,
    versie: 2,
    casemanagerId: CARLA,
    casemanagerNaam: 'Carla',
    gevraagdDoorNaam: 'Anja',
    gevraagdOp: '2026-11-20T09:00:00.000Z',
    besluit: null,
    updatedAt: '2026-11-20T09:00:00.000Z',
    updatedBy: CARLA,
    ...over,
  });
}

describe('stuurTerReview / terugNaarConcept', () => {
  it('moves concept → ter-review → concept and refuses every other start', () => {
    expect(stuurTerReview({ status: 'concept', versie: 1 })).toEqual({
      ok: true,
      plan: { status: 'ter-review', versie: 1 },
    });
    expect(stuurTerReview({ status: 'ter-review' })).toEqual({
      ok: false,
      redenen: ['al-ter-review'],
    });
    expect(stuurTerReview({ status: 'vastgesteld' })).toEqual({
      ok: false,
      redenen: ['niet-concept'],
    });
    expect(stuurTerReview({ status: 'geevalueerd' })).toMatchObject({ ok: false });
    expect(terugNaarConcept({ status: 'ter-review', versie: 3 })).toEqual({
      ok: true,
      plan: { status: 'concept', versie: 3 },
    });
    for (const status of ['concept', 'vastgesteld', 'geevalueerd'] as const) {
      expect(terugNaarConcept({ status })).toEqual({ ok: false, redenen: ['niet-ter-review'] });
    }
    for (const t of Object.values(REVIEW_REDEN_TEKST)) expect(t.tekst.length).toBeGreaterThan(10);
  });
});

describe('vaststellen from ter-review', () => {
  it('needs the akkoord of the latest review; a concept needs none', () => {
    expect(vaststelRedenen(plan(), '2026-11-23')).toEqual(['review-loopt']);
    expect(vaststelRedenen(plan(), '2026-11-23', undefined, { status: 'wacht' })).toEqual([
      'review-loopt',
    ]);
    expect(vaststelRedenen(plan(), '2026-11-23', undefined, { status: 'aanpassen' })).toEqual([
      'review-loopt',
    ]);
    expect(vaststelRedenen(plan(), '2026-11-23', undefined, { status: 'akkoord' })).toEqual([]);
    expect(vaststelRedenen(plan({ status: 'concept' }), '2026-11-23')).toEqual([]);
    expect(
      vaststelRedenen(plan({ status: 'vastgesteld' }), '2026-11-23', undefined, {
        status: 'akkoord',
      }),
    ).toEqual(['niet-concept']);
    // Other reasons still count after akkoord.
    expect(
      vaststelRedenen(plan({ akkoord: null }), '2026-11-23', undefined, { status: 'akkoord' }),
    ).toEqual(['akkoord-ontbreekt']);
    const vast = stelVast(plan() as Parameters<typeof stelVast>[0], d('2026-11-23'), undefined, {
      status: 'akkoord',
    });
    expect(vast).toMatchObject({
      ok: true,
      plan: { status: 'vastgesteld', vastgesteldOp: '2026-11-23' },
    });
    expect(VASTSTEL_REDEN_TEKST['review-loopt'].tekst).toMatch(/ter review/);
  });
});

describe('reviewStand', () => {
  it('is geen without a review of this versie', () => {
    expect(reviewStand([], [], 1)).toEqual({ status: 'geen', open: 0 });
    expect(reviewStand([review({ versie: 1, besluit: 'akkoord' })], [], 2).status).toBe('geen');
  });

  it('follows the latest review of the versie, by gevraagdOp then id', () => {
    const oud = review({ besluit: 'aanpassen', gevraagdOp: '2026-11-20T09:00:00.000Z' });
    const nieuw = review({ gevraagdOp: '2026-11-21T09:00:00.000Z' });
    expect(reviewStand([nieuw, oud], [], 2)).toMatchObject({ status: 'wacht', laatste: nieuw });
    expect(reviewStand([oud, nieuw], [], 2, 'ter-review').status).toBe('wacht');
    const akkoord = { ...nieuw, besluit: 'akkoord' as const };
    expect(reviewStand([oud, akkoord], [], 2).status).toBe('akkoord');
    // A deleted review does not count.
    expect(reviewStand([oud, { ...nieuw, deleted: true }], [], 2).status).toBe('aanpassen');
    // Same moment: the higher id wins on every device.
    const a = review({ gevraagdOp: '2026-11-22T00:00:00.000Z', besluit: 'akkoord' });
    const b = review({ gevraagdOp: '2026-11-22T00:00:00.000Z', besluit: 'aanpassen' });
    expect(reviewStand([b, a], [], 2).laatste?.id).toBe(b.id);
    expect(reviewStand([a, b], [], 2).laatste?.id).toBe(b.id);
  });

  it('treats a withdrawn request (plan no longer ter review, no besluit) as geen', () => {
    const r = review();
    expect(reviewStand([r], [], 2, 'concept')).toMatchObject({ status: 'geen', laatste: r });
    expect(reviewStand([{ ...r, besluit: 'aanpassen' }], [], 2, 'concept').status).toBe(
      'aanpassen',
    );
  });

  it('counts open comments of the living reviews, any versie', () => {
    const eerder = review({ versie: 1, besluit: 'aanpassen' });
    const nu = review();
    const weg = review({ deleted: true });
    const comments = [
      { reviewId: eerder.id, afgehandeld: false, deleted: false },
      { reviewId: nu.id, afgehandeld: false, deleted: false },
      { reviewId: nu.id, afgehandeld: true, deleted: false },
      { reviewId: nu.id, afgehandeld: false, deleted: true },
      { reviewId: weg.id, afgehandeld: false, deleted: false },
    ];
    expect(reviewStand([eerder, nu, weg], comments, 2)).toMatchObject({ status: 'wacht', open: 2 });
  });
});
