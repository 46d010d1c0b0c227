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
