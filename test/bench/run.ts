/**
 * `npm run bench`: run every bench module, print a table, then the JSON of all results. Exit 1 if
 * a result with a budget misses it. To add a benchmark, append its module to BENCHES.
 */
import type { BenchResult } from './types.ts';

type BenchModule = { run: () => Promise<BenchResult[]> };

const BENCHES: ReadonlyArray<() => Promise<BenchModule>> = [() => import('./routing.ts')];

export function ok(r: BenchResult): boolean {
  if (r.budget === undefined) return true;
  return r.lowerIsBetter ? r.value <= r.budget : r.value >= r.budget;
}

async function main(): Promise<number> {
  const results: BenchResult[] = [];
  for (const load of BENCHES) results.push(...(await (await load()).run()));
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
