/**
 * routeInzet: which domain and financier pay for one inzet, why, and what is still needed.
 * Pure: the peildatum is passed in (never today's date from inside the domain), so the same input
 * always gives the same decision, and a plan from last year is judged by last year's rules.
 *
 * Two doors:
 * - `routeInzet` takes values that passed the gate (branded by the zod schemas, docs/style.md 11) and
 *   throws `RoutingFout` only for inputs that are valid in shape but impossible to route (a
 *   peildatum before the first rule version, a birth date after the peildatum).
 * - `safeRouteInzet` takes anything (JSON from the CLI or the wire) and never throws: it returns
 *   `{ ok: false, fout }` with a Dutch message naming the field.
 */
import type { Categorie } from '../catalog/index.ts';
import { isoDateSchema, type IsoDate } from '../model/dates.ts';
import { beschrijfFouten } from '../model/fouten.ts';
import { inzetSchema, type Inzet } from '../model/inzet.ts';
import { routingContextSchema, type RoutingContext } from '../model/routing-context.ts';
import { bepaalFeiten, bepaalToestand, kiesRegel, regelversieOp } from './engine.ts';
import { bepaalFinancier, type Domein, type Financier, type Ontbrekend } from './financier.ts';
import { EERSTE_PEILDATUM, type BronId, type Situatie } from './rules.ts';
import { voorwaarde, type Voorwaarde, type VoorwaardeCode } from './voorwaarden.ts';

export type { Domein, Financier, Ontbrekend, Voorwaarde, VoorwaardeCode, Situatie };
export { REGELS, REGELVERSIES, SITUATIES, BRONNEN } from './rules.ts';
export { VOORWAARDEN, VOORWAARDE_CODES } from './voorwaarden.ts';

export interface RoutingBesluit {
  /** The catalog type and its category key (docs/financiering.md §1). */
  readonly inzet: { readonly code: string; readonly label: string; readonly categorie: Categorie };
  readonly peildatum: string;
  readonly situatie: Situatie;
  readonly domein: Domein;
  readonly financier: Financier | null;
  readonly grondslag: string;
  readonly uitleg: string;
  readonly voorwaarden: readonly Voorwaarde[];
  /** False when the row is uncertain or a fact had to be assumed; `ontbrekend` then says which. */
  readonly zeker: boolean;
  readonly regelversie: string;
  /** Id of the row in rules.ts that decided. */
  readonly regel: string;
  readonly bron: readonly BronId[];
  readonly ontbrekend: readonly Ontbrekend[];
}

export class RoutingFout extends Error {
  override readonly name = 'RoutingFout';
}

const WLZ_THUIS_SITUATIES: readonly Situatie[] = [
  'wlz-vpt',
  'wlz-mpt',
  'wlz-pgb',
  'wlz-geen-leveringsvorm',
];

export function routeInzet(
  context: RoutingContext,
  inzet: Inzet,
  peildatum: IsoDate,
): RoutingBesluit {
  const regelversie = regelversieOp(peildatum);
  if (!regelversie) {
    throw new RoutingFout(`Er zijn geen regels vóór ${EERSTE_PEILDATUM} (peildatum ${peildatum}).`);
  }
  if (context.geboortedatum > peildatum) {
    throw new RoutingFout(
      `De geboortedatum (${context.geboortedatum}) ligt na de peildatum (${peildatum}).`,
    );
  }
  const toestand = bepaalToestand(context, peildatum);
  const feiten = bepaalFeiten(context, inzet);
  const keuze = kiesRegel(inzet.categorie, toestand, feiten, peildatum);
  if (!keuze) {
    // A gap in the table is a bug, never a silent default; test/domain/routing guards against it.
    throw new RoutingFout(
      `Geen regel voor ${inzet.categorie} in situatie ${toestand.situatie} op ${peildatum}.`,
    );
  }
  const { regel } = keuze;
  const { financier, ontbrekend: financierOntbreekt } = bepaalFinancier(regel.then.domein, context);

  // Every Wlz decision for a client with an indicatie rests on the CIZ indicatiebesluit (Wlz art.
  // 3.2.3); at home the zorgkantoor must also agree to the leveringsvorm (art. 3.3.2 lid 3–4, 3.3.3).
  const codes: VoorwaardeCode[] = [];
  if (
    regel.then.domein === 'Wlz' &&
    toestand.situatie !== 'geen-wlz' &&
    toestand.situatie !== 'minderjarig'
  ) {
    codes.push('ciz-indicatie');
    if (WLZ_THUIS_SITUATIES.includes(toestand.situatie))
      codes.push('keuze-leveringsvorm-zorgkantoor');
  }
  for (const c of regel.voorwaarden) if (!codes.includes(c)) codes.push(c);

  const ontbrekend = [...toestand.ontbrekend, ...keuze.ontbrekend];
  if (financierOntbreekt && !ontbrekend.some((o) => o.veld === financierOntbreekt.veld)) {
    ontbrekend.push(financierOntbreekt);
  }

  return {
    inzet: { code: inzet.type.code, label: inzet.type.label, categorie: inzet.categorie },
    peildatum,
    situatie: toestand.situatie,
    domein: regel.then.domein,
    financier,
    grondslag: regel.grondslag,
    uitleg: regel.uitleg,
    voorwaarden: codes.map(voorwaarde),
    zeker: regel.zeker && ontbrekend.length === 0,
    regelversie,
    regel: regel.id,
    bron: regel.bron,
    ontbrekend,
  };
}

export type RoutingUitkomst = { ok: true; besluit: RoutingBesluit } | { ok: false; fout: string };

/** Parse and route anything; never throws. */
export function safeRouteInzet(
  context: unknown,
  inzet: unknown,
  peildatum: unknown,
): RoutingUitkomst {
  const c = routingContextSchema.safeParse(context, { reportInput: true });
  if (!c.success) return { ok: false, fout: beschrijfFouten('context', c.error) };
  const i = inzetSchema.safeParse(inzet, { reportInput: true });
  if (!i.success) return { ok: false, fout: beschrijfFouten('inzet', i.error) };
  const p = isoDateSchema.safeParse(peildatum, { reportInput: true });
  if (!p.success) return { ok: false, fout: beschrijfFouten('peildatum', p.error) };
  try {
    return { ok: true, besluit: routeInzet(c.data, i.data, p.data) };
  } catch (e) {
    // RoutingFout is the expected case; anything else is a bug, still reported per element so a
    // bulk run (CLI) goes on with the rest.
    return { ok: false, fout: e instanceof Error ? e.message : String(e) };
  }
}
