import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage, type NieuweClient } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';

/** Local date as jjjj-mm-dd, `dagen` from today (the akkoord may not lie in the future). */
function datum(dagen = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + dagen);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const GERRIT: NieuweClient = {
  voornaam: 'Gerrit',
  achternaam: 'van Dijk',
  geboortedatum: '1941-03-15',
  postcode: '6711ab',
  huisnummer: '12',
  gemeente: 'Ede (GM0228)',
};

/** First visit online (service worker takes control), then everything offline. */
async function offlineMetClient(page: Page, context: BrowserContext, client: NieuweClient) {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const offline = await page.reload();
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(caseload.heading).toBeVisible();
  await caseload.maakClient(client);
  await caseload.opslaan();
  await expect(caseload.client(`${client.voornaam} ${client.achternaam}`)).toBeVisible();
  return caseload;
}

test('offline at the kitchen table: a complete plan through all 8 steps, vastgesteld, kept after reload, printed', async ({
  page,
  context,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await offlineMetClient(page, context, GERRIT);
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Gerrit van Dijk');
  await expect(plan.stand).toHaveText(/Concept · versie 1/);

  // 1. Hulpvraag en doelen
  await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen, met mijn kat.');
  await plan.wachtOpOpgeslagen();
  await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen in het dorp');
  await expect(plan.stapKnop(1)).toHaveAccessibleName(/ingevuld/);
  await shot('01-hulpvraag');

  // 2. Eigen kracht
  await plan.naarStap(2);
  await plan.voegItemToe(
    'Iets wat de cliënt zelf doet toevoegen',
    /Wat doet de cliënt zelf/,
    'Kookt zelf de warme maaltijd',
  );

  // 3. Netwerk en mantelzorg
  await plan.naarStap(3);
  await plan.voegNaasteToe({
    naam: 'Anja de Boer',
    relatie: 'dochter',
    contact: '06-12345678',
    watDoetHij: 'Doet de boodschappen',
    hoeVaak: 'twee keer per week',
    belasting: 'zwaar',
  });
  await plan.voegItemToe(
    'Hulp van een naaste toevoegen',
    /Wat doet deze naaste/,
    'Anja doet de boodschappen op zaterdag',
  );
  await page.getByLabel('Welke naaste?').last().selectOption({ label: 'Anja de Boer (dochter)' });
  await plan.wachtOpOpgeslagen();

  // 4. Steun voor de mantelzorger
  await plan.naarStap(4);
  await expect(page.getByText(/de zorg is zwaar voor Anja de Boer/)).toBeVisible();
  await plan.voegItemToe(
    'Steun voor de mantelzorger toevoegen',
    /Welke steun krijgt de mantelzorger/,
    'Gesprek met de mantelzorgconsulent',
  );

  // 5. Algemene voorzieningen (sociale kaart, offline)
  await plan.naarStap(5);
  await plan.kiesVoorziening('Brinkhof', 'Buurthuis De Brinkhof');

  // 6. Hulpmiddelen
  await plan.naarStap(6);
  const douchestoel = await plan.voegInzetToe(
    'Hulpmiddel toevoegen',
    'Soort hulpmiddel',
    'UL-DOUCHESTOEL',
  );
  await douchestoel.getByLabel(/^Hoeveel \(stuk\)/).fill('1');
  // Gerrit's insurer is not filled in yet: routing says so instead of guessing.
  await expect(douchestoel.getByTestId('routering')).toContainText('Zvw');
  await expect(douchestoel).toContainText('Bij welke zorgverzekeraar is de cliënt verzekerd');
  await plan.wachtOpOpgeslagen();

  // 7. Professionele hulp: no ladder warning (all earlier rungs filled), routing live.
  await plan.naarStap(7);
  await expect(page.getByText(/Deze stappen zijn nog leeg/)).toHaveCount(0);
  const hulp = await plan.voegProfessioneleHulpToe('HH-SCHOONMAAK', {
    uren: '2,5',
    start: datum(),
    aanbieder: 'Thuiszorg De Vallei',
  });
  await expect(hulp.getByTestId('routering')).toContainText('Wmo');
  await expect(hulp.getByTestId('routering')).toContainText('Gemeente Ede');
  await plan.wachtOpOpgeslagen();
  await shot('02-professionele-hulp-routering');

  // 8. Overzicht en akkoord, vaststellen
  await plan.naarStap(8);
  await plan.akkoord(datum(), 'mondeling', 'client');
  await plan.evaluatiedatum(datum(180));
  await shot('03-overzicht-akkoord');
  await plan.vaststellen();
  await expect(page.getByRole('note')).toContainText('vastgesteld');
  for (let i = 1; i <= 8; i += 1) await expect(plan.stapKnop(i)).toHaveAccessibleName(/ingevuld/);

  // Reload, still offline: everything is there, read-only.
  await page.reload();
  await expect(plan.heading('Gerrit van Dijk')).toBeVisible();
  await expect(plan.stand).toContainText('Vastgesteld');
  await expect(plan.hulpvraag).toHaveValue('Zo lang mogelijk thuis blijven wonen, met mijn kat.');
  await expect(plan.hulpvraag).toBeDisabled();
  await plan.naarStap(8);
  const overzicht = page.getByRole('region', { name: 'Overzicht' });
  for (const tekst of [
    'Zelf weer boodschappen doen in het dorp',
    'Kookt zelf de warme maaltijd',
    'Anja de Boer (dochter)',
    'Gesprek met de mantelzorgconsulent',
    'Buurthuis De Brinkhof',
    'Douchestoel (tijdelijke uitleen)',
    'Hulp bij het huishouden (schoonmaken)',
  ]) {
    await expect(overzicht).toContainText(tekst);
  }
  const [opgeslagen] = await plan.opgeslagenPlannen();
  expect(opgeslagen).toMatchObject({ status: 'vastgesteld', versie: 1 });
  await shot('04-vastgesteld-na-herladen');

  // The client's copy: plain words, no codes.
  await plan.openPrint();
  const blad = page.locator('.print-blad');
  await expect(blad).toContainText('de gemeente Ede (Wmo)');
  await expect(blad).not.toContainText(/GM\d{4}|HH-SCHOONMAAK|UL-DOUCHESTOEL/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('05-printversie.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('autosave survives a reload in the middle of typing', async ({ page, context }) => {
  await offlineMetClient(page, context, { ...GERRIT, voornaam: 'Truus', achternaam: 'Bakker' });
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Truus Bakker');
  const tekst = 'Ik wil weer zelf naar de markt';
  await plan.hulpvraag.click();
  await page.keyboard.type(tekst, { delay: 20 });
  // No blur, no button: poll IndexedDB itself until the text is stored, then reload at once.
  await expect
    .poll(async () => (await plan.opgeslagenPlannen())[0]?.hulpvraag, { intervals: [25] })
    .toBe(tekst);
  await page.reload();
  await expect(plan.heading('Truus Bakker')).toBeVisible();
  await expect(plan.hulpvraag).toHaveValue(tekst);
});
