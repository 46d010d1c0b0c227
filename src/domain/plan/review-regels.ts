/**
 * The review rules (issue 6; issue 12 point 8), pure: who may write what on a review and its
 * comments. The server applies them on every push (server/sync/push.ts, with the access rules of
 * server/db/toegang.ts, whose table explains the roles); the device asks `reviewWeigering` before
 * it queues a change (storage/repositories/reviews.ts), so both give the same answer
 * (test/storage/review-regels-gelijk.test.ts). No I/O: the caller passes the stored records in.
 */
import { REVIEW_BESLUIT_VELDEN } from './review.ts';

/** Comment fields the author may change on her own comment after making it. */
export const EIGEN_COMMENT_VELDEN: readonly string[] = ['tekst', 'sectie', 'itemId'];

/** The part of a stored record the review rules look at. */
export interface BestaandRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly deleted: boolean;
}

/** A write as the rules see it: the mutation's type, the fields it carries, and a delete. */
export interface ReviewMutatie {
  readonly recordType: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly deleted?: boolean | undefined;
}

/**
 * Why a review write is refused, as a code the device words in Dutch (storage/repositories/
 * reviews.ts) and an English `detail` the server sends on the wire.
 */
export type ReviewWeigerCode =
  /** A reviewer answers an existing review only; a comment's review is unknown. */
  | 'reviewOnbekend'
  /** The review (or the comment's review) is addressed to someone else. */
  | 'nietGevraagd'
  /** A reviewer writes only her besluit on a review, and nothing but comments and besluit. */
  | 'alleenBesluit'
  /** A comment of someone else, or a new one under another name. */
  | 'nietVanU'
  /** `afgehandeld` is the arrangeur's, not the reviewer's. */
  | 'afhandelenDoorArrangeur'
  /** A field that says whom and what a review or comment is about, changed. */
  | 'vastVeld'
  /** Anything else a reviewer may not do (delete a review, delete what is not there). */
  | 'nietToegestaan';

export interface ReviewWeigering {
  readonly code: ReviewWeigerCode;
  readonly detail: string;
}

const weiger = (code: ReviewWeigerCode, detail: string): ReviewWeigering => ({ code, detail });

/**
 * The review-write rule (¹ in the table) for a casemanager whose only access is a review share.
 * Pure: the caller loads `existing` (the record as stored, null when new) and, for a comment,
 * `review` (the stored review it points at, null when unknown).
 * @returns null when allowed, else why not.
 */
export function reviewerWeigering(
  g: { readonly id: string },
  m: ReviewMutatie,
  existing: BestaandRecord | null,
  review: BestaandRecord | null,
): ReviewWeigering | null {
  const velden = Object.keys(m.fields);
  if (m.recordType === 'review') {
    if (!existing || existing.type !== 'review' || existing.deleted)
      return weiger('reviewOnbekend', 'a reviewer only answers an existing review');
    if (existing.fields['casemanagerId'] !== g.id)
      return weiger('nietGevraagd', 'this review is addressed to someone else');
    if (m.deleted) return weiger('nietToegestaan', 'a reviewer cannot delete a review');
    const anders = velden.filter((v) => !(REVIEW_BESLUIT_VELDEN as readonly string[]).includes(v));
    return anders.length > 0
      ? weiger('alleenBesluit', `a reviewer may only write the besluit, not: ${anders.join(', ')}`)
      : null;
  }
  if (m.recordType === 'reviewComment') {
    if (existing) {
      if (existing.type !== 'reviewComment')
        return weiger('nietToegestaan', 'not a review comment');
      if (existing.fields['auteurId'] !== g.id)
        return weiger('nietVanU', 'a reviewer may only change her own comments');
      const anders = velden.filter((v) => !EIGEN_COMMENT_VELDEN.includes(v));
      if (anders.length === 0) return null;
      return weiger(
        anders.includes('afgehandeld') ? 'afhandelenDoorArrangeur' : 'vastVeld',
        `a reviewer may not change: ${anders.join(', ')}`,
      );
    }
    if (m.deleted) return weiger('nietToegestaan', 'nothing to delete');
    if (m.fields['auteurId'] !== g.id)
      return weiger('nietVanU', 'auteurId: must be your own user id');
    if (m.fields['afgehandeld'] === true)
      return weiger('afhandelenDoorArrangeur', 'afgehandeld: set by the arrangeur only');
    if (!review || review.type !== 'review' || review.deleted)
      return weiger('reviewOnbekend', 'reviewId: no such review');
    if (review.fields['casemanagerId'] !== g.id)
      return weiger('nietGevraagd', 'reviewId: this review is addressed to someone else');
    return null;
  }
  return weiger('alleenBesluit', 'a reviewer may only write review comments and her besluit');
}

