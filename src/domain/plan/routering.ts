/**
 * Routing of one plan item: the bridge between a stored item (raw inzet, as typed) and the
 * routing engine. The snapshot it returns is what storage keeps with the item, so coordinators
 * see the routed decision next to the arrangeur's override, even after the rule table changes.
 *
 * Peildatum: the start of the inzet when known (a plan judged next year still sees the rules
 * under which the care started), otherwise the date the caller passes in (today at the edge).
 */
import type { ClientGegevens } from '../model/client.ts';
import { routingContextFromClient } from '../model/routing-context.ts';
import { safeRouteInzet, type Domein, type RoutingBesluit } from '../routing/index.ts';
import type { PlanItem, RouteringSnapshot } from './model.ts';

type RoutingClient = Pick<
  ClientGegevens,
  'geboortedatum' | 'gemeente' | 'zorgverzekeraar' | 'wlzIndicatie'
> &
  Partial<Pick<ClientGegevens, 'intensieveKindzorg'>>;
type RouteerbaarItem = Pick<PlanItem, 'inzet'>;

export type PlanItemRoutering =
  | { ok: true; routering: RouteringSnapshot; besluit: RoutingBesluit }
  /** The item has no inzet: nothing to route (eigen kracht, netwerk, a plain voorziening). */
  | { ok: true; routering: null; besluit: null }
  /** The inzet cannot be routed: unknown code, wrong unit, a date before the rule table. */
  | { ok: false; fout: string };

/** Route an item and say why not when it cannot be routed. Never throws. */
export function probeerRouteerPlanItem(
  client: RoutingClient,
  item: RouteerbaarItem,
  peildatum: string,
): PlanItemRoutering {
  if (!item.inzet) return { ok: true, routering: null, besluit: null };
  const datum = item.inzet.periode?.van ?? peildatum;
  let context;
  try {
    context = routingContextFromClient(client);
  } catch {
    // The client record passed its own schema; a failure here means a stored client from an
    // older shape. Say so instead of guessing a domain.
    return { ok: false, fout: 'De gegevens van de cliënt zijn onvolledig; kijk de cliënt na.' };
  }
  const uitkomst = safeRouteInzet(context, item.inzet, datum);
  if (!uitkomst.ok) return { ok: false, fout: uitkomst.fout };
  const b = uitkomst.besluit;
  return {
    ok: true,
    besluit: b,
    routering: {
      domein: b.domein,
      financier: b.financier
        ? { soort: b.financier.soort, code: b.financier.code, naam: b.financier.naam }
        : null,
      grondslag: b.grondslag,
      regel: b.regel,
      regelversie: b.regelversie,
      zeker: b.zeker,
      peildatum: b.peildatum,
    },
  };
}

/**
 * The routing snapshot for an item, or null for an item without inzet or whose inzet cannot be
 * routed (use `probeerRouteerPlanItem` to learn why).
 */
export function routeerPlanItem(
  client: RoutingClient,
  item: RouteerbaarItem,
  peildatum: string,
): RouteringSnapshot | null {
  const uitkomst = probeerRouteerPlanItem(client, item, peildatum);
  return uitkomst.ok ? uitkomst.routering : null;
}

/** The domain that pays in the end: the arrangeur's choice when she overrode routing, else routing's. */
export function effectiefDomein(
  item: Pick<PlanItem, 'override' | 'routering'>,
): Domein | undefined {
  return item.override?.domein ?? item.routering?.domein;
}

/**
 * Two snapshots that decide the same thing. The peildatum alone differs when an item without a
 * start date is saved again on another day; keeping the old snapshot then avoids a needless
 * change on the wire (and a needless merge conflict with another device).
 */
export function zelfdeBesluit(a: RouteringSnapshot, b: RouteringSnapshot): boolean {
  return (
    a.domein === b.domein &&
    a.grondslag === b.grondslag &&
    a.regel === b.regel &&
    a.regelversie === b.regelversie &&
    a.zeker === b.zeker &&
    (a.financier?.code ?? null) === (b.financier?.code ?? null) &&
    (a.financier?.soort ?? null) === (b.financier?.soort ?? null)
  );
}

// geldendeBeslissing (below) — imports kept apart from the ones above so edits there merge cleanly.
import { bepaalFinancier, type Financier } from '../routing/financier.ts';
import { voorwaarde, type Voorwaarde, type VoorwaardeCode } from '../routing/voorwaarden.ts';

/** One payer decision: the domain, who pays in it, why, and what is still needed. */
export interface Beslissing {
  readonly domein: Domein;
  readonly financier: Financier | null;
  /** Plain-Dutch reason; null when only a stored snapshot is known (it keeps no uitleg). */
  readonly uitleg: string | null;
  readonly voorwaarden: readonly Voorwaarde[];
}

