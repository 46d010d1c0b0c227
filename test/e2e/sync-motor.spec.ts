/**
 * The sync engine in the app shell (issue 11, points 7 and 9): one engine per device across tabs,
 * a saved change sent within seconds, the offline-ready notice once, and no layout shift on start.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';

const ALLES_VERZONDEN = 'Alles is op dit apparaat opgeslagen';
const OFFLINE_KLAAR = 'De app is klaar om zonder internet te werken.';

const client = (achternaam: string) => ({
  voornaam: 'Tinus',
  achternaam,
  geboortedatum: '1939-02-11',
  postcode: '6711 AB',
  huisnummer: '8',
  gemeente: 'Ede (GM0228)',
});

/** Counts the sync requests (push and pull) a page makes itself. */
function telSync(page: Page): { aantal: number } {
  const teller = { aantal: 0 };
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/sync/')) teller.aantal += 1;
  });
  return teller;
}

test('two tabs: one runs the sync loop, both show the same data; the other takes over when it closes', async ({
  page: a,
  context,
}) => {
  test.setTimeout(90_000);
  const caseloadA = new CaseloadPage(a);
  await caseloadA.open();
  await waitForServiceWorker(a);
  await expect(a.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN);
  await expect(a.getByTestId('laatst-gesynchroniseerd')).toContainText('Laatst gesynchroniseerd');

  const b = await context.newPage();
  const caseloadB = new CaseloadPage(b);
  await b.goto('/');
  await expect(caseloadB.heading).toBeVisible();
  await expect(b.getByTestId('laatst-gesynchroniseerd')).toContainText('Laatst gesynchroniseerd');
  await expect(b.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN);
  const syncA = telSync(a);
  const syncB = telSync(b);

  // Tab B saves a client: tab A sees it at once; one engine sends it; both tabs say so.
  await caseloadB.maakClient(client('Tabblad'));
  await caseloadB.opslaan();
  await expect(caseloadB.client('Tinus Tabblad')).toBeVisible();
  await expect(caseloadA.client('Tinus Tabblad')).toBeVisible();
  for (const p of [a, b]) {
    await expect(p.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN, { timeout: 8_000 });
  }
  // Exactly one tab talks to the server (the one in front takes the lock over).
  expect([syncA.aantal, syncB.aantal].filter((n) => n > 0)).toHaveLength(1);

  // The tab that ran the loop closes: the other one runs it now and sends its next change.
  const [weg, blijft, teller] = syncA.aantal > 0 ? [a, b, syncB] : [b, a, syncA];
  await weg.close();
  const caseload = new CaseloadPage(blijft);
  await caseload.maakClient(client('Overname'));
  await caseload.opslaan();
  await expect(caseload.client('Tinus Overname')).toBeVisible();
  await expect(blijft.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN, { timeout: 8_000 });
  expect(teller.aantal).toBeGreaterThan(0);
});

test('online, a saved change is sent within a few seconds (not after the 30 s interval)', async ({
  page,
}) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await expect(page.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN);
  await expect(page.getByTestId('laatst-gesynchroniseerd')).toContainText(
    'Laatst gesynchroniseerd',
  );

  await caseload.maakClient(client('Snel'));
  await caseload.opslaan();
  await expect(page.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN, { timeout: 6_000 });

  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Tinus Snel');
  for (const tekst of ['Thuis', 'Thuis blijven wonen', 'Thuis blijven wonen met de kat.']) {
    await plan.hulpvraag.fill(tekst);
    await plan.wachtOpOpgeslagen();
    await expect(page.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN, { timeout: 6_000 });
  }
});

test('the "klaar om zonder internet" notice shows once, not after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(OFFLINE_KLAAR)).toBeVisible({ timeout: 15_000 });
  await waitForServiceWorker(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await waitForServiceWorker(page);
  await page.waitForTimeout(2_000);
  await expect(page.getByText(OFFLINE_KLAAR)).toHaveCount(0);

  const caseload = new CaseloadPage(page);
  await caseload.open();
  await page.reload();
  await expect(caseload.heading).toBeVisible();
  await page.waitForTimeout(2_000);
  await expect(page.getByText(OFFLINE_KLAAR)).toHaveCount(0);
});

/** Sums the layout shifts (without recent input) since the page started, as CLS counts them. */
async function meetCls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __cls: number }).__cls);
}

test('layout shift on start stays within 0.02 (login screen, and the app with a session)', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((lijst) => {
      for (const e of lijst.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // First visit: the login screen, the service worker installing, the offline-ready notice.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
  await waitForServiceWorker(page);
  await page.waitForTimeout(1_500);
  const login = await meetCls(page);

  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient(client('Verschuiving'));
  await caseload.opslaan();
  await expect(page.getByTestId('wachtrij')).toHaveText(ALLES_VERZONDEN, { timeout: 8_000 });

  // Start of the app with a session: status bar, counts, first sync run.
  await page.reload();
  await expect(caseload.heading).toBeVisible();
  await expect(page.getByTestId('laatst-gesynchroniseerd')).toContainText(
    'Laatst gesynchroniseerd',
  );
  await page.waitForTimeout(1_500);
  const app = await meetCls(page);
  console.log(`CLS login ${login.toFixed(4)}, app ${app.toFixed(4)}`);
  expect(login).toBeLessThanOrEqual(0.02);
  expect(app).toBeLessThanOrEqual(0.02);
});
