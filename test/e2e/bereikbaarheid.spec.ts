/**
 * Issue 18: the server goes away (SIGKILL, no clean shutdown) while the network stays up, and
 * comes back on the same port and data. The tablet says the server cannot be reached, keeps the
 * changes, and sends them by itself within 30 s of the restart: after a reload during the outage,
 * and with the app kept open. This spec runs its own server process (port E2E_PORT + 1000, own
 * data dir, DEMO=1 for the demo login `anja`), not the shared webServer, which must stay up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, type Page } from '@playwright/test';
import { ANJA } from './accounts.ts';
import { E2E_PORT, E2E_STATIC_DIR } from './env.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';

const POORT = E2E_PORT + 1000;
const BASIS = `http://localhost:${POORT}`;
const REPO = fileURLToPath(new URL('../../', import.meta.url));
let server: ChildProcess | null = null;
let dataDir = '';

const ONBEREIKBAAR =
  'Server niet bereikbaar — wijzigingen blijven op dit apparaat en gaan later mee';

test.use({ baseURL: BASIS });
// Starting a server process (tsx, PGlite, demo data) takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 });

/** Answers /api/health now? */
async function luistert(): Promise<boolean> {
  try {
    return (await fetch(`${BASIS}/api/health`)).ok;
  } catch {
    return false;
  }
}

/**
 * Starts the server process and waits until /api/health answers. The child is kept in `server`
 * at once, so afterEach kills it even when a test times out while it starts.
 */
async function startServer(dataDir: string): Promise<ChildProcess> {
  if (await luistert()) throw new Error(`port ${POORT} is already in use`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(POORT),
      DATA_DIR: dataDir,
      STATIC_DIR: E2E_STATIC_DIR,
      DEMO: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  server = child;
  for (let i = 0; i < 1200; i += 1) {
    if (await luistert()) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const weg = once(child, 'exit');
  child.kill('SIGKILL');
  await weg;
}

/** The clients the server holds for anja (through the sync API, as a device would pull them). */
async function achternamenOpServer(): Promise<string[]> {
  const api = await request.newContext({ baseURL: BASIS });
  try {
    const login = await api.post('/api/auth/login', {
      data: { gebruikersnaam: ANJA.gebruikersnaam, wachtwoord: ANJA.wachtwoord },
    });
    expect(login.ok()).toBe(true);
    const namen: string[] = [];
    let cursor = 0;
    for (;;) {
      const res = await api.get(`/api/sync/pull?cursor=${cursor}&limit=1000`);
      const pagina = (await res.json()) as {
        records: { type: string; fields: Record<string, unknown> }[];
        nextCursor: number;
        hasMore: boolean;
      };
      for (const r of pagina.records) {
        if (r.type === 'client') namen.push(String(r.fields.achternaam));
      }
      cursor = pagina.nextCursor;
      if (!pagina.hasMore) return namen;
    }
  } finally {
    await api.dispose();
  }
}

async function nieuweClient(page: Page, achternaam: string): Promise<void> {
  const caseload = new CaseloadPage(page);
  await caseload.maakClient({
    voornaam: 'Bram',
    achternaam,
    geboortedatum: '1940-06-01',
    postcode: '6711 AB',
    huisnummer: '3',
    gemeente: 'Ede (GM0228)',
  });
  await caseload.opslaan();
  await expect(caseload.client(`Bram ${achternaam}`)).toBeVisible();
}

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'arrangeur-e2e-bereik-'));
  await startServer(dataDir);
});
test.afterEach(async () => {
  if (server) await kill(server);
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Logged in as anja, everything synced, the service worker in control. */
async function klaarOnline(page: Page): Promise<void> {
  const caseload = new CaseloadPage(page);
  await caseload.open(ANJA);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('wachtrij')).toHaveText('Alles is op dit apparaat opgeslagen');
  await expect(page.getByTestId('laatst-gesynchroniseerd')).toContainText(
    'Laatst gesynchroniseerd',
  );
  await expect(page.getByTestId('verbinding')).toHaveText('Online');
}

/** Restarts the server on the same port and data; resolves when it answers (the restart time). */
async function herstart(): Promise<number> {
  await startServer(dataDir);
  return Date.now();
}

/** No user action: the unsent change reaches the server within 30 s of the restart. */
async function verstuurtVanzelf(page: Page, achternaam: string, herstartOp: number) {
  await expect(page.getByTestId('wachtrij')).toHaveText('Alles is op dit apparaat opgeslagen', {
    timeout: 30_000 - (Date.now() - herstartOp),
  });
  expect(Date.now() - herstartOp).toBeLessThanOrEqual(30_000);
  await expect(page.getByTestId('verbinding')).toHaveText('Online');
  await expect(page.getByTestId('sync-fout')).toHaveCount(0);
  expect(await achternamenOpServer()).toContain(achternaam);
}

test('server killed, app reloaded while it is down: shows it, then sends the changes by itself after the restart', async ({
  page,
}, testInfo) => {
  await klaarOnline(page);

  await kill(server!);
  await nieuweClient(page, 'Herladen');
  await expect(page.getByTestId('verbinding')).toHaveText(ONBEREIKBAAR, { timeout: 10_000 });

  // Reloaded during the outage: the app opens from the service worker, the network stays up.
  await page.reload();
  await expect(page.getByTestId('verbinding')).toHaveText(ONBEREIKBAAR);
  // The new client and her plan (a new client continues into her plan, issue 11 point 9).
  await expect(page.getByTestId('wachtrij')).toHaveText('2 wijzigingen nog niet verzonden');
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('server-onbereikbaar.png'), fullPage: true });
  // A while down, so the checks have slowed from every 2 s towards their 30 s cap.
  await page.waitForTimeout(15_000);
  await expect(page.getByTestId('verbinding')).toHaveText(ONBEREIKBAAR);

  const herstartOp = await herstart();
  await verstuurtVanzelf(page, 'Herladen', herstartOp);
});

test('server killed with the app kept open: shows it, then sends the changes by itself after the restart', async ({
  page,
}) => {
  await klaarOnline(page);

  await kill(server!);
  await nieuweClient(page, 'Openhouden');
  await expect(page.getByTestId('verbinding')).toHaveText(ONBEREIKBAAR, { timeout: 10_000 });
  await expect(page.getByTestId('wachtrij')).toHaveText('2 wijzigingen nog niet verzonden');
  // Long enough for a push back-off (1 s, 2 s, 4 s …) to have grown past 30 s between tries.
  await page.waitForTimeout(45_000);
  await expect(page.getByTestId('verbinding')).toHaveText(ONBEREIKBAAR);
  await expect(page.getByTestId('wachtrij')).toHaveText('2 wijzigingen nog niet verzonden');

  const herstartOp = await herstart();
  await verstuurtVanzelf(page, 'Openhouden', herstartOp);
});
