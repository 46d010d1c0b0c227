/**
 * Plan status transitions (issue 4, point 6; issue 6, point 1): concept → (ter-review → concept
 * or vastgesteld) → vastgesteld (a read-only snapshot is kept by storage) → a new concept with
 * versie + 1 for changes. Pure: `vandaag` is passed in.
 *
 * Review: the arrangeur sends a concept "ter review" (stuurTerReview); the casemanager answers
 * akkoord or aanpassen on the `review` record. After akkoord the plan can be vastgesteld straight
 * from ter-review; after aanpassen (or to withdraw) it goes back to concept (terugNaarConcept).
 *
 * Refusals come back as codes (docs/style.md 4), never exceptions; the UI translates them. The Dutch
 * default texts below are for places without their own wording (storage results, the CLI).
 */
import type { IsoDate } from '../model/dates.ts';
import type { LadderStand } from './ladder.ts';
import type { Akkoord, Plan } from './model.ts';
import type { Review, ReviewBesluit, ReviewComment } from './review.ts';

export type VaststelReden =
  /** Only a concept can be vastgesteld; a vastgesteld plan first becomes a new concept. */
  | 'niet-concept'
  | 'akkoord-ontbreekt'
  | 'akkoord-datum-ontbreekt'
  | 'akkoord-wijze-ontbreekt'
  | 'akkoord-door-ontbreekt'
  /** An akkoord cannot be given on a day that has not come yet. */
  | 'akkoord-in-toekomst'
  | 'evaluatiedatum-ontbreekt'
  /** Evaluating before the client agreed makes no sense; most likely a typing error. */
  | 'evaluatiedatum-voor-akkoord'
  /** Professional inzet with an empty legal rung and no reason (Wmo 2015 art. 2.3.5 lid 3). */
  | 'ladder-toelichting-ontbreekt'
  /** The plan is ter review and the reviewer has not (yet) said akkoord on this versie. */
  | 'review-loopt';

export const VASTSTEL_REDEN_TEKST: Record<VaststelReden, { veld: string; tekst: string }> = {
  'niet-concept': { veld: 'status', tekst: 'Alleen een concept kan worden vastgesteld.' },
  'review-loopt': {
    veld: 'status',
    tekst:
      'Het plan ligt ter review. Wacht op akkoord van de casemanager, of haal het plan terug naar concept.',
  },
  'akkoord-ontbreekt': { veld: 'akkoord', tekst: 'Leg vast dat de cliënt akkoord is.' },
  'akkoord-datum-ontbreekt': {
    veld: 'akkoord.datum',
    tekst: 'Vul de datum van het akkoord in.',
  },
  'akkoord-wijze-ontbreekt': {
    veld: 'akkoord.wijze',
    tekst: 'Kies hoe de cliënt akkoord gaf.',
  },
  'akkoord-door-ontbreekt': { veld: 'akkoord.door', tekst: 'Kies wie akkoord gaf.' },
  'akkoord-in-toekomst': {
    veld: 'akkoord.datum',
    tekst: 'De datum van het akkoord ligt in de toekomst.',
  },
  'evaluatiedatum-ontbreekt': { veld: 'evaluatiedatum', tekst: 'Kies een evaluatiedatum.' },
  'evaluatiedatum-voor-akkoord': {
    veld: 'evaluatiedatum',
    tekst: 'De evaluatiedatum ligt vóór de datum van het akkoord.',
  },
  'ladder-toelichting-ontbreekt': {
    veld: 'ladderToelichting',
    tekst: 'Leg kort uit waarom professionele hulp nodig is terwijl eerdere stappen leeg zijn.',
  },
};

type StatusVelden = Pick<
  Plan,
  'status' | 'versie' | 'akkoord' | 'evaluatiedatum' | 'vastgesteldOp' | 'ladderToelichting'
>;

/** A plan as the check sees it: the akkoord may still be half filled in (form state). */
export type VaststelInvoer = Omit<StatusVelden, 'akkoord'> & {
  akkoord: Partial<Akkoord> | null | undefined;
};

/**
 * Why the plan cannot be vastgesteld on `vandaag`, in the order the editor shows them; empty when
 * it can. Pass the ladder stand to also require the ladder reason when one is needed.
 *
 * A plan ter review can be vastgesteld only when the latest review of its versie says akkoord:
 * pass `review` (reviewStand of the plan's reviews); without it a plan ter review is refused
 * with 'review-loopt'.
 */
