/**
 * Initial JS of the built app, gzip level 9. "Initial" = the JS files dist/index.html references
 * (module script + modulepreload links) and, transitively, their static imports: what the browser
 * must fetch and run before the first render. Lazy chunks (screens, workbox-window) are precached by the service worker but are not initial. Budget: ≤ 137 kB (1 kB = 1000 B).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuilt } from './build.ts';
import type { BenchResult } from './types.ts';

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kB = (bytes: number) => Math.round(bytes / 100) / 10;

/** `import … from "./x.js"`, `export … from "./x.js"` and `import "./x.js"`; not `import("./x.js")`. */
const STATIC_IMPORT =
  /\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** The given files (paths relative to dist, with /) plus everything they import statically. */
export function withStaticImports(dist: string, files: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...files];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      todo.push(posix.normalize(posix.join(posix.dirname(file), (m[1] ?? m[2])!)));
    }
  }
  return [...seen].sort();
}

/** JS files dist/index.html loads: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialJsFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g),
  ].map((m) => m[1]!.replace(/^\//, ''));
  return withStaticImports(dist, refs);
}

export async function run(): Promise<BenchResult[]> {
  const dist = await ensureBuilt();
  const initial = initialJsFiles(dist);
  const initialBytes = initial.reduce((sum, f) => sum + gzipBytes(join(dist, f)), 0);
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const allBytes = assets.reduce((sum, f) => sum + gzipBytes(join(dist, 'assets', f)), 0);
  const results: BenchResult[] = [
    {
      name: `bundle: initial JS, gzip -9 (${initial.length} file${initial.length === 1 ? '' : 's'})`,
      value: kB(initialBytes),
      unit: 'kB',
      budget: 137,
      lowerIsBetter: true,
    },
    { name: 'bundle: all JS chunks, gzip -9 (all precached)', value: kB(allBytes), unit: 'kB' },
  ];
  // The start screen's chunk follows the entry at once (React.lazy); show what the first screen costs.
  const caseload = assets.find((f) => f.startsWith('CaseloadScreen-'));
  if (caseload) {
    const eerste = withStaticImports(dist, [...initial, `assets/${caseload}`]);
    results.push({
      name: 'bundle: JS up to the caseload screen (initial + its lazy chunk), gzip -9',
      value: kB(eerste.reduce((sum, f) => sum + gzipBytes(join(dist, f)), 0)),
      unit: 'kB',
    });
  }
  return results;
}
