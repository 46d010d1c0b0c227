import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { LoginPage, openEnLogin, PIN } from './pages/login-page.ts';
import { CaseloadPage, type NieuweClient } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';

/** WCAG 2.1 AA with axe-core on every screen the app has (see axe.ts). */
const GERRIT: NieuweClient = {
  voornaam: 'Gerrit',
  achternaam: 'van Dijk',
  geboortedatum: '1941-03-15',
  postcode: '6711 AB',
  huisnummer: '12',
  gemeente: 'Ede (GM0228)',
};

async function metClient(page: Page): Promise<CaseloadPage> {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient(GERRIT);
  await caseload.opslaan();
  await expect(caseload.client('Gerrit van Dijk')).toBeVisible();
  return caseload;
}

test('caseload, empty and with clients', async ({ page }) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await expect(page.getByText('Nog geen cliënten', { exact: false })).toBeVisible();
  await expectNoSeriousViolations(page, 'caseload-leeg');

  await metClient(page);
  await expectNoSeriousViolations(page, 'caseload-met-clienten');
});

test('client form, empty and with validation errors', async ({ page }) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe cliënt' })).toBeVisible();
  await expectNoSeriousViolations(page, 'clientformulier-leeg');

  await page.getByLabel('Voornaam').fill(GERRIT.voornaam);
  await page.getByLabel('Achternaam').fill(GERRIT.achternaam);
  await page.getByLabel('Geboortedatum').fill(GERRIT.geboortedatum);
  await page.getByLabel('Postcode').fill('0123 AB');
  await caseload.opslaan();
  await expect(page.getByText('Vul een postcode in zoals 6711 AB.')).toBeVisible();
  await expectNoSeriousViolations(page, 'clientformulier-fouten');

  await page.getByLabel('Voornaam').fill('');
  await caseload.opslaan();
  await expect(page.getByText('Vul de voornaam in.')).toBeVisible();
  await expectNoSeriousViolations(page, 'clientformulier-meer-fouten');
});

test('over deze app', async ({ page }) => {
  await new CaseloadPage(page).open();
  await page.getByRole('button', { name: 'Over deze app' }).click();
  await expect(page.getByRole('heading', { name: 'Over deze app' })).toBeVisible();
  await expect(page.getByTestId('opslag')).not.toContainText('bezig');
  await expectNoSeriousViolations(page, 'over-deze-app');
});

test('sociale kaart', async ({ page }) => {
  await new CaseloadPage(page).open();
  const knop = page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Sociale kaart' });
  await knop.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sociale kaart');
  await expectNoSeriousViolations(page, 'sociale-kaart');
});

test('plan editor, every step, and the print view', async ({ page }) => {
  await metClient(page);
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Gerrit van Dijk');
  await expectNoSeriousViolations(page, 'plan-stap-1');

  await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen.');
  await plan.wachtOpOpgeslagen();
  await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen');
  await expectNoSeriousViolations(page, 'plan-stap-1-ingevuld');

  for (let stap = 2; stap <= 8; stap++) {
    await plan.naarStap(stap);
    await expectNoSeriousViolations(page, `plan-stap-${stap}`);
  }
  // Step 7 with a professional inzet: the live routing next to the item.
  await plan.naarStap(7);
  await plan.voegInzetToe('Professionele hulp toevoegen', 'Soort hulp', 'HH-SCHOONMAAK');
  await plan.wachtOpOpgeslagen();
  await expectNoSeriousViolations(page, 'plan-stap-7-inzet');

  await plan.naarStap(8);
  const print = page.getByRole('button', { name: 'Printversie voor de cliënt' });
  if ((await print.count()) > 0) {
    await plan.openPrint();
    await expectNoSeriousViolations(page, 'plan-printversie');
  }
});

test('login, with mistakes, and the PIN lock', async ({ page, context }) => {
  await context.addInitScript(() => {
    (window as unknown as { __ARRANGEUR_IDLE_MS__: number }).__ARRANGEUR_IDLE_MS__ = 1500;
  });
  const login = new LoginPage(page);
  await page.goto('/');
  await expect(login.heading).toBeVisible();
  await expectNoSeriousViolations(page, 'inloggen');

  await page.getByLabel('Kies een pincode van 5 cijfers').fill('12');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul uw gebruikersnaam in.')).toBeVisible();
  await expectNoSeriousViolations(page, 'inloggen-fouten');

  await login.login();
  await expect(login.slot).toBeVisible({ timeout: 10_000 });
  await expectNoSeriousViolations(page, 'slot');
  await login.ontgrendel('11111');
  await expect(page.getByRole('alert')).toContainText('Deze pincode klopt niet');
  await expectNoSeriousViolations(page, 'slot-fout');
  await login.ontgrendel(PIN);
  await expect(page.getByTestId('gebruiker')).toBeVisible();
});

test('conflicts screen (empty) and the logout warning', async ({ page, context }) => {
  await metClient(page);
  await page.goto('/conflicten');
  await expect(page.getByTestId('geen-conflicten')).toBeVisible();
  await expectNoSeriousViolations(page, 'conflicten-leeg');

  await openEnLogin(page);
  await context.setOffline(true);
  await expect(page.getByTestId('statusbalk')).toContainText('Offline');
  await new CaseloadPage(page).maakClient({ ...GERRIT, voornaam: 'Truus' });
  await new CaseloadPage(page).opslaan();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByTestId('uitlog-status')).toContainText('nog niet naar de server');
  await expectNoSeriousViolations(page, 'uitloggen-waarschuwing');
  // The client and her plan (a new client continues into her plan, issue 11 point 9).
  await page.getByRole('button', { name: /^Uitloggen en 2 wijzigingen weggooien$/ }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'uitloggen-weggooien-bevestigen');
  await page.getByRole('button', { name: 'Nee, terug' }).click();
  await page
    .getByRole('button', { name: 'Toch uitloggen en wijzigingen bewaren op dit apparaat' })
    .click();
  await expect(new LoginPage(page).heading).toBeVisible();
});
