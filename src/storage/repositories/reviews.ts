/**
 * Plan review on the device (issue 6, point 1): the arrangeur sends her plan "ter review" to a
 * casemanager, the casemanager comments per section or item and gives her besluit (akkoord or
 * aanpassen), the arrangeur marks comments afgehandeld. Works offline on both devices: every write
 * is local first and syncs through the outbox.
 *
 * What must stay true here (as in plans.ts):
 * - Input is parsed with the domain schemas before anything is written; invalid input writes
 *   nothing and comes back as issues with Dutch messages.
 * - Every write and its outbox row happen in ONE Dexie transaction (guarantee 1): sending a plan
 *   ter review changes the plan's status AND makes the review record, both or neither.
 * - An update mutation carries only the fields that changed. The casemanager's besluit touches
 *   only REVIEW_BESLUIT_VELDEN, her comment only its text, section and item: exactly what the
 *   server lets her write, so her changes never come back rejected.
 * - Who may write what on a review is decided by the domain's review rules
 *   (domain/plan/review-regels.ts, `reviewWeigering`), the same functions the server applies on
 *   push; this file only words their answer in Dutch (REVIEW_MELDING). The device counts the
 *   review's own casemanager as the reviewer (the server: a casemanager with only a review share).
 * - `openstaand` (0/1) on a comment row mirrors `afgehandeld` for the index; it is device-only
 *   and never in a mutation (mutations carry named domain fields only).
 */
