import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';

test('first visit installs the app; offline it opens, saves a client and keeps it', async ({
  page,
  context,
}, testInfo) => {
  const caseload = new CaseloadPage(page);
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  // 1. First visit, online: the service worker takes control of this very page.
  await caseload.open();
  await waitForServiceWorker(page);
  await shot('01-caseload-online');

  // 2. No network at all: reload comes from the precache and the app works.
  await context.setOffline(true);
  const offlineLoad = await page.reload();
  expect(offlineLoad?.fromServiceWorker()).toBe(true);
  await expect(caseload.heading).toBeVisible();
  await expect(page.getByTestId('statusbalk')).toContainText('Offline');

  await caseload.maakClient({
    voornaam: 'Gerrit',
    achternaam: 'van Dijk',
    geboortedatum: '1941-03-15',
    postcode: '6711ab',
    huisnummer: '12',
    gemeente: 'Ede (GM0228)',
  });
  await shot('02-client-formulier');
  await caseload.opslaan();
  await expect(caseload.heading).toBeVisible();
  await expect(caseload.client('Gerrit van Dijk')).toBeVisible();
  // The client and her plan: a new client continues into her plan (issue 11, point 9).
  await expect(page.getByTestId('wachtrij')).toContainText('2 wijzigingen nog niet verzonden');
  await shot('03-caseload-offline-met-client');

  // 3. Reload again, still offline: the client is still there (IndexedDB on disk).
  await page.reload();
  await expect(caseload.client('Gerrit van Dijk')).toBeVisible();

  // 4. Back online: nothing lost, and the queued change reaches the server (issue 5).
  await context.setOffline(false);
  await page.reload();
  await expect(caseload.client('Gerrit van Dijk')).toBeVisible();
  await expect(page.getByTestId('wachtrij')).toContainText('Alles is op dit apparaat opgeslagen');
  await expect(page.getByTestId('laatst-gesynchroniseerd')).toContainText(
    /Laatst gesynchroniseerd om \d\d:\d\d/,
  );
  await page.getByRole('button', { name: 'Over deze app' }).click();
  await expect(page.getByTestId('service-worker')).toHaveText('actief');
  await expect(page.getByTestId('opslag')).toContainText(' van ');
  await shot('04-over-deze-app');
});

test('a form with a mistake keeps everything typed and says what is wrong in Dutch', async ({
  page,
}) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient({
    voornaam: 'Aaltje',
    achternaam: 'Bos',
    geboortedatum: '1938-11-02',
    postcode: '0123 AB',
    huisnummer: '4',
    gemeente: 'Ede (GM0228)',
  });
  await caseload.opslaan();
  await expect(page.getByText('Vul een postcode in zoals 6711 AB.')).toBeVisible();
  await expect(page.getByLabel('Voornaam')).toHaveValue('Aaltje');
  await expect(page.getByLabel('Achternaam')).toHaveValue('Bos');
  await page.getByLabel('Postcode').fill('6712 CD');
  await caseload.opslaan();
  await expect(caseload.client('Aaltje Bos')).toBeVisible();
});
