/**
 * The server's word on an item's routing (issue 12, point 1), one short notice under the routing:
 * "Routering gewijzigd" when the client's facts changed and the server routed the item anew, or
 * "Let op" when the server's rules come out differently from this app's (older rules or a changed
 * value). Shows nothing when the two agree. The server's decision is what the costs use.
 */
import type { PlanItem, RouteringSnapshot } from '../../../domain/plan/model.ts';
import { zelfdeBesluit } from '../../../domain/plan/routering.ts';
import { nl } from '../../i18n/nl.ts';

const t = nl.routeringServer;

const tekst = (b: RouteringSnapshot | null | undefined): string =>
  b ? t.besluit(nl.plan.domeinNaam[b.domein], b.financier?.naam ?? null) : '–';

export function RouteringServerMelding(props: {
  readonly item: Pick<PlanItem, 'routering' | 'serverRoutering' | 'routeringMelding'> | undefined;
}) {
  const item = props.item;
  const server = item?.serverRoutering;
  if (!item || !server) return null;
  if (item.routering && zelfdeBesluit(item.routering, server)) return null;
  const melding = item.routeringMelding;
  return (
    <p className="routering-server-melding" role="status">
      {melding?.soort === 'gewijzigd'
        ? t.gewijzigd(tekst(melding.vorig), tekst(server))
        : t.afwijkend(tekst(server))}
    </p>
  );
}