import { planSchema, type Plan } from '../../domain/plan/model.ts';
import {
  REVIEW_BESLUIT_VELDEN,
  reviewBesluitSchema,
  reviewCommentSchema,
  reviewCommentVeldenSchema,
  reviewSchema,
  reviewVeldenSchema,
  type Review,
  type ReviewBesluit,
  type ReviewComment,
  type ReviewSectie,
} from '../../domain/plan/review.ts';
import {
  EIGEN_COMMENT_VELDEN,
  reviewWeigering,
  type BestaandRecord,
  type ReviewMutatie,
  type ReviewWeigering,
} from '../../domain/plan/review-regels.ts';
import {
  REVIEW_REDEN_TEKST,
  reviewStand,
  stuurTerReview as naarTerReview,
  terugNaarConcept as naarConcept,
  type ReviewOvergang,
  type ReviewStand,
} from '../../domain/plan/status.ts';
import type { ArrangeurDB, ReviewCommentRow } from '../db.ts';
import { lees, levend } from './lezen.ts';
import { schrijfPlan } from './plan.ts';
import {
  schrijfRecord,
  verwijderBewaard,
  zodFouten,
  type PlanFout,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import {
  alleVelden,
  fout,
  fouten,
  gewijzigdeVelden,
  veldenVan,
  zonderUndefined,
} from './velden.ts';

export type { PlanFout, Result, WriteOptions };

/** Who writes, with her display name: reviews and comments keep a snapshot of it. */
export type ReviewWriteOptions = WriteOptions & { naam: string };

/** A casemanager to send the plan to (GET /api/casemanagers, cached for offline use). */
export interface CasemanagerKeuze {
  id: string;
  naam: string;
}

export interface ReviewCommentInvoerVelden {
  reviewId: string;
  planId: string;
  sectie: ReviewSectie;
  itemId?: string | undefined;
  tekst: string;
}

export const REVIEW_MELDING = {
  planOnbekend: 'Dit plan bestaat niet.',
  reviewOnbekend: 'Deze review bestaat niet (meer).',
  reviewAnderPlan: 'Deze review hoort bij een ander plan.',
  commentOnbekend: 'Deze opmerking bestaat niet (meer).',
  commentAnderPlan: 'Deze opmerking hoort bij een andere review.',
  nietVanU: 'U kunt alleen uw eigen opmerkingen aanpassen of verwijderen.',
  nietGevraagd: 'Alleen de casemanager aan wie de review is gevraagd, kan een besluit geven.',
  reviewAfgesloten: 'Deze review is afgesloten: het plan ligt niet meer ter review.',
  afhandelenDoorArrangeur: 'De arrangeur zet een opmerking op afgehandeld, niet de reviewer.',
  planVeranderd:
    'Het plan is veranderd sinds de review werd gevraagd. Vraag een nieuwe review aan.',
  alleenBesluit: 'Als reviewer geeft u alleen uw besluit en uw opmerkingen.',
  reviewVast: 'Aan wie een review is gevraagd en over welk plan, verandert niet.',
  nietToegestaan: 'Dit kan niet bij een review.',
} as const;

/** Messages for fields whose domain schema has no Dutch text of its own (ids, snapshot names). */
const VELD_MELDING: Readonly<Record<string, string>> = {
  casemanagerId: 'Kies een casemanager.',
  casemanagerNaam: 'Kies een casemanager.',
  gevraagdDoorNaam: 'Uw naam ontbreekt. Log opnieuw in.',
  auteurId: 'Uw gebruiker ontbreekt. Log opnieuw in.',
  auteurNaam: 'Uw naam ontbreekt. Log opnieuw in.',
  reviewId: REVIEW_MELDING.reviewOnbekend,
  planId: REVIEW_MELDING.planOnbekend,
  itemId: 'Dit onderdeel bestaat niet.',
  besluitOp: 'De datum van het besluit klopt niet.',
  gevraagdOp: 'De datum van de aanvraag klopt niet.',
};

const REVIEW_VELDEN = Object.keys(reviewVeldenSchema.shape);
const COMMENT_VELDEN = Object.keys(reviewCommentVeldenSchema.shape);

// ---------------------------------------------------------------------------------------------
// Status transitions

/**
 * Sends the plan ter review to `casemanager`: the plan goes concept → ter-review and a new
 * `review` record (versie = the plan's versie, gevraagdOp = now, no besluit) is made. On sync the
 * server shares the client with the casemanager, so she receives the plan on her next pull.
 *
 * Safe offline: the plan update, the review and both outbox mutations are written locally in one
 * transaction; the review id is a device-made UUID.
 */
export async function stuurTerReview(
  db: ArrangeurDB,
  opts: ReviewWriteOptions,
  planId: string,
  casemanager: CasemanagerKeuze,
  vraag?: string,
): Promise<Result<Review>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.reviews, db.outbox, db.meta], async () => {
    const plan = await leesPlan(db, planId);
    if (!plan) return fout(REVIEW_MELDING.planOnbekend, 'planId');
    const overgang = naarTerReview(plan);
    if (!overgang.ok) return overgangFout(overgang);
    const parsed = reviewVeldenSchema.safeParse({
      planId: plan.id,
      clientId: plan.clientId,
      versie: plan.versie,
      casemanagerId: casemanager.id,
      casemanagerNaam: casemanager.naam,
      gevraagdDoorNaam: opts.naam,
      gevraagdOp: now.toISOString(),
      vraag,
      besluit: null,
    });
    if (!parsed.success) return fouten(zodFouten(parsed.error, undefined, VELD_MELDING));
    await zetPlanStatus(db, plan, overgang.plan.status, opts, now);
    const { record } = await schrijfRecord(db, {
      table: db.reviews,
      schema: reviewSchema,
      type: 'review',
      clientId: plan.clientId,
      velden: REVIEW_VELDEN,
      gegevens: parsed.data,
      vorige: undefined,
      opts,
      now,
    });
    return { ok: true, record };
  });
}

/**
 * ter-review → concept: after the reviewer said aanpassen, or to withdraw the request. Only the
 * plan's status changes; the review and its comments stay (history, and open comments still
 * count). A next round is a new stuurTerReview.
 *
 * Safe offline: the plan and an update mutation of `status` are written locally in one
 * transaction.
 */
