/**
 * Device and server answer a review write the same (issue 15, point 5): one table of cases, each
 * run through the device's repository (storage/repositories/reviews.ts, on IndexedDB) and through
 * the server's rules as the push route applies them (server/sync/push.ts `decide`: for a
 * casemanager with only a review share first reviewerMagSchrijven, then for every writer
 * reviewRegel on the merged record). Both come from domain/plan/review-regels.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BestaandRecord } from '../../src/domain/plan/review-regels.ts';
import type { Review, ReviewComment } from '../../src/domain/plan/review.ts';
import { reviewerMagSchrijven, reviewRegel } from '../../src/server/db/toegang.ts';
import { openDb, type ArrangeurDB } from '../../src/storage/db.ts';
import { pending } from '../../src/storage/outbox.ts';
import {
  deleteReviewComment,
  geefBesluit,
  saveReviewComment,
  stuurTerReview,
  zetAfgehandeld,
  type Result,
} from '../../src/storage/repositories/reviews.ts';
import { maakPlanMetItems } from '../fixtures/plans.ts';

const ANJA = '00000000-0000-4000-8000-00000000a001';
const CARLA = '00000000-0000-4000-8000-00000000c001';
const NAAM = { [ANJA]: 'Anja de Vries', [CARLA]: 'Carla Smit' };
const NU = new Date('2026-11-23T10:00:00Z');
const LATER = new Date('2026-11-23T11:00:00Z');

type Wie = typeof ANJA | typeof CARLA;
interface Stand {
  review: Review;
  comment: ReviewComment;
}
interface Geval {
  naam: string;
  wie: Wie;
  /** The write on the device. */
  doe: (
    db: ArrangeurDB,
    s: Stand,
    opts: { updatedBy: string; naam: string; now: Date },
  ) => Promise<Result<unknown>>;
  /** The same write as a mutation on the wire, about the stored review or comment. */
  mutatie: (s: Stand) => {
    recordType: 'review' | 'reviewComment';
    recordId: string;
    fields: Record<string, unknown>;
    deleted?: boolean;
  };
  mag: boolean;
}

const commentTekst = (s: Stand, tekst: string) => ({
  reviewId: s.review.id,
  planId: s.review.planId,
  sectie: s.comment.sectie,
  tekst,
});

const GEVALLEN: Geval[] = [
  {
    naam: 'the casemanager asked gives her besluit',
    wie: CARLA,
    doe: (db, s, o) => geefBesluit(db, o, s.review.id, 'akkoord', 'Goed plan.'),
    mutatie: (s) => ({
      recordType: 'review',
      recordId: s.review.id,
      fields: {
        besluit: 'akkoord',
        besluitOp: LATER.toISOString(),
        besluitToelichting: 'Goed plan.',
      },
    }),
    mag: true,
  },
  {
    naam: 'the arrangeur gives a besluit',
    wie: ANJA,
    doe: (db, s, o) => geefBesluit(db, o, s.review.id, 'akkoord'),
    mutatie: (s) => ({
      recordType: 'review',
      recordId: s.review.id,
      fields: { besluit: 'akkoord', besluitOp: LATER.toISOString() },
    }),
    mag: false,
  },
  {
    naam: 'the reviewer edits her own comment',
    wie: CARLA,
    doe: (db, s, o) => saveReviewComment(db, o, commentTekst(s, 'Anders.'), s.comment.id),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: { tekst: 'Anders.' },
    }),
    mag: true,
  },
  {
    naam: "the arrangeur rewrites the reviewer's comment",
    wie: ANJA,
    doe: (db, s, o) => saveReviewComment(db, o, commentTekst(s, 'Weg ermee.'), s.comment.id),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: { tekst: 'Weg ermee.' },
    }),
    mag: false,
  },
  {
    naam: 'the reviewer deletes her own comment',
    wie: CARLA,
    doe: (db, s, o) => deleteReviewComment(db, o, s.comment.id),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: {},
      deleted: true,
    }),
    mag: true,
  },
  {
    naam: "the arrangeur deletes the reviewer's comment",
    wie: ANJA,
    doe: (db, s, o) => deleteReviewComment(db, o, s.comment.id),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: {},
      deleted: true,
    }),
    mag: false,
  },
  {
    naam: 'the arrangeur marks a comment afgehandeld',
    wie: ANJA,
    doe: (db, s, o) => zetAfgehandeld(db, o, s.comment.id, true),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: { afgehandeld: true },
    }),
    mag: true,
  },
  {
    naam: 'the reviewer marks her own comment afgehandeld',
    wie: CARLA,
    doe: (db, s, o) => zetAfgehandeld(db, o, s.comment.id, true),
    mutatie: (s) => ({
      recordType: 'reviewComment',
      recordId: s.comment.id,
      fields: { afgehandeld: true },
    }),
    mag: false,
  },
];

let db: ArrangeurDB;
let stand: Stand;
beforeEach(async () => {
  db = openDb(`review-regels-${crypto.randomUUID()}`);
  const { plan } = await maakPlanMetItems(db, 2, { updatedBy: ANJA, now: NU });
  const review = ok(
    await stuurTerReview(db, { updatedBy: ANJA, naam: NAAM[ANJA], now: NU }, plan.id, {
      id: CARLA,
      naam: NAAM[CARLA],
    }),
  );
  const comment = ok(
    await saveReviewComment(
      db,
      { updatedBy: CARLA, naam: NAAM[CARLA], now: NU },
      { reviewId: review.id, planId: plan.id, sectie: 'hulpvraag', tekst: 'Klopt dit?' },
    ),
  );
  stand = { review, comment };
});
afterEach(async () => {
  await db.delete();
});

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.record;
}

/** The record as the server stores it: its domain fields (meta left out), deleted or not. */
function alsRecord(r: Review | ReviewComment): BestaandRecord {
  const { id: _id, type, rev: _rev, updatedAt: _at, updatedBy: _by, deleted, ...fields } = r;
  return { type, fields, deleted };
}

/** The push route's order (server/sync/push.ts `decide`), on a stored record. */
function server(wie: Wie, m: ReturnType<Geval['mutatie']>, s: Stand): boolean {
  const g = { id: wie };
  const existing = alsRecord(m.recordId === s.review.id ? s.review : s.comment);
  // Carla has the client through a review share only; Anja has it in her caseload.
  if (wie === CARLA && reviewerMagSchrijven(g, m, existing, null) !== null) return false;
  const merged = { ...existing.fields, ...m.fields };
  return reviewRegel(g, m, existing, merged) === null;
}

describe('the review rules: device and server give the same answer', () => {
  it.each(GEVALLEN.map((g) => [g.naam, g] as const))('%s', async (_naam, geval) => {
    const voor = (await pending(db)).length;
    const device = await geval.doe(db, stand, {
      updatedBy: geval.wie,
      naam: NAAM[geval.wie],
      now: LATER,
    });
    const m = geval.mutatie(stand);
    expect(device.ok, 'device').toBe(geval.mag);
    expect(server(geval.wie, m, stand), 'server').toBe(geval.mag);
    const nieuw = (await pending(db)).slice(voor);
    if (geval.mag) {
      // What the device queued is the mutation the server was asked about.
      expect(nieuw).toHaveLength(1);
      expect(nieuw[0]).toMatchObject({
        recordType: m.recordType,
        recordId: m.recordId,
        fields: m.fields,
        ...(m.deleted ? { deleted: true } : {}),
      });
    } else {
      expect(nieuw).toHaveLength(0);
    }
  });
});