export function vaststelRedenen(
  plan: VaststelInvoer,
  vandaag: string,
  ladder?: Pick<LadderStand, 'toelichtingNodig'>,
  review?: Pick<ReviewStand, 'status'>,
): VaststelReden[] {
  const redenen: VaststelReden[] = [];
  if (plan.status === 'ter-review') {
    if (review?.status !== 'akkoord') redenen.push('review-loopt');
  } else if (plan.status !== 'concept') redenen.push('niet-concept');
  const akkoord = plan.akkoord;
  if (!akkoord) {
    redenen.push('akkoord-ontbreekt');
  } else {
    if (!akkoord.datum) redenen.push('akkoord-datum-ontbreekt');
    else if (akkoord.datum > vandaag) redenen.push('akkoord-in-toekomst');
    if (!akkoord.wijze) redenen.push('akkoord-wijze-ontbreekt');
    if (!akkoord.door) redenen.push('akkoord-door-ontbreekt');
  }
  if (!plan.evaluatiedatum) redenen.push('evaluatiedatum-ontbreekt');
  else if (akkoord?.datum && plan.evaluatiedatum < akkoord.datum)
    redenen.push('evaluatiedatum-voor-akkoord');
  if (ladder?.toelichtingNodig && !plan.ladderToelichting?.trim())
    redenen.push('ladder-toelichting-ontbreekt');
  return redenen;
}

export type Overgang<T> = { ok: true; plan: T } | { ok: false; redenen: VaststelReden[] };

/**
 * concept (or ter-review after akkoord) → vastgesteld on `vandaag`. @returns the plan with only
 * `status` and `vastgesteldOp` changed, or the reasons it cannot be done.
 */
export function stelVast<T extends StatusVelden>(
  plan: T,
  vandaag: IsoDate,
  ladder?: Pick<LadderStand, 'toelichtingNodig'>,
  review?: Pick<ReviewStand, 'status'>,
): Overgang<T> {
  const redenen = vaststelRedenen(plan, vandaag, ladder, review);
  if (redenen.length > 0) return { ok: false, redenen };
  return { ok: true, plan: { ...plan, status: 'vastgesteld', vastgesteldOp: vandaag } };
}

/**
 * vastgesteld (or geëvalueerd) → a new concept for changes: versie + 1, the akkoord cleared (the
 * client agrees to the new version anew), vastgesteldOp cleared. The evaluatiedatum stays: the
 * running plan is still due for evaluation until the new version is vastgesteld.
 */
