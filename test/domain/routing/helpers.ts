import type { InzetInvoer } from '../../../src/domain/model/inzet.ts';
import type { RoutingContextInvoer } from '../../../src/domain/model/routing-context.ts';
import { safeRouteInzet, type RoutingBesluit } from '../../../src/domain/routing/index.ts';

/** Route raw input and fail the test with the Dutch error if it does not route. */
export function route(
  context: RoutingContextInvoer,
  inzet: InzetInvoer,
  peildatum: string,
): RoutingBesluit {
  const u = safeRouteInzet(context, inzet, peildatum);
  if (!u.ok) throw new Error(u.fout);
  return u.besluit;
}
