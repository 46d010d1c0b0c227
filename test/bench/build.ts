/**
 * The built app the bundle and browser benches measure. `BENCH_DIST` points at another build
 * (default `dist/`); when it has no index.html, it is built first with the project's vite config.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DIST = resolve(process.env.BENCH_DIST ?? 'dist');

export async function ensureBuilt(): Promise<string> {
  if (!existsSync(join(DIST, 'index.html'))) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  }
  return DIST;
}