export function maakNieuwConcept<T extends StatusVelden>(
  plan: T,
): { ok: true; plan: T } | { ok: false; redenen: ['al-concept'] } {
  if (plan.status === 'concept' || plan.status === 'ter-review') {
    return { ok: false, redenen: ['al-concept'] };
  }
  return {
    ok: true,
    plan: {
      ...plan,
      status: 'concept',
      versie: plan.versie + 1,
      akkoord: null,
      vastgesteldOp: undefined,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Review

export type ReviewOvergangReden =
  /** Only a concept can be sent ter review (a vastgesteld plan first becomes a new concept). */
  | 'niet-concept'
  /** The plan is already ter review. */
  | 'al-ter-review'
  /** Only a plan ter review can go back to concept this way. */
  | 'niet-ter-review';

export const REVIEW_REDEN_TEKST: Record<ReviewOvergangReden, { veld: string; tekst: string }> = {
  'niet-concept': {
    veld: 'status',
    tekst: 'Alleen een concept kan ter review. Maak eerst een nieuw concept.',
  },
  'al-ter-review': { veld: 'status', tekst: 'Dit plan ligt al ter review.' },
  'niet-ter-review': { veld: 'status', tekst: 'Dit plan ligt niet ter review.' },
};

export type ReviewOvergang<T> =
  { ok: true; plan: T } | { ok: false; redenen: [ReviewOvergangReden] };

/** concept → ter-review. @returns the plan with only `status` changed, or why not. */
export function stuurTerReview<T extends Pick<Plan, 'status'>>(plan: T): ReviewOvergang<T> {
  if (plan.status === 'ter-review') return { ok: false, redenen: ['al-ter-review'] };
  if (plan.status !== 'concept') return { ok: false, redenen: ['niet-concept'] };
  return { ok: true, plan: { ...plan, status: 'ter-review' } };
}

/**
 * ter-review → concept: after the reviewer asked for changes (aanpassen), or to withdraw the
 * request. The review record stays as it was (history); a new round is a new review.
 */
export function terugNaarConcept<T extends Pick<Plan, 'status'>>(plan: T): ReviewOvergang<T> {
  if (plan.status !== 'ter-review') return { ok: false, redenen: ['niet-ter-review'] };
  return { ok: true, plan: { ...plan, status: 'concept' } };
}

export type ReviewStatus = 'geen' | 'wacht' | ReviewBesluit;

export interface ReviewStand {
  /**
   * Of the latest review of this versie: 'geen' (none asked), 'wacht' (no besluit yet),
   * 'akkoord' or 'aanpassen'.
   */
  status: ReviewStatus;
  laatste?: Review;
  /**
   * Comments not afgehandeld (and not deleted) on any of the reviews passed in, of any versie: a
   * comment from an earlier round that nobody dealt with still needs the arrangeur's attention.
   */
  open: number;
}

/**
 * The review stand of one plan at `versie`, for the caseload and the editor. Pass the plan's
 * reviews and comments (deleted ones are ignored). "Latest" is by `gevraagdOp`, then id, so
 * every device picks the same one.
 *
 * Pass the plan's `planStatus` too where it is known: a review without besluit on a plan that is
 * no longer ter review was withdrawn (terugNaarConcept), so nobody waits for it: 'geen'.
 */
export function reviewStand(
  reviews: readonly Review[],
  comments: readonly Pick<ReviewComment, 'reviewId' | 'afgehandeld' | 'deleted'>[],
  versie: number,
  planStatus?: Plan['status'],
): ReviewStand {
  const levend = reviews.filter((r) => !r.deleted);
  const ids = new Set(levend.map((r) => r.id));
  const open = comments.filter((c) => !c.deleted && !c.afgehandeld && ids.has(c.reviewId)).length;
  const laatste = levend
    .filter((r) => r.versie === versie)
    .reduce<Review | undefined>((beste, r) => (!beste || later(r, beste) ? r : beste), undefined);
  if (!laatste) return { status: 'geen', open };
  if (laatste.besluit) return { status: laatste.besluit, laatste, open };
  const ingetrokken = planStatus !== undefined && planStatus !== 'ter-review';
  return { status: ingetrokken ? 'geen' : 'wacht', laatste, open };
}

const later = (a: Review, b: Review): boolean =>
  a.gevraagdOp > b.gevraagdOp || (a.gevraagdOp === b.gevraagdOp && a.id > b.id);

/** A vastgesteld (or geëvalueerd) plan is what the client agreed to: it is never edited in place. */
export function isReadOnly(plan: Pick<Plan, 'status'>): boolean {
  return plan.status === 'vastgesteld' || plan.status === 'geevalueerd';
}

export type EvaluatieStatus = 'geen' | 'binnenkort' | 'verlopen';

/** Days ahead within which an evaluation shows as due in the caseload. */
export const EVALUATIE_VOORUIT_DAGEN = 14;

/**
 * Is the evaluation of this plan due on `vandaag`? 'verlopen' when the date has passed,
 * 'binnenkort' from 14 days ahead up to and including the day itself, otherwise 'geen'.
 *
 * Only a plan that runs counts: a vastgesteld plan, or a new concept (versie > 1) of one whose
 * previous version still applies. A first concept or an already geëvalueerd plan has nothing due.
 */
export function evaluatieStatus(
  plan: Pick<Plan, 'status' | 'versie' | 'evaluatiedatum'>,
  vandaag: string,
): EvaluatieStatus {
  const loopt = plan.status === 'vastgesteld' || (plan.status !== 'geevalueerd' && plan.versie > 1);
  if (!loopt || !plan.evaluatiedatum) return 'geen';
  const dagen = dagenTussen(vandaag, plan.evaluatiedatum);
  if (dagen < 0) return 'verlopen';
  return dagen <= EVALUATIE_VOORUIT_DAGEN ? 'binnenkort' : 'geen';
}

/** Whole days from `van` to `tot` (ISO dates; negative when `tot` is earlier). */
export function dagenTussen(van: string, tot: string): number {
  const dag = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return dag(tot) - dag(van);
}
