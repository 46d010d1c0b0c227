/**
 * Loaded by index.html as its own module script before main.tsx, so it runs before every chunk
 * of the app (a module imported first by main.tsx would still run after main's shared chunks). The server's Content-Security-Policy allows no `eval` (issue 12,
 * point 7); zod 4 would probe `new Function` once to decide whether to compile its parsers, and
 * Chromium reports that probe as a CSP violation even though zod catches it. `jitless` skips the
 * probe (zod then parses without generated code, as it would after the failed probe anyway).
 */
import { z } from 'zod';

z.config({ jitless: true });