/** reviewerWeigering as the wire's `detail`: null when allowed, else a short English reason. */
export function reviewerMagSchrijven(
  g: { readonly id: string },
  m: ReviewMutatie,
  existing: BestaandRecord | null,
  review: BestaandRecord | null,
): string | null {
  return reviewerWeigering(g, m, existing, review)?.detail ?? null;
}

/** Fields of a review that say whom it asks about what: fixed once it exists. */
const VASTE_REVIEW_VELDEN: readonly string[] = ['planId', 'clientId', 'versie', 'casemanagerId'];
const VASTE_COMMENT_VELDEN: readonly string[] = ['reviewId', 'planId', 'auteurId'];

/**
 * The review rules for every writer (see the table): besluit only by the named casemanager,
 * addressing fields fixed, comments under the writer's own name, and a comment's text changed or
 * deleted by its author only (the arrangeur marks it afgehandeld, she does not rewrite it).
 * @returns null when allowed, else why not.
 */
export function reviewRegelWeigering(
  g: { readonly id: string },
  m: ReviewMutatie,
  existing: BestaandRecord | null,
  merged: Readonly<Record<string, unknown>>,
): ReviewWeigering | null {
  if (m.recordType !== 'review' && m.recordType !== 'reviewComment') return null;
  const vast = m.recordType === 'review' ? VASTE_REVIEW_VELDEN : VASTE_COMMENT_VELDEN;
  if (existing) {
    const veranderd = vast.filter((v) => v in m.fields && m.fields[v] !== existing.fields[v]);
    if (veranderd.length > 0) return weiger('vastVeld', `${veranderd.join(', ')}: cannot change`);
  }
  if (m.recordType === 'review') {
    const besluit = REVIEW_BESLUIT_VELDEN.filter((v) => v in m.fields);
    if (besluit.length === 0 || merged['casemanagerId'] === g.id) return null;
    if (!existing && besluit.every((v) => m.fields[v] === null)) return null;
    return weiger('nietGevraagd', 'besluit: only the casemanager asked may decide');
  }
  if (!existing) {
    return m.fields['auteurId'] !== g.id
      ? weiger('nietVanU', 'auteurId: must be your own user id')
      : null;
  }
  const vanAnder = existing.fields['auteurId'] !== g.id;
  if (vanAnder && (m.deleted || EIGEN_COMMENT_VELDEN.some((v) => v in m.fields)))
    return weiger('nietVanU', 'a comment is changed or deleted by its author only');
  return null;
}

/** reviewRegelWeigering as the wire's `detail`: null when allowed, else a short English reason. */
export function reviewRegel(
  g: { readonly id: string },
  m: ReviewMutatie,
  existing: BestaandRecord | null,
  merged: Readonly<Record<string, unknown>>,
): string | null {
  return reviewRegelWeigering(g, m, existing, merged)?.detail ?? null;
}

/**
 * Both rules in the order the push route applies them (server/sync/push.ts): for a writer whose
 * only access is a review share (`alsReviewer`) first reviewerWeigering, then for everyone
 * reviewRegelWeigering on the record as merged. The device asks this before it queues a write.
 */
export function reviewWeigering(
  g: { readonly id: string },
  alsReviewer: boolean,
  m: ReviewMutatie,
  existing: BestaandRecord | null,
  review: BestaandRecord | null,
  merged: Readonly<Record<string, unknown>>,
): ReviewWeigering | null {
  return (
    (alsReviewer ? reviewerWeigering(g, m, existing, review) : null) ??
    reviewRegelWeigering(g, m, existing, merged)
  );
}