export async function terugNaarConcept(
  db: ArrangeurDB,
  opts: WriteOptions,
  planId: string,
): Promise<Result<Plan>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.outbox, db.meta], async () => {
    const plan = await leesPlan(db, planId);
    if (!plan) return fout(REVIEW_MELDING.planOnbekend, 'planId');
    const overgang = naarConcept(plan);
    if (!overgang.ok) return overgangFout(overgang);
    return { ok: true, record: await zetPlanStatus(db, plan, 'concept', opts, now) };
  });
}

/** Withdraws a review request: the same transition as terugNaarConcept (see there). */
export const trekReviewIn = terugNaarConcept;

/**
 * The casemanager's besluit on a review addressed to her (`opts.updatedBy` must be the review's
 * casemanagerId): writes only besluit, besluitOp (now) and besluitToelichting. She may change her
 * besluit while the plan is still ter review at the reviewed versie.
 *
 * Safe offline: the review and an update mutation with only the changed besluit fields are
 * written locally in one transaction; they merge on the server with the arrangeur's fields.
 */
export async function geefBesluit(
  db: ArrangeurDB,
  opts: WriteOptions,
  reviewId: string,
  besluit: ReviewBesluit,
  toelichting?: string,
): Promise<Result<Review>> {
  const now = opts.now ?? new Date();
  const besluitR = reviewBesluitSchema.safeParse(besluit);
  if (!besluitR.success) return fouten(zodFouten(besluitR.error, 'besluit', VELD_MELDING));
  return db.transaction('rw', [db.plans, db.reviews, db.outbox, db.meta], async () => {
    const vorige = await leesReview(db, reviewId);
    if (!vorige) return fout(REVIEW_MELDING.reviewOnbekend, 'reviewId');
    const geweigerd = volgensRegels(opts, vorige, {
      m: {
        recordType: 'review',
        fields: {
          besluit: besluitR.data,
          besluitOp: now.toISOString(),
          besluitToelichting: toelichting ?? null,
        },
      },
      existing: vorige,
      velden: REVIEW_VELDEN,
    });
    if (geweigerd) return geweigerd;
    const plan = await leesPlan(db, vorige.planId);
    if (plan && plan.status !== 'ter-review') return fout(REVIEW_MELDING.reviewAfgesloten);
    if (plan && plan.versie !== vorige.versie) return fout(REVIEW_MELDING.planVeranderd);
    const parsed = reviewVeldenSchema.safeParse({
      ...veldenVan(REVIEW_VELDEN, vorige),
      besluit: besluitR.data,
      besluitOp: now.toISOString(),
      besluitToelichting: toelichting,
    });
    if (!parsed.success) return fouten(zodFouten(parsed.error, undefined, VELD_MELDING));
    const { record } = await schrijfRecord(db, {
      table: db.reviews,
      schema: reviewSchema,
      type: 'review',
      clientId: vorige.clientId,
      velden: REVIEW_VELDEN,
      wijzigbaar: REVIEW_BESLUIT_VELDEN,
      gegevens: parsed.data,
      vorige,
      opts: { updatedBy: opts.updatedBy },
      now,
    });
    return { ok: true, record };
  });
}

// ---------------------------------------------------------------------------------------------
// Comments

/**
 * Creates a comment on a review (no `id`, or an `id` not stored yet) as `opts.updatedBy` /
 * `opts.naam`, or edits the text, section or item of one's own comment (`id` of a stored one).
 * Someone else's comment is refused; so is moving a comment to another review or plan.
 *
 * Safe offline: the record and its outbox mutation (all fields on create, only the changed ones
 * on an edit) are written locally in one transaction; the id is a device-made UUID.
 */
