/**
 * `npm run bench`: run every bench module, print a table, then the JSON of all results. Exit 1 if
 * a result with a budget misses it. To add a benchmark, append its module to BENCHES.
 * `npm run bench -- bundle browser` runs only the named modules.
 */
import type { BenchResult } from './types.ts';

type BenchModule = { run: () => Promise<BenchResult[]> };

const BENCHES: Readonly<Record<string, () => Promise<BenchModule>>> = {
  routing: () => import('./routing.ts'),
  bundle: () => import('./bundle.ts'),
  browser: () => import('./browser.ts'),
  sync: () => import('./sync.ts'),
  kosten: () => import('./kosten.ts'),
  paint: () => import('./browser-paint.ts'),
  'browser-sync': () => import('./browser-sync.ts'),
};

export function ok(r: BenchResult): boolean {
  if (r.budget === undefined) return true;
  return r.lowerIsBetter ? r.value <= r.budget : r.value >= r.budget;
}

async function main(): Promise<number> {
  const gevraagd = process.argv.slice(2);
  const onbekend = gevraagd.filter((n) => !(n in BENCHES));
  if (onbekend.length > 0) {
    console.error(
      `Onbekende bench: ${onbekend.join(', ')}. Kies uit: ${Object.keys(BENCHES).join(', ')}.`,
    );
    return 2;
  }
  const results: BenchResult[] = [];
  for (const [naam, load] of Object.entries(BENCHES)) {
    if (gevraagd.length > 0 && !gevraagd.includes(naam)) continue;
    results.push(...(await (await load()).run()));
  }
  const rows = results.map((r) => ({
    name: r.name,
    value: `${r.value.toLocaleString('en-US')} ${r.unit}`,
    budget:
      r.budget === undefined
        ? '—'
        : `${r.lowerIsBetter ? '≤' : '≥'} ${r.budget.toLocaleString('en-US')}`,
    ok: ok(r) ? 'ok' : 'MISS',
  }));
  const w = (k: keyof (typeof rows)[number]) => Math.max(k.length, ...rows.map((r) => r[k].length));
  const line = (r: Record<string, string>) =>
    (['name', 'value', 'budget', 'ok'] as const).map((k) => (r[k] ?? '').padEnd(w(k))).join('  ');
  console.log(line({ name: 'name', value: 'value', budget: 'budget', ok: 'ok' }));
  for (const r of rows) console.log(line(r));
  console.log(JSON.stringify(results, null, 2));
  return results.every(ok) ? 0 : 1;
}

process.exitCode = await main();
