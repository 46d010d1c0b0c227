/**
 * The server the e2e tests talk to: a copy of the built dist/ (so a test may publish a "new
 * version" by changing sw.js without touching the real build) and an empty PGlite data dir with
 * the demo accounts.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/server/config.ts';
import { maakDemoGebruikers } from '../../src/server/demo-users.ts';
import { startServer } from '../../src/server/main.ts';
import { E2E_DIST, E2E_PORT, E2E_STATIC_DIR } from './env.ts';

if (!existsSync(join(E2E_DIST, 'index.html'))) {
  console.error(`${E2E_DIST} ontbreekt: run eerst \`npm run build\`.`);
  process.exit(1);
}
rmSync(E2E_STATIC_DIR, { recursive: true, force: true });
cpSync(E2E_DIST, E2E_STATIC_DIR, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-e2e-data-'));
const server = await startServer({
  ...loadConfig({
    PORT: String(E2E_PORT),
    DATA_DIR: dataDir,
    STATIC_DIR: E2E_STATIC_DIR,
    LOG_LEVEL: 'warn',
  }),
});
// The demo accounts (anja, carla, …) to log in with, without DEMO=1: that would also put the
// demo clients in anja's caseload, which the specs do not expect.
await maakDemoGebruikers(server.store);
console.log(`e2e server on ${server.url}`);
const stop = () =>
  void server.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