export async function saveReviewComment(
  db: ArrangeurDB,
  opts: ReviewWriteOptions,
  invoer: ReviewCommentInvoerVelden,
  id?: string,
): Promise<Result<ReviewComment>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.reviews, db.reviewComments, db.outbox, db.meta], async () => {
    const review = await leesReview(db, invoer.reviewId);
    if (!review) return fout(REVIEW_MELDING.reviewOnbekend, 'reviewId');
    if (review.planId !== invoer.planId) return fout(REVIEW_MELDING.reviewAnderPlan, 'planId');
    const rij = id === undefined ? undefined : await db.reviewComments.get(id);
    if (rij?.deleted) return fout(REVIEW_MELDING.commentOnbekend);
    const vorige = rij ? lees(reviewCommentSchema, rij) : undefined;
    if (rij && !vorige) return fout(REVIEW_MELDING.commentOnbekend);
    const gegevens = {
      ...(vorige
        ? veldenVan(COMMENT_VELDEN, vorige)
        : {
            auteurId: opts.updatedBy,
            auteurNaam: opts.naam,
            afgehandeld: false,
            aangemaaktOp: now.toISOString(),
          }),
      reviewId: invoer.reviewId,
      planId: invoer.planId,
      sectie: invoer.sectie,
      itemId: invoer.itemId,
      tekst: invoer.tekst,
    };
    const geweigerd = volgensRegels(opts, review, {
      m: {
        recordType: 'reviewComment',
        fields: vorige
          ? gewijzigdeVelden(COMMENT_VELDEN, vorige, gegevens)
          : alleVelden(COMMENT_VELDEN, gegevens),
      },
      existing: vorige,
      velden: COMMENT_VELDEN,
    });
    if (geweigerd) return geweigerd;
    const parsed = reviewCommentVeldenSchema.safeParse(gegevens);
    if (!parsed.success) return fouten(zodFouten(parsed.error, undefined, VELD_MELDING));
    return schrijfComment(db, opts, now, {
      clientId: review.clientId,
      wijzigbaar: EIGEN_COMMENT_VELDEN,
      gegevens: parsed.data,
      vorige,
      id,
    });
  });
}

/**
 * Deletes one's own comment (tombstone).
 *
 * Safe offline: the tombstone and its delete mutation are written locally in one transaction.
 */
export async function deleteReviewComment(
  db: ArrangeurDB,
  opts: WriteOptions,
  id: string,
): Promise<Result<ReviewComment>> {
  return verwijderBewaard(db, {
    table: db.reviewComments,
    schema: reviewCommentSchema,
    type: 'reviewComment',
    id,
    nietGevonden: REVIEW_MELDING.commentOnbekend,
    leest: [db.reviews],
    toets: async (comment) => {
      // Its review as stored, also when deleted: the comment's client is the review's.
      const review = await db.reviews.get(comment.reviewId);
      const geweigerd = volgensRegels(opts, review, {
        m: { recordType: 'reviewComment', fields: {}, deleted: true },
        existing: comment,
        velden: COMMENT_VELDEN,
      });
      if (geweigerd) return geweigerd;
      const clientId = review?.clientId;
      return clientId ? { ok: true, clientId } : fout(REVIEW_MELDING.reviewOnbekend, 'reviewId');
    },
    naarRij: commentRij,
    opts,
  });
}

/**
 * The arrangeur marks a comment afgehandeld (or open again). Refused for the review's own
 * casemanager: the server lets a reviewer write only her text (toegang.ts).
 *
 * Safe offline: the record and an update mutation of `afgehandeld` are written locally in one
 * transaction; setting the value it already has writes nothing.
 */
