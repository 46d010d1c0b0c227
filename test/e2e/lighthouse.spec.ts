import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import lighthouse, { snapshot, type Flags, type RunnerResult } from 'lighthouse';
import puppeteer, { type Browser, type Page as PuppeteerPage } from 'puppeteer-core';
import { CHROMIUM, E2E_BASE_URL } from './env.ts';
import { expect, test } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { PlanPage } from './pages/plan-page.ts';

/**
 * Issue 11.6: Lighthouse (its node API, accessibility category only) scores 100 on the login,
 * caseload, plan and print screens, in Debian Chromium. Playwright drives the app (login, a
 * client, the plan) in a Chromium with a remote-debugging port; Lighthouse attaches to that same
 * tab through puppeteer-core (Lighthouse's own driver). Login and caseload are real Lighthouse
 * page loads (navigation mode, storage kept: the session lives in IndexedDB); the plan and its
 * print live in history state, not in the URL (no client id in a URL), so those two are audited
 * as they are on screen (snapshot mode).
 */

async function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const adres = srv.address();
      srv.close(() => (typeof adres === 'object' && adres ? resolve(adres.port) : reject()));
    });
  });
}

/** Every accessibility audit that did not pass, with the elements it names. */
function gezakt(result: RunnerResult | undefined): string[] {
  if (!result) return ['Lighthouse gaf geen resultaat'];
  const { lhr } = result;
  if (lhr.runtimeError) return [`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`];
  const refs = lhr.categories.accessibility?.auditRefs ?? [];
  return refs
    .map((r) => lhr.audits[r.id]!)
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => {
      const details = a.details as { items?: { node?: { selector?: string } }[] } | undefined;
      const waar = (details?.items ?? [])
        .slice(0, 5)
        .map((i) => i.node?.selector)
        .filter(Boolean)
        .join(' | ');
      return `${a.id}: ${a.title}${waar ? ` — ${waar}` : ''}`;
    });
}

async function verwachtHonderd(result: RunnerResult | undefined, scherm: string): Promise<void> {
  await test.info().attach(`lighthouse-${scherm}.json`, {
    body: JSON.stringify(result?.lhr.categories.accessibility ?? null, null, 2),
    contentType: 'application/json',
  });
  expect(gezakt(result), `Lighthouse accessibility on "${scherm}"`).toEqual([]);
  expect(result?.lhr.categories.accessibility?.score, scherm).toBe(1);
}

test.describe('Lighthouse accessibility 100', () => {
  let profiel: string;
  let context: BrowserContext;
  let browser: Browser;
  let page: Page;
  let pp: PuppeteerPage;
  let flags: Flags;

  test.beforeEach(async ({ viewport }) => {
    const poort = await vrijePoort();
    profiel = mkdtempSync(join(tmpdir(), 'arrangeur-lighthouse-'));
    context = await chromium.launchPersistentContext(profiel, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      locale: 'nl-NL',
      args: [
        `--remote-debugging-port=${poort}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${poort}`,
      defaultViewport: null,
    });
    const tab = (await browser.pages()).find((p) => p.url().startsWith(E2E_BASE_URL));
    if (!tab) throw new Error('Lighthouse vindt het tabblad van de app niet');
    pp = tab;
    const { width, height } = viewport ?? { width: 1180, height: 820 };
    flags = {
      onlyCategories: ['accessibility'],
      // The session (cookie, IndexedDB) of the user logged in with Playwright stays.
      disableStorageReset: true,
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width, height, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided',
      logLevel: 'error',
    };
  });

  test.afterEach(async () => {
    await browser?.disconnect();
    await context?.close();
    rmSync(profiel, { recursive: true, force: true });
  });

  test('login, caseload, plan and print', async () => {
    test.setTimeout(360_000);
    const login = new LoginPage(page);

    const inloggen = await lighthouse(`${E2E_BASE_URL}/`, flags, undefined, pp);
    await expect(login.heading).toBeVisible();
    await verwachtHonderd(inloggen, 'inloggen');

    await login.login();
    const caseload = new CaseloadPage(page);
    await expect(caseload.heading).toBeVisible();
    await caseload.maakClient({
      voornaam: 'Gerrit',
      achternaam: 'van Dijk',
      geboortedatum: '1941-03-15',
      postcode: '6711 AB',
      huisnummer: '12',
      gemeente: 'Ede (GM0228)',
    });
    await caseload.opslaan();
    await expect(caseload.client('Gerrit van Dijk')).toBeVisible();

    const clienten = await lighthouse(`${E2E_BASE_URL}/`, flags, undefined, pp);
    await expect(caseload.client('Gerrit van Dijk')).toBeVisible();
    await verwachtHonderd(clienten, 'caseload');

    const plan = new PlanPage(page);
    await plan.openVanuitCaseload('Gerrit van Dijk');
    await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen.');
    await plan.wachtOpOpgeslagen();
    await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen');
    const snapshotOpties = {
      config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility'] } },
      flags: { ...flags, screenEmulation: { disabled: true } },
    };
    const planStap1 = await snapshot(pp, snapshotOpties);
    await expect(plan.heading('Gerrit van Dijk')).toBeVisible();
    await verwachtHonderd(planStap1, 'plan');

    await plan.naarStap(8);
    await plan.openPrint();
    const print = await snapshot(pp, snapshotOpties);
    await expect(page.getByRole('heading', { name: 'Uw ondersteuningsplan' })).toBeVisible();
    await verwachtHonderd(print, 'printversie');
  });
});
