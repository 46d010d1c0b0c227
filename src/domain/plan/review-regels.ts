/**
 * The review rules (issue 6; issue 12 point 8), pure: who may write what on a review and its
 * comments. The server applies them on every push (server/sync/push.ts, with the access rules of
 * server/db/toegang.ts, whose table explains the roles); the device can ask the same functions
 * before it queues a change. No I/O: the caller passes the stored records in.
 */
import { REVIEW_BESLUIT_VELDEN } from './review.ts';

/** Comment fields the reviewer may change on her own comment after making it. */
const EIGEN_COMMENT_VELDEN: readonly string[] = ['tekst', 'sectie', 'itemId'];

/** The part of a stored record the review rules look at. */
export interface BestaandRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly deleted: boolean;
}

/**
 * The review-write rule (¹ in the table) for a casemanager whose only access is a review share.
 * Pure: the caller loads `existing` (the record as stored, null when new) and, for a comment,
 * `review` (the stored review it points at, null when unknown).
 * @returns null when allowed, else a short English reason (the wire's `detail`).
 */
export function reviewerMagSchrijven(
  g: { readonly id: string },
  m: {
    readonly recordType: string;
    readonly fields: Readonly<Record<string, unknown>>;
    readonly deleted?: boolean | undefined;
  },
  existing: BestaandRecord | null,
  review: BestaandRecord | null,
): string | null {
  const velden = Object.keys(m.fields);
  if (m.recordType === 'review') {
    if (!existing || existing.type !== 'review' || existing.deleted)
      return 'a reviewer only answers an existing review';
    if (existing.fields['casemanagerId'] !== g.id)
      return 'this review is addressed to someone else';
    if (m.deleted) return 'a reviewer cannot delete a review';
    const anders = velden.filter((v) => !(REVIEW_BESLUIT_VELDEN as readonly string[]).includes(v));
    return anders.length > 0
      ? `a reviewer may only write the besluit, not: ${anders.join(', ')}`
      : null;
  }
  if (m.recordType === 'reviewComment') {
    if (existing) {
      if (existing.type !== 'reviewComment') return 'not a review comment';
      if (existing.fields['auteurId'] !== g.id)
        return 'a reviewer may only change her own comments';
      const anders = velden.filter((v) => !EIGEN_COMMENT_VELDEN.includes(v));
      return anders.length > 0 ? `a reviewer may not change: ${anders.join(', ')}` : null;
    }
    if (m.deleted) return 'nothing to delete';
    if (m.fields['auteurId'] !== g.id) return 'auteurId: must be your own user id';
    if (m.fields['afgehandeld'] === true) return 'afgehandeld: set by the arrangeur only';
    if (!review || review.type !== 'review' || review.deleted) return 'reviewId: no such review';
    if (review.fields['casemanagerId'] !== g.id)
      return 'reviewId: this review is addressed to someone else';
    return null;
  }
  return 'a reviewer may only write review comments and her besluit';
}

/** Fields of a review that say whom it asks about what: fixed once it exists. */
const VASTE_REVIEW_VELDEN: readonly string[] = ['planId', 'clientId', 'versie', 'casemanagerId'];
const VASTE_COMMENT_VELDEN: readonly string[] = ['reviewId', 'planId', 'auteurId'];

/**
 * The review rules for every writer (see the table): besluit only by the named casemanager,
 * addressing fields fixed, comments under the writer's own name.
 * @returns null when allowed, else a short English reason.
 */
export function reviewRegel(
  g: { readonly id: string },
  m: { readonly recordType: string; readonly fields: Readonly<Record<string, unknown>> },
  existing: BestaandRecord | null,
  merged: Readonly<Record<string, unknown>>,
): string | null {
  if (m.recordType !== 'review' && m.recordType !== 'reviewComment') return null;
  const vast = m.recordType === 'review' ? VASTE_REVIEW_VELDEN : VASTE_COMMENT_VELDEN;
  if (existing) {
    const veranderd = vast.filter((v) => v in m.fields && m.fields[v] !== existing.fields[v]);
    if (veranderd.length > 0) return `${veranderd.join(', ')}: cannot change`;
  }
  if (m.recordType === 'review') {
    const besluit = REVIEW_BESLUIT_VELDEN.filter((v) => v in m.fields);
    if (besluit.length === 0 || merged['casemanagerId'] === g.id) return null;
    if (!existing && besluit.every((v) => m.fields[v] === null)) return null;
    return 'besluit: only the casemanager asked may decide';
  }
  if (!existing && m.fields['auteurId'] !== g.id) return 'auteurId: must be your own user id';
  return null;
}
