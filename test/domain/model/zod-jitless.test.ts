import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * src/csp.ts makes zod jitless without importing it (issue 13.6: zod is not in the first paint).
 * That relies on zod adopting a `globalThis.__zod_globalConfig` that is already there; a zod
 * update that stops doing so would bring the CSP `eval` probe back. Each case runs in a fresh Node
 * process, because zod reads the global once, when it is first loaded.
 */
function jitlessNa(voorbereiding: string): unknown {
  const code = `${voorbereiding}
    const { z } = await import('zod');
    const schema = z.object({ a: z.string() });
    schema.parse({ a: 'x' });
    console.log(JSON.stringify(z.config().jitless ?? null));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim()) as unknown;
}

describe('src/csp.ts', () => {
  it('makes zod jitless when it is imported before zod is loaded', () => {
    expect(jitlessNa("await import('./src/csp.ts');")).toBe(true);
  });

  it('is what does it: without it zod is not jitless', () => {
    expect(jitlessNa('')).toBeNull();
  });
});
