/**
 * Plan status transitions (issue 4, point 6): concept → vastgesteld (a read-only snapshot is kept
 * by storage) → a new concept with versie + 1 for changes. Pure: `vandaag` is passed in.
 *
 * Refusals come back as codes (STYLE 4), never exceptions; the UI translates them. The Dutch
 * default texts below are for places without their own wording (storage results, the CLI).
 */
import type { IsoDate } from '../model/dates.ts';
import type { LadderStand } from './ladder.ts';
import type { Akkoord, Plan } from './model.ts';

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
  | 'ladder-toelichting-ontbreekt';

export const VASTSTEL_REDEN_TEKST: Record<VaststelReden, { veld: string; tekst: string }> = {
  'niet-concept': { veld: 'status', tekst: 'Alleen een concept kan worden vastgesteld.' },
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
 */
export function vaststelRedenen(
  plan: VaststelInvoer,
  vandaag: string,
  ladder?: Pick<LadderStand, 'toelichtingNodig'>,
): VaststelReden[] {
  const redenen: VaststelReden[] = [];
  if (plan.status !== 'concept') redenen.push('niet-concept');
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
 * concept → vastgesteld on `vandaag`. @returns the plan with only `status` and `vastgesteldOp`
 * changed, or the reasons it cannot be done.
 */
export function stelVast<T extends StatusVelden>(
  plan: T,
  vandaag: IsoDate,
  ladder?: Pick<LadderStand, 'toelichtingNodig'>,
): Overgang<T> {
  const redenen = vaststelRedenen(plan, vandaag, ladder);
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
