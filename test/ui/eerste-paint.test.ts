/**
 * Issue 13.6, first paint: what the login screen needs before it shows, and when the service
 * worker registers. The module graph is read from the sources (static imports only; `import type`
 * and `import()` load nothing up front), so this holds for every build.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { naLaden } from '../../src/ui/app/pwa.ts';

const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module `start` loads statically, bare package names as they are written. */
function statischeGraaf(start: string): Set<string> {
  const gezien = new Set<string>();
  const todo = [resolve(start)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (gezien.has(file)) continue;
    gezien.add(file);
    if (!file.startsWith('/')) continue; // a package
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.endsWith('.css')) continue;
      todo.push(spec.startsWith('.') ? resolve(dirname(file), spec) : spec);
    }
  }
  return gezien;
}

const pakketten = (graaf: Set<string>) => [...graaf].filter((f) => !f.startsWith('/'));

describe('first paint without zod', () => {
  it('the entry loads no zod', () => {
    expect(pakketten(statischeGraaf('src/main.tsx'))).not.toContain('zod');
  });

  it('the login screen loads no zod and no wire schemas (they come with the answer)', () => {
    const graaf = statischeGraaf('src/ui/features/session/LoginScreen.tsx');
    expect(pakketten(graaf)).not.toContain('zod');
    expect([...graaf].filter((f) => f.endsWith('/sync/protocol/wire.ts'))).toEqual([]);
  });
});

describe('naLaden: the service worker registers after the first screen', () => {
  function nepVenster(readyState: DocumentReadyState) {
    const listeners: Array<() => void> = [];
    const idle: Array<() => void> = [];
    const win = {
      document: { readyState },
      addEventListener: (type: string, l: () => void) => type === 'load' && listeners.push(l),
      requestIdleCallback: (cb: () => void) => idle.push(cb),
      setTimeout: (cb: () => void) => cb(),
    };
    return { win: win as unknown as Window, load: () => listeners.forEach((l) => l()), idle };
  }

  it('waits for load, then for an idle moment', () => {
    const v = nepVenster('loading');
    const fn = vi.fn();
    naLaden(fn, v.win);
    expect(fn).not.toHaveBeenCalled();
    v.load();
    expect(fn).not.toHaveBeenCalled();
    v.idle.forEach((cb) => cb());
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('after load already happened: at the next idle moment', () => {
    const v = nepVenster('complete');
    const fn = vi.fn();
    naLaden(fn, v.win);
    expect(fn).not.toHaveBeenCalled();
    v.idle.forEach((cb) => cb());
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
