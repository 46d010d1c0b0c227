/**
 * The review rules of db/toegang.ts as pure functions, case by case (the push route applies them;
 * test/server/review.test.ts checks them end to end on both stores).
 */
import { describe, expect, it } from 'vitest';
import { reviewerMagSchrijven, reviewRegel } from '../../src/server/db/toegang.ts';

const CARLA = { id: 'carla' };
const ANJA = { id: 'anja' };
const review = (casemanagerId = 'carla', deleted = false) => ({
  type: 'review',
  fields: { casemanagerId, planId: 'p1', clientId: 'c1', versie: 1 },
  deleted,
});
const comment = (auteurId = 'carla') => ({
  type: 'reviewComment',
  fields: { auteurId, reviewId: 'r1', planId: 'p1', tekst: 'x', afgehandeld: false },
  deleted: false,
});
const m = (recordType: string, fields: Record<string, unknown>, deleted?: boolean) => ({
  recordType,
  fields,
  deleted,
});

describe('reviewerMagSchrijven (a casemanager with only a review share)', () => {
  it.each<
    [
      string,
      ReturnType<typeof m>,
      ReturnType<typeof review> | null,
      ReturnType<typeof review> | null,
      boolean,
    ]
  >([
    ['her besluit', m('review', { besluit: 'akkoord', besluitOp: 't' }), review(), null, true],
    ['her toelichting alone', m('review', { besluitToelichting: 'x' }), review(), null, true],
    [
      'another field of the review',
      m('review', { besluit: 'akkoord', vraag: 'x' }),
      review(),
      null,
      false,
    ],
    ['a review to someone else', m('review', { besluit: 'akkoord' }), review('cees'), null, false],
    ['a new review', m('review', { besluit: null }), null, null, false],
    ['deleting a review', m('review', {}, true), review(), null, false],
    ['a deleted review', m('review', { besluit: 'akkoord' }), review('carla', true), null, false],
    ['a new own comment', m('reviewComment', comment().fields), null, review(), true],
    [
      'a new comment under another name',
      m('reviewComment', comment('anja').fields),
      null,
      review(),
      false,
    ],
    [
      'a new comment marked afgehandeld',
      m('reviewComment', { ...comment().fields, afgehandeld: true }),
      null,
      review(),
      false,
    ],
    ['a comment on an unknown review', m('reviewComment', comment().fields), null, null, false],
    [
      'a comment on a review to someone else',
      m('reviewComment', comment().fields),
      null,
      review('cees'),
      false,
    ],
    ['a tombstone for a comment never stored', m('reviewComment', {}, true), null, review(), false],
    ['a plan', m('plan', { hulpvraag: 'x' }), null, null, false],
    ['a planItem', m('planItem', { omschrijving: 'x' }), null, null, false],
  ])('%s', (_naam, mutatie, existing, gekoppeld, mag) => {
    expect(reviewerMagSchrijven(CARLA, mutatie, existing, gekoppeld) === null).toBe(mag);
  });

  it.each<[string, ReturnType<typeof m>, ReturnType<typeof comment>, boolean]>([
    [
      'her text',
      m('reviewComment', { tekst: 'y', sectie: 'akkoord', itemId: null }),
      comment(),
      true,
    ],
    ['deleting her own', m('reviewComment', {}, true), comment(), true],
    ['afgehandeld on her own', m('reviewComment', { afgehandeld: true }), comment(), false],
    ['someone else’s text', m('reviewComment', { tekst: 'y' }), comment('anja'), false],
    ['deleting someone else’s', m('reviewComment', {}, true), comment('anja'), false],
  ])('existing comment: %s', (_naam, mutatie, existing, mag) => {
    expect(reviewerMagSchrijven(CARLA, mutatie, existing, null) === null).toBe(mag);
  });
});

describe('reviewRegel (every writer)', () => {
  it('lets only the casemanager asked write a besluit; a new review starts without one', () => {
    const nieuw = { ...review().fields, besluit: null, besluitOp: null, besluitToelichting: null };
    expect(reviewRegel(ANJA, m('review', nieuw), null, nieuw)).toBeNull();
    const vals = { ...nieuw, besluit: 'akkoord' };
    expect(reviewRegel(ANJA, m('review', vals), null, vals)).toMatch(/besluit/);
    expect(
      reviewRegel(ANJA, m('review', { besluit: 'akkoord' }), review(), review().fields),
    ).toMatch(/besluit/);
    expect(
      reviewRegel(CARLA, m('review', { besluit: 'akkoord' }), review(), review().fields),
    ).toBeNull();
    expect(
      reviewRegel(ANJA, m('review', { vraag: 'Nog iets?' }), review(), review().fields),
    ).toBeNull();
  });

  it('keeps addressing fields and authors fixed', () => {
    for (const veld of ['planId', 'clientId', 'versie', 'casemanagerId']) {
      expect(reviewRegel(ANJA, m('review', { [veld]: 'anders' }), review(), {}), veld).toMatch(
        /cannot change/,
      );
    }
    // The same value again is no change.
    expect(reviewRegel(ANJA, m('review', { versie: 1 }), review(), {})).toBeNull();
    for (const veld of ['reviewId', 'planId', 'auteurId']) {
      expect(reviewRegel(ANJA, m('reviewComment', { [veld]: 'x' }), comment(), {}), veld).toMatch(
        /cannot change/,
      );
    }
    expect(reviewRegel(ANJA, m('reviewComment', comment('carla').fields), null, {})).toMatch(
      /auteurId/,
    );
    expect(reviewRegel(ANJA, m('reviewComment', comment('anja').fields), null, {})).toBeNull();
    expect(reviewRegel(ANJA, m('reviewComment', { afgehandeld: true }), comment(), {})).toBeNull();
    // A comment's text is its author's: the arrangeur neither rewrites nor deletes it.
    expect(reviewRegel(ANJA, m('reviewComment', { tekst: 'Anders' }), comment(), {})).toMatch(
      /author/,
    );
    expect(reviewRegel(ANJA, m('reviewComment', {}, true), comment(), {})).toMatch(/author/);
    expect(reviewRegel(CARLA, m('reviewComment', { tekst: 'Anders' }), comment(), {})).toBeNull();
    expect(reviewRegel(ANJA, m('plan', { status: 'x' }), null, {})).toBeNull();
  });
});