/** The decision that holds for an item: the chosen domain's, with routing's beside it when they differ. */
export interface GeldendeBeslissing extends Beslissing {
  /** What routing decided, only when the arrangeur chose another domain (else null). */
  readonly gerouteerd: Beslissing | null;
  /** The arrangeur's reason for choosing another domain; null without an override. */
  readonly reden: string | null;
}

/**
 * What routing decided, as either source gives it: the live `RoutingBesluit` (editor) or the
 * snapshot stored with the item (overview, print, review, coordinator).
 */
export interface GerouteerdeBeslissing {
  readonly domein: Domein;
  readonly financier: {
    readonly soort: string;
    readonly code: string;
    readonly naam: string;
  } | null;
  readonly uitleg?: string;
  readonly voorwaarden?: readonly Voorwaarde[];
}

/** The client facts that name a financier within a domain (routingContext or the coordinator's). */
export interface FinancierContext {
  readonly gemeente?: string | null | undefined;
  readonly zorgverzekeraar?: string | null | undefined;
}

/**
 * Why the chosen domain pays, and what it needs, when the arrangeur chose another domain than
 * routing. Routing's own uitleg and voorwaarden belong to the routed domain and would be wrong
 * next to the chosen one; these say what the chosen financier will ask for.
 */
const GEKOZEN: Record<Domein, { uitleg: string; voorwaarden: readonly VoorwaardeCode[] }> = {
  Wmo: {
    uitleg:
      'Gekozen voor de gemeente (Wmo). De gemeente regelt en betaalt deze hulp als zij dat na een melding en onderzoek toekent.',
    voorwaarden: ['wmo-melding-onderzoek', 'wmo-beschikking'],
  },
  Jeugdwet: {
    uitleg:
      'Gekozen voor de gemeente (Jeugdwet). De gemeente regelt en betaalt deze hulp voor het kind als zij die toekent.',
    voorwaarden: ['jeugdwet-toegang'],
  },
  Zvw: {
    uitleg:
      'Gekozen voor de zorgverzekeraar (Zvw). De zorgverzekeraar betaalt als die vooraf toestemming geeft.',
    voorwaarden: ['machtiging-zorgverzekeraar'],
  },
  Wlz: {
    uitleg:
      'Gekozen voor de Wet langdurige zorg. Het zorgkantoor betaalt als het CIZ een Wlz-indicatie geeft.',
    voorwaarden: ['ciz-indicatie'],
  },
  geen: {
    uitleg: 'Gekozen voor geen financier: de cliënt of het netwerk regelt of betaalt dit zelf.',
    voorwaarden: [],
  },
};

const FINANCIER_SOORTEN: readonly string[] = ['gemeente', 'zorgverzekeraar', 'zorgkantoor'];

function alsFinancier(f: GerouteerdeBeslissing['financier']): Financier | null {
  return f && FINANCIER_SOORTEN.includes(f.soort)
    ? { soort: f.soort as Financier['soort'], code: f.code, naam: f.naam }
    : null;
}

/**
 * The one answer to "who pays for this item", for every screen (editor, overview, print, review)
 * and the coordinator's cost lines: the domain the arrangeur chose when she overrode routing, with
 * that domain's financier (from the client's gemeente or zorgverzekeraar, as routing would find
 * it), uitleg and voorwaarden, and routing's decision beside it. Without an override (or with one
 * that picks routing's own domain) it is routing's decision. Null when neither is known.
 */
export function geldendeBeslissing(
  item: {
    readonly routering?: GerouteerdeBeslissing | null | undefined;
    readonly override?: { readonly domein: Domein; readonly reden: string } | null | undefined;
  },
  context: FinancierContext,
): GeldendeBeslissing | null {
  const r = item.routering ?? null;
  const o = item.override ?? null;
  const gerouteerd: Beslissing | null = r
    ? {
        domein: r.domein,
        financier: alsFinancier(r.financier),
        uitleg: r.uitleg ?? null,
        voorwaarden: r.voorwaarden ?? [],
      }
    : null;
  const reden = o ? o.reden : null;
  if (!o || (gerouteerd && o.domein === gerouteerd.domein)) {
    return gerouteerd ? { ...gerouteerd, gerouteerd: null, reden } : null;
  }
  const gekozen = GEKOZEN[o.domein];
  return {
    domein: o.domein,
    financier: bepaalFinancier(o.domein, context).financier,
    uitleg: gekozen.uitleg,
    voorwaarden: gekozen.voorwaarden.map(voorwaarde),
    gerouteerd,
    reden,
  };
}
