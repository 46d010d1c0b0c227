/**
 * Imported first by main.tsx, and built into the same chunk as zod (vite.config.ts manualChunks):
 * a shared chunk runs before the entry's own code, so only inside zod's chunk is it sure to run
 * before any schema parses. The server's Content-Security-Policy allows no `eval` (issue 12,
 * point 7); zod 4 would probe `new Function` once to decide whether to compile its parsers, and
 * Chromium reports that probe as a CSP violation even though zod catches it. `jitless` skips the
 * probe (zod then parses without generated code, as it would after the failed probe anyway).
 */
import { z } from 'zod';

z.config({ jitless: true });
