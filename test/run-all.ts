/**
 * `npm test`: every check a change must pass, in one command, on a fresh machine.
 * typecheck → lint → format → unit/component/server tests (vitest; server tests on PGlite and a
 * throwaway PostgreSQL) → build → e2e in Debian's headless Chromium (Playwright).
 * All steps run even when one fails, then one summary line `N passed, N failed` (read by CI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM } from './e2e/env.ts';
import { findPostgresBin } from './support/postgres.ts';

const INSTALL = 'apt-get install -y --no-upgrade chromium postgresql';
const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!process.env.TEST_DATABASE_URL && !findPostgresBin()) missing.push('postgresql');
if (missing.length > 0) {
  // On a fresh Debian machine as root (CI, a new developer box) the test command installs what it
  // needs itself, as .ci/run does; as another user it says the one command to run.
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`▶ installeren uit Debian: ${missing.join(', ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-upgrade', ...missing], {
      stdio: 'inherit',
      env,
    });
    if (update.status !== 0 || install.status !== 0) {
      console.error(`Installeren mislukt: voer als root uit \`${INSTALL}\`.`);
      process.exit(1);
    }
  } else {
    console.error(`${missing.join(' en ')} ontbreekt: voer als root uit \`${INSTALL}\`.`);
    process.exit(1);
  }
}

rmSync('test-output', { recursive: true, force: true });
mkdirSync('test-output', { recursive: true });

interface Step {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
}
const steps: Step[] = [];
const node = process.execPath;

function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${name}`);
  const start = performance.now();
  const r = spawnSync(node, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: (performance.now() - start) / 1000 });
  return ok;
}

run('typecheck', ['node_modules/typescript/bin/tsc', '-p', '.']);
run('lint', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0']);
run('format', ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level', 'warn']);
run('unit, component and server tests (vitest)', ['node_modules/vitest/vitest.mjs', 'run'], {
  CI_JSON: '1',
});
const built = run('build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);
if (built) {
  run('e2e in Chromium (playwright)', [
    'node_modules/@playwright/test/cli.js',
    'test',
    '-c',
    'test/e2e/playwright.config.ts',
  ]);
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}>('test-output/vitest.json');
const e2e = readJson<{
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}>('test-output/e2e-report.json');
const staticFailures = steps.filter(
  (s) => !s.ok && ['typecheck', 'lint', 'format', 'build'].includes(s.name),
).length;
// A runner that crashed before writing its report counts as one failure, never as zero.
// So does a runner that failed while its report counts no failure (e.g. Playwright's web server
// could not start: a report with 0 tests), so the summary line never says "0 failed" for a red run.
const runnerCrashed = steps.filter(
  (s) =>
    !s.ok &&
    ((s.name.startsWith('unit') && (!vitest || vitest.numFailedTests === 0)) ||
      (s.name.startsWith('e2e') && (!e2e || e2e.stats.unexpected === 0))),
).length;

const passed =
  (vitest?.numPassedTests ?? 0) +
  (e2e?.stats.expected ?? 0) +
  steps.filter((s) => s.ok && ['typecheck', 'lint', 'format', 'build'].includes(s.name)).length;
const failed =
  (vitest?.numFailedTests ?? 0) +
  (e2e ? e2e.stats.unexpected + e2e.stats.flaky : 0) +
  staticFailures +
  runnerCrashed;
const skipped = (vitest?.numPendingTests ?? 0) + (e2e?.stats.skipped ?? 0);

console.log('\nSamenvatting');
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✘'} ${s.name} (${s.seconds.toFixed(1)} s)`);
if (!built) console.log('  ✘ e2e niet gedraaid: de build faalde');
console.log(
  `  vitest: ${vitest ? `${vitest.numPassedTests} geslaagd, ${vitest.numFailedTests} gefaald` : 'geen rapport'}`,
);
console.log(
  `  e2e:    ${e2e ? `${e2e.stats.expected} geslaagd, ${e2e.stats.unexpected + e2e.stats.flaky} gefaald` : 'geen rapport'}`,
);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && steps.every((s) => s.ok) && built ? 0 : 1);
