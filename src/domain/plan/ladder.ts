/**
 * Where a plan stands on the ladder, and whether going to professional inzet needs a reason.
 *
 * The order is the law's, not ours: Wmo 2015 art. 2.3.2 lid 4 makes the college look, in this
 * order, at (a) the hulpvraag, (b) eigen kracht, (c) gebruikelijke hulp and het sociale netwerk,
 * (d) ondersteuning of the mantelzorger, (e) algemene voorzieningen, before a maatwerkvoorziening.
 * Art. 2.3.5 lid 3 grants a maatwerkvoorziening only in so far as those earlier rungs fall short,
 * so when a plan goes to professional inzet with an earlier rung empty, the plan must say why.
 *
 * "Ladder first, never a wall" (issue 4): nothing here blocks; it reports, and the editor asks for
 * a short `ladderToelichting` that is kept with the plan.
 */
import { LADDER_STAPPEN, type LadderStap, type Plan } from './model.ts';

/** Every step of the kitchen-table flow, in order: the hulpvraag, the ladder rungs, the akkoord. */
export const PLAN_STAPPEN = ['hulpvraag', ...LADDER_STAPPEN, 'akkoord'] as const;
export type PlanStap = (typeof PLAN_STAPPEN)[number];

/**
 * The rungs art. 2.3.2 lid 4 (b–e) names before a maatwerkvoorziening. Hulpmiddelen are not among
 * them: an empty hulpmiddel rung needs no reason.
 */
export const WETTELIJKE_VOORSTAPPEN = [
  'eigen-kracht',
  'netwerk',
  'mantelzorgondersteuning',
  'voorziening',
] as const satisfies readonly LadderStap[];

export interface StapStand {
  readonly stap: PlanStap;
  /** How many records fill this step (doelen, items, naasten); 1 or 0 for hulpvraag text / akkoord. */
  readonly aantal: number;
  readonly ingevuld: boolean;
}

export interface LadderStand {
  /** All steps of PLAN_STAPPEN, in that order. */
  readonly stappen: readonly StapStand[];
  readonly heeftProfessioneel: boolean;
  /** Rungs before professional inzet that are empty (all of them, hulpmiddel included), in order. */
  readonly legeEerdereStappen: readonly LadderStap[];
  /** The subset of WETTELIJKE_VOORSTAPPEN that is empty: what the reason must cover. */
  readonly legeWettelijkeStappen: readonly LadderStap[];
  /** Professional inzet while a legal earlier rung is empty: a reason belongs with the plan. */
  readonly toelichtingNodig: boolean;
  /** `toelichtingNodig` and no reason given yet: the editor should ask for one now. */
  readonly toelichtingVereist: boolean;
  /** The first step that is not filled yet (where the plan stands), or undefined when all are. */
  readonly volgendeStap: PlanStap | undefined;
}

/** Only what the ladder looks at, so callers can pass records or form state alike. */
export interface LadderInvoer {
  readonly plan: Pick<Plan, 'hulpvraag' | 'ladderToelichting' | 'akkoord'>;
  readonly doelen?: readonly { readonly deleted?: boolean }[];
  readonly items: readonly { readonly stap: LadderStap; readonly deleted?: boolean }[];
  readonly naasten: readonly { readonly deleted?: boolean }[];
}

const levend = <T extends { readonly deleted?: boolean }>(rijen: readonly T[]): T[] =>
  rijen.filter((r) => r.deleted !== true);

export function ladderStand({ plan, doelen = [], items, naasten }: LadderInvoer): LadderStand {
  const perStap = new Map<LadderStap, number>(LADDER_STAPPEN.map((s) => [s, 0]));
  for (const item of levend(items)) perStap.set(item.stap, (perStap.get(item.stap) ?? 0) + 1);
  // Naasten are the netwerk rung's own records (issue 4, step 3): a naaste who helps fills it even
  // before an item says what he does.
  const aantalNaasten = levend(naasten).length;

  const aantal = (stap: PlanStap): number => {
    switch (stap) {
      case 'hulpvraag':
        // The hulpvraag is asked either as free text or as doelen per levensdomein; either counts.
        return (plan.hulpvraag?.trim() ? 1 : 0) + levend(doelen).length;
      case 'akkoord':
        return plan.akkoord ? 1 : 0;
      case 'netwerk':
        return (perStap.get('netwerk') ?? 0) + aantalNaasten;
      default:
        return perStap.get(stap) ?? 0;
    }
  };
  const stappen = PLAN_STAPPEN.map((stap) => {
    const n = aantal(stap);
    return { stap, aantal: n, ingevuld: n > 0 };
  });
  const ingevuld = (stap: PlanStap) => stappen.find((s) => s.stap === stap)!.ingevuld;

  const heeftProfessioneel = ingevuld('professioneel');
  const eerder = LADDER_STAPPEN.slice(0, LADDER_STAPPEN.indexOf('professioneel'));
  const legeEerdereStappen = heeftProfessioneel ? eerder.filter((s) => !ingevuld(s)) : [];
  const legeWettelijkeStappen = WETTELIJKE_VOORSTAPPEN.filter((s) =>
    legeEerdereStappen.includes(s),
  );
  const toelichtingNodig = legeWettelijkeStappen.length > 0;
  return {
    stappen,
    heeftProfessioneel,
    legeEerdereStappen,
    legeWettelijkeStappen,
    toelichtingNodig,
    toelichtingVereist: toelichtingNodig && !plan.ladderToelichting?.trim(),
    volgendeStap: stappen.find((s) => !s.ingevuld)?.stap,
  };
}

/**
 * The legal earlier rungs that are empty at the moment the arrangeur adds professional inzet: what
 * the editor names when it asks for the reason. Empty when no reason is needed.
 */
export function legeStappenBijProfessioneel(invoer: LadderInvoer): readonly LadderStap[] {
  const items = [...invoer.items, { stap: 'professioneel' as const }];
  return ladderStand({ ...invoer, items }).legeWettelijkeStappen;
}