export async function zetAfgehandeld(
  db: ArrangeurDB,
  opts: WriteOptions,
  commentId: string,
  afgehandeld: boolean,
): Promise<Result<ReviewComment>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.reviews, db.reviewComments, db.outbox, db.meta], async () => {
    const comment = await leesComment(db, commentId);
    if (!comment) return fout(REVIEW_MELDING.commentOnbekend);
    const review = await leesReview(db, comment.reviewId);
    if (!review) return fout(REVIEW_MELDING.reviewOnbekend, 'reviewId');
    const geweigerd = volgensRegels(opts, review, {
      m: {
        recordType: 'reviewComment',
        fields: gewijzigdeVelden(['afgehandeld'], comment, { afgehandeld }),
      },
      existing: comment,
      velden: COMMENT_VELDEN,
    });
    if (geweigerd) return geweigerd;
    // Setting the value it already has writes nothing.
    return schrijfComment(db, opts, now, {
      clientId: review.clientId,
      wijzigbaar: ['afgehandeld'],
      gegevens: { ...comment, afgehandeld },
      vorige: comment,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reads

/** The living reviews of a plan, newest request first. */
export async function listReviews(db: ArrangeurDB, planId: string): Promise<Review[]> {
  return nieuwsteEerst(
    levend(reviewSchema, await db.reviews.where('planId').equals(planId).toArray()),
  );
}

export async function getReview(db: ArrangeurDB, id: string): Promise<Review | undefined> {
  return leesReview(db, id);
}

/** The living comments of a plan (every review round), in the order they were made. */
export async function listReviewComments(
  db: ArrangeurDB,
  planId: string,
): Promise<ReviewComment[]> {
  const rijen = await db.reviewComments.where('planId').equals(planId).toArray();
  return levend(reviewCommentSchema, rijen).sort(
    (a, b) => a.aangemaaktOp.localeCompare(b.aangemaaktOp) || a.id.localeCompare(b.id),
  );
}

/** Reviews addressed to this casemanager (her "te reviewen" list), newest request first. */
export async function reviewsVoor(db: ArrangeurDB, casemanagerId: string): Promise<Review[]> {
  const rijen = await db.reviews.where('casemanagerId').equals(casemanagerId).toArray();
  return nieuwsteEerst(levend(reviewSchema, rijen));
}

/**
 * Open comments (not afgehandeld, not deleted, on a living review) per client: the `open` of
 * reviewStandPerClient. Clients without any are absent.
 */
export async function openCommentsPerClient(db: ArrangeurDB): Promise<Map<string, number>> {
  const perClient = new Map<string, number>();
  for (const [clientId, stand] of await reviewStandPerClient(db)) {
    if (stand.open > 0) perClient.set(clientId, stand.open);
  }
  return perClient;
}

/**
 * The review stand of each client's plan at its current versie and status (reviewStand), for
 * the caseload. Only clients whose plan has at least one review are in the map; absent: 'geen'.
 */
export async function reviewStandPerClient(db: ArrangeurDB): Promise<Map<string, ReviewStand>> {
  const [reviews, comments] = await Promise.all([
    db.reviews.toArray().then((r) => levend(reviewSchema, r)),
    // Only the open ones, by the `openstaand` index: reviewStand reads comments for its count
    // of open comments only, so handled comments need not be loaded at all.
    db.reviewComments
      .where('openstaand')
      .equals(1)
      .toArray()
      .then((c) => levend(reviewCommentSchema, c)),
  ]);
  const perPlan = groepeer(reviews, (r) => r.planId);
  const commentsPerPlan = groepeer(comments, (c) => c.planId);
  const plannen = levend(planSchema, await db.plans.bulkGet([...perPlan.keys()]).then(bestaand));
  const stand = new Map<string, ReviewStand>();
  for (const plan of plannen) {
    stand.set(
      plan.clientId,
      reviewStand(
        perPlan.get(plan.id) ?? [],
        commentsPerPlan.get(plan.id) ?? [],
        plan.versie,
        plan.status,
      ),
    );
  }
  return stand;
}

// ---------------------------------------------------------------------------------------------
// Plumbing

async function leesPlan(db: ArrangeurDB, id: string): Promise<Plan | undefined> {
  const rij = await db.plans.get(id);
  return rij && !rij.deleted ? lees(planSchema, rij) : undefined;
}

async function leesReview(db: ArrangeurDB, id: string): Promise<Review | undefined> {
  const rij = await db.reviews.get(id);
  return rij && !rij.deleted ? lees(reviewSchema, rij) : undefined;
}

async function leesComment(db: ArrangeurDB, id: string): Promise<ReviewComment | undefined> {
  const rij = await db.reviewComments.get(id);
  return rij && !rij.deleted ? lees(reviewCommentSchema, rij) : undefined;
}

/**
 * Asks the domain's review rules (`reviewWeigering`, as the server does on push) about a write,
 * and words a refusal in Dutch. `review` is the review the write is about (for a comment: its
 * review); its casemanager writes as the reviewer. `existing` is the record as stored (none for a
 * new one); `velden` the record's domain fields.
 */
function volgensRegels(
  opts: WriteOptions,
  review: (Pick<Review, 'casemanagerId'> & { deleted?: boolean }) | undefined,
  w: { m: ReviewMutatie; existing: Review | ReviewComment | undefined; velden: readonly string[] },
): { ok: false; issues: PlanFout[] } | null {
  const existing: BestaandRecord | null = w.existing
    ? { type: w.existing.type, fields: veldenVan(w.velden, w.existing), deleted: false }
    : null;
  const reviewRecord: BestaandRecord | null = review
    ? { type: 'review', fields: veldenVan(REVIEW_VELDEN, review), deleted: !!review.deleted }
    : null;
  const weigering = reviewWeigering(
    { id: opts.updatedBy },
    review?.casemanagerId === opts.updatedBy,
    w.m,
    existing,
    reviewRecord,
    { ...existing?.fields, ...w.m.fields },
  );
  return weigering ? fout(inWoorden(weigering, w.m.recordType)) : null;
}

/** A refusal of the review rules in Dutch. */
function inWoorden(w: ReviewWeigering, recordType: string): string {
  switch (w.code) {
    case 'vastVeld':
      return recordType === 'review' ? REVIEW_MELDING.reviewVast : REVIEW_MELDING.commentAnderPlan;
    default:
      return REVIEW_MELDING[w.code];
  }
}

/** The plan with its new status, and the update mutation of `status` only. In a transaction. */
async function zetPlanStatus(
  db: ArrangeurDB,
  plan: Plan,
  status: Plan['status'],
  opts: WriteOptions,
  now: Date,
): Promise<Plan> {
  const alleenWie = { updatedBy: opts.updatedBy };
  return (await schrijfPlan(db, plan, { ...plan, status }, alleenWie, now, ['status'])).record;
}

/** Writes a comment (create or update) with its mutation, as `opts.updatedBy`. In a transaction. */
async function schrijfComment(
  db: ArrangeurDB,
  opts: WriteOptions,
  now: Date,
  c: {
    clientId: string;
    wijzigbaar: readonly string[];
    gegevens: object;
    vorige: ReviewComment | undefined;
    id?: string | undefined;
  },
): Promise<Result<ReviewComment>> {
  const { record } = await schrijfRecord(db, {
    table: db.reviewComments,
    schema: reviewCommentSchema,
    type: 'reviewComment',
    velden: COMMENT_VELDEN,
    naarRij: commentRij,
    opts: { updatedBy: opts.updatedBy },
    now,
    ...c,
  });
  return { ok: true, record };
}

/** The row as stored: `openstaand` mirrors `afgehandeld` for the index (see ReviewCommentRow). */
function commentRij(comment: ReviewComment): ReviewCommentRow {
  return { ...zonderUndefined(comment), openstaand: comment.afgehandeld ? 0 : 1 };
}

function nieuwsteEerst(reviews: Review[]): Review[] {
  return reviews.sort(
    (a, b) => b.gevraagdOp.localeCompare(a.gevraagdOp) || b.id.localeCompare(a.id),
  );
}

function groepeer<T>(lijst: readonly T[], sleutel: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of lijst) {
    const k = sleutel(t);
    const groep = m.get(k);
    if (groep) groep.push(t);
    else m.set(k, [t]);
  }
  return m;
}

function bestaand<T>(rijen: (T | undefined)[]): T[] {
  return rijen.filter((r): r is T => r !== undefined);
}

function overgangFout(overgang: Extract<ReviewOvergang<unknown>, { ok: false }>): {
  ok: false;
  issues: PlanFout[];
} {
  return fouten(
    overgang.redenen.map((code) => ({
      path: REVIEW_REDEN_TEKST[code].veld,
      message: REVIEW_REDEN_TEKST[code].tekst,
      code,
    })),
  );
}
