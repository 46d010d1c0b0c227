import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  test as base,
  chromium,
  expect,
  request,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { BEA, zetTestAccount, type Account } from './accounts.ts';
import { CHROMIUM, E2E_BASE_URL } from './env.ts';
import { apiLogin } from './totp.ts';

/** A browser with its own persistent profile on disk: one "device". */
export async function launchDevice(
  viewport: { width: number; height: number } | null,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'arrangeur-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'nl-NL',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Every test gets a persistent Chromium profile on disk (a fresh temp dir): a normal
 * `newContext()` keeps IndexedDB in memory, which would prove nothing about surviving reloads.
 */
export const test = base.extend<
  { context: BrowserContext; page: Page; account: Account },
  { beheerApi: APIRequestContext }
>({
  // The demo beheerder, logged in once per worker (password and second factor, issue 14): each
  // login uses a TOTP step, and a used step is refused, so not one login per test.
  beheerApi: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const api = await request.newContext({ baseURL: E2E_BASE_URL });
      await apiLogin(api, BEA);
      await use(api);
      await api.dispose();
    },
    { scope: 'worker' },
  ],
  // A fresh arrangeur per test (see accounts.ts), made by the demo beheerder. Auto: the page
  // models log in as her without being told.
  account: [
    async ({ beheerApi }, use) => {
      const start: Account = {
        gebruikersnaam: `anja-${randomUUID().slice(0, 8)}`,
        wachtwoord: 'e2e-startwachtwoord-2026',
        naam: 'Anja de Boer',
      };
      const res = await beheerApi.post('/api/beheer/gebruikers', {
        data: { ...start, rol: 'arrangeur' },
      });
      if (res.status() !== 201)
        throw new Error(`nieuwe arrangeur: ${res.status()} ${await res.text()}`);
      const account = await eigenWachtwoord(start);
      zetTestAccount(account);
      await use(account);
    },
    { auto: true },
  ],
  context: async ({ viewport }, use) => {
    const device = await launchDevice(viewport);
    await use(device.context);
    await device.close();
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

/**
 * A user made by a beheerder may have to replace her start password at her first login (issue 14;
 * set by the beheer routes). The specs that are not about that flow get an account that did so.
 */
async function eigenWachtwoord(start: Account): Promise<Account> {
  const api = await request.newContext({ baseURL: E2E_BASE_URL });
  try {
    const login = await api.post('/api/auth/login', {
      data: { gebruikersnaam: start.gebruikersnaam, wachtwoord: start.wachtwoord },
    });
    if (!login.ok()) throw new Error(`login ${start.gebruikersnaam}: ${login.status()}`);
    const { vereist = [] } = (await login.json()) as { vereist?: string[] };
    if (vereist[0] !== 'wachtwoord') return start;
    const eigen = { ...start, wachtwoord: 'e2e-wachtwoord-2026' };
    const res = await api.post('/api/auth/start/wachtwoord', { data: { nieuw: eigen.wachtwoord } });
    if (!res.ok()) throw new Error(`eigen wachtwoord: ${res.status()} ${await res.text()}`);
    return eigen;
  } finally {
    await api.dispose();
  }
}

/** Waits until the service worker is active and controls this page (docs/toolchain.md: not waitForFunction on a Promise). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

/**
 * A fresh user with another role (issue 6: a casemanager for the review e2e), made by the demo
 * beheerder through the beheer API like the test's arrangeur. Returns the account and its user id.
 */
export async function maakAccount(
  rol: 'casemanager' | 'arrangeur',
  naam: string,
  prefix: string,
): Promise<Account & { readonly id: string }> {
  const api = await request.newContext({ baseURL: E2E_BASE_URL });
  try {
    await apiLogin(api, BEA);
    const account: Account = {
      gebruikersnaam: `${prefix}-${randomUUID().slice(0, 8)}`,
      wachtwoord: 'e2e-startwachtwoord-2026',
      naam,
    };
    const res = await api.post('/api/beheer/gebruikers', { data: { ...account, rol } });
    if (res.status() !== 201) throw new Error(`nieuwe ${rol}: ${res.status()} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    return { ...(await eigenWachtwoord(account)), id };
  } finally {
    await api.dispose();
  }
}

/**
 * "Nu synchroniseren" and wait until that run has ended with its pull applied: the status bar says
 * "Bezig met synchroniseren…" from the tap until the run it asked for is done (also when an
 * automatic run was still busy), so "Laatst gesynchroniseerd om …" afterwards means this device
 * has what the server had. Nothing is left to send and no fault is shown.
 */
export async function synchroniseer(page: Page): Promise<void> {
  const knop = page.getByRole('button', { name: 'Nu synchroniseren' });
  await expect(knop).toBeEnabled();
  await knop.click();
  await expect(page.getByTestId('laatst-gesynchroniseerd')).toContainText(
    /Laatst gesynchroniseerd om \d\d:\d\d/,
  );
  await expect(knop).toBeEnabled();
  await expect(page.getByTestId('wachtrij')).toContainText('Alles is op dit apparaat opgeslagen');
  await expect(page.getByTestId('sync-fout')).toHaveCount(0);
}

export { expect };
