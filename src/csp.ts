/**
 * Imported first by main.tsx, before any module that builds a zod schema. The server's
 * Content-Security-Policy allows no `eval` (issue 12, point 7); zod 4 would probe `new Function`
 * once to decide whether to compile its parsers, and Chromium reports that probe as a CSP
 * violation even though zod catches it. `jitless` skips the probe (zod then parses without
 * generated code, as it would after the failed probe anyway).
 *
 * Without importing zod (issue 13.6): zod is not part of the first paint, it comes with the lazy
 * screens and the sync engine. zod keeps its settings in `globalThis.__zod_globalConfig` and
 * adopts an object that is already there (zod/v4/core/core.js), so setting it here, before zod
 * loads, is the same as `z.config({ jitless: true })` (test/unit/csp.test.ts checks that).
 */
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

export {};
