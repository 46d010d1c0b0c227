/**
 * Routing decisions per second. Budget: 100,000/s for the parsed path (`routeInzet` on values that
 * passed the zod gate, as the UI and server hold them). The raw path (`safeRouteInzet`, parsing
 * every element as the CLI does) is reported without a budget.
 */
import { INZET_CATALOGUS } from '../../src/domain/catalog/index.ts';
import { isoDateSchema } from '../../src/domain/model/dates.ts';
import { inzetSchema } from '../../src/domain/model/inzet.ts';
import { routingContextSchema } from '../../src/domain/model/routing-context.ts';
import { routeInzet, safeRouteInzet } from '../../src/domain/routing/index.ts';
import { SITUATIE_CONTEXT } from '../fixtures/routing-cases.ts';
import type { BenchResult } from './types.ts';

function perSecond(n: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.round(n / seconds);
}

export async function run(): Promise<BenchResult[]> {
  const ruweContexten = Object.values(SITUATIE_CONTEXT);
  const ruweInzetten = INZET_CATALOGUS.map((t) => ({ code: t.code }));
  const contexten = ruweContexten.map((c) => routingContextSchema.parse(c));
  const inzetten = ruweInzetten.map((i) => inzetSchema.parse(i));
  const peildatum = isoDateSchema.parse('2026-03-01');
  const combinaties = contexten.length * inzetten.length;

  const geparsed = perSecond(300_000, (i) =>
    routeInzet(
      contexten[i % contexten.length]!,
      inzetten[Math.floor(i / contexten.length) % inzetten.length]!,
      peildatum,
    ),
  );
  const ruw = perSecond(50_000, (i) =>
    safeRouteInzet(
      ruweContexten[i % ruweContexten.length],
      ruweInzetten[Math.floor(i / ruweContexten.length) % ruweInzetten.length],
      '2026-03-01',
    ),
  );
  return [
    {
      name: `routing: routeInzet (${combinaties} context × inzet combinations)`,
      value: geparsed,
      unit: 'decisions/s',
      budget: 100_000,
      lowerIsBetter: false,
    },
    { name: 'routing: safeRouteInzet incl. zod parsing', value: ruw, unit: 'decisions/s' },
  ];
}
