/**
 * `npm run route -- <input.json>`: route many inzetten at once (coordinators check routing in
 * bulk). Input: a JSON array of `{ context, inzet, peildatum? }`; output on stdout: a JSON array
 * with one decision per element, same order. A bad element gets `{ "fout": "..." }` in its place
 * and the rest still run; the exit code is 1 if any element failed, 2 if the file itself is
 * unusable. Format: README.md, "Routing in bulk".
 *
 * This is the edge: it reads the file and today's date here, so the domain stays pure.
 */
import { readFileSync } from 'node:fs';
import { vandaagIn } from '../domain/model/dates.ts';
import { safeRouteInzet, type RoutingBesluit } from '../domain/routing/index.ts';

/** Today in the Netherlands as YYYY-MM-DD (the domain's one `vandaagIn`). */
export function vandaag(nu: Date = new Date()): string {
  return vandaagIn(nu);
}

export type Uitvoer = RoutingBesluit | { fout: string };

export function routeAlles(invoer: unknown, standaardPeildatum: string): Uitvoer[] {
  if (!Array.isArray(invoer))
    throw new Error('De invoer moet een JSON-array zijn van { context, inzet, peildatum? }.');
  return invoer.map((el: unknown, i): Uitvoer => {
    if (typeof el !== 'object' || el === null || Array.isArray(el)) {
      return { fout: `Element ${i}: verwacht een object { context, inzet, peildatum? }.` };
    }
    const { context, inzet, peildatum } = el as Record<string, unknown>;
    const uitkomst = safeRouteInzet(context, inzet, peildatum ?? standaardPeildatum);
    return uitkomst.ok ? uitkomst.besluit : { fout: `Element ${i}: ${uitkomst.fout}` };
  });
}

function main(argv: readonly string[]): number {
  const pad = argv[0];
  if (!pad || argv.length > 1) {
    process.stderr.write(
      'Gebruik: npm run route -- <invoer.json>   (zie README.md, "Routing in bulk")\n',
    );
    return 2;
  }
  let invoer: unknown;
  try {
    invoer = JSON.parse(readFileSync(pad, 'utf8'));
  } catch (e) {
    process.stderr.write(`Kan ${pad} niet lezen als JSON: ${(e as Error).message}\n`);
    return 2;
  }
  let uitvoer: Uitvoer[];
  try {
    uitvoer = routeAlles(invoer, vandaag());
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(uitvoer, null, 2)}\n`);
  const fouten = uitvoer.filter((u) => 'fout' in u).length;
  if (fouten > 0)
    process.stderr.write(`${fouten} van ${uitvoer.length} elementen niet gerouteerd.\n`);
  return fouten > 0 ? 1 : 0;
}

// Run only when executed, not when imported by a test.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
