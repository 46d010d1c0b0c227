/**
 * Issue 11, point 3 (the chosen payer on every screen) and point 9 (where the nurse works), in
 * Debian Chromium at both tablet viewports: a new client continues into her plan; an inzet routed
 * to the Zvw, the arrangeur chooses the Wmo; the editor, step 8, the print and the casemanager's
 * review all name the gemeente, with routing's decision and both reasons beside it.
 */
import type { Page } from '@playwright/test';
import { expect, launchDevice, maakAccount, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { ReviewPage, synchroniseer } from './pages/review-page.ts';

const LADDER_REDEN = 'De dochter woont ver weg en er is geen buurthuis dichtbij.';
const OVERRIDE_REDEN = 'De gemeente Ede betaalt dit al via de wijkafspraak.';

test('Zvw routed, Wmo chosen: the gemeente pays on the editor, step 8, the print and the review', async ({
  page,
  viewport,
}) => {
  test.setTimeout(180_000);
  const carla = await maakAccount('casemanager', 'Carla de Wit', 'carla');
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await waitForServiceWorker(page);

  // Point 9: after saving a new client she continues into the plan.
  await caseload.maakClient({
    voornaam: 'Gerrit',
    achternaam: 'van Dijk',
    geboortedatum: '1941-03-15',
    postcode: '6711 AB',
    huisnummer: '12',
    gemeente: 'Ede (GM0228)',
    zorgverzekeraar: 'CZ (UZOVI 7119)',
  });
  await caseload.opslaanNaarPlan('Gerrit van Dijk');
  const plan = new PlanPage(page);

  // Her details are one tap away from the plan, and back.
  await plan.openGegevens();
  await expect(page.getByLabel('Voornaam')).toHaveValue('Gerrit');
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await expect(plan.heading('Gerrit van Dijk')).toBeVisible();

  // Point 9: the sociale kaart lists Ede first and marks the other gemeenten.
  await plan.naarStap(5);
  const kaarten = page.getByRole('list', { name: 'Voorzieningen' }).getByRole('article');
  await expect(kaarten.first()).toBeVisible();
  await expect(kaarten.first().getByTestId('andere-gemeente')).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Mantelzorgcafé Wageningen' })).toContainText(
    'Andere gemeente: Wageningen',
  );

  // Step 7: wondzorg routes to the Zvw (CZ); the arrangeur chooses the Wmo with a reason.
  await plan.naarStap(7);
  const wond = await plan.voegInzetToe('Professionele hulp toevoegen', 'Soort hulp', 'VP-WONDZORG');
  await wond.getByLabel(/^Hoeveel \(uur\/week\)/).fill('3');
  await expect(wond.getByTestId('routering')).toContainText('Zvw');
  await expect(wond.getByTestId('routering')).toContainText('CZ');
  await page.getByLabel('Waarom is professionele hulp toch nodig?').fill(LADDER_REDEN);
  await wond.getByLabel('Ander domein kiezen dan de routering').check();
  await wond.getByLabel('Gekozen domein').selectOption('Wmo');
  await wond.getByLabel('Waarom een ander domein?').fill(OVERRIDE_REDEN);
  await plan.wachtOpOpgeslagen();

  // The editor: the gemeente, its uitleg and voorwaarden; routing's decision beside it.
  const routering = wond.getByTestId('routering');
  await expect(routering).toContainText('Gekozen: Wmo');
  await expect(routering).toContainText('Gemeente Ede');
  await expect(routering).not.toContainText('CZ');
  await expect(wond).toContainText('Gekozen voor de gemeente (Wmo)');
  await expect(wond).toContainText('Een melding bij de gemeente');
  await expect(wond).not.toContainText('Een indicatie van de wijkverpleegkundige');
  await expect(wond.getByTestId('routering-naast')).toContainText('Volgens de routering: Zvw — CZ');

  // Step 8: the same payer, routing beside it, and both reasons.
  await plan.naarStap(8);
  const overzicht = page.getByRole('region', { name: 'Overzicht' });
  const regel = overzicht.getByRole('listitem').filter({ hasText: 'Wondzorg' });
  await expect(regel).toContainText('Wmo — Gemeente Ede');
  await expect(regel).toContainText('Volgens de routering: Zvw — CZ');
  await expect(regel).toContainText(OVERRIDE_REDEN);
  await expect(overzicht).toContainText(LADDER_REDEN);

  // The print: the gemeente, in the client's words.
  await plan.openPrint();
  const blad = page.locator('.print-blad');
  await expect(blad.getByTestId('print-inzet').filter({ hasText: 'Wondzorg' })).toContainText(
    'Wie betaalt: de gemeente Ede (Wmo)',
  );
  await expect(blad).not.toContainText('zorgverzekeraar');
  await page.getByRole('button', { name: 'Terug', exact: true }).click();
  await expect(plan.heading('Gerrit van Dijk')).toBeVisible();

  // The review: the casemanager sees the same payer, routing and both reasons.
  const review = new ReviewPage(page);
  await review.stuurTerReview(carla.id);
  await expect(plan.stand).toContainText('Ter beoordeling');
  await synchroniseer(page);

  const apparaatB = await launchDevice(viewport);
  try {
    const b: Page = apparaatB.context.pages()[0] ?? (await apparaatB.context.newPage());
    await new CaseloadPage(b).open(carla);
    await synchroniseer(b);
    await b.getByRole('button', { name: 'Review openen: Gerrit van Dijk' }).click();
    const reviewB = new ReviewPage(b);
    await expect(reviewB.heading('Gerrit van Dijk')).toBeVisible();
    const sectie = reviewB.sectie('Professionele hulp');
    const item = sectie.getByRole('listitem').filter({ hasText: 'Wondzorg' }).first();
    await expect(item).toContainText('Domein: Wmo');
    await expect(item).toContainText('Financier: Gemeente Ede');
    await expect(item).not.toContainText('Financier: CZ');
    await expect(item.getByTestId('review-override')).toContainText(
      `Anders gekozen dan de routering (Zvw — CZ). Reden: ${OVERRIDE_REDEN}`,
    );
    await expect(sectie).toContainText(LADDER_REDEN);
  } finally {
    await apparaatB.close();
  }
});

test('the caseload: a tap on a client opens her plan; her details are reachable from it', async ({
  page,
}) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient({
    voornaam: 'Truus',
    achternaam: 'Bakker',
    geboortedatum: '1939-05-02',
    postcode: '6711 AB',
    huisnummer: '3',
    gemeente: 'Ede (GM0228)',
  });
  await caseload.opslaan(); // into the plan, and back to the caseload
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Truus Bakker');
  await plan.openGegevens();
  await page.getByLabel('Huisnummer').fill('5');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(plan.heading('Truus Bakker')).toBeVisible();
  await plan.terugNaarCaseload();
  await page.getByRole('button', { name: 'Gegevens van Truus Bakker' }).click();
  await expect(page.getByLabel('Huisnummer')).toHaveValue('5');
});
