import { chromium, type Page } from '@playwright/test';
import { BEA, COR, testAccount } from './accounts.ts';
import { expectNoViolations } from './axe.ts';
import { CHROMIUM, E2E_PORT } from './env.ts';
import { expect, launchDevice, maakAccount, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage, type NieuweClient } from './pages/caseload-page.ts';
import { CoordinatorPage, TarievenPage } from './pages/coordinator-page.ts';
import { LoginPage, openEnLogin, PIN } from './pages/login-page.ts';
import { GERRIT, PlanPage } from './pages/plan-page.ts';
import { ReviewPage, synchroniseer } from './pages/review-page.ts';

/**
 * Issue 11.6: axe-core (every WCAG 2.0/2.1/2.2 A and AA rule, see axe.ts) reports 0 violations on
 * every screen of every role, in both tablet orientations (the two playwright projects).
 */
// A click that finds nothing fails with its locator instead of running into the test timeout.
test.use({ actionTimeout: 30_000 });

const pad = (n: number) => String(n).padStart(2, '0');
function vandaag(plusDagen = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + plusDagen);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function maand(plus = 0): string {
  const d = new Date();
  const m = new Date(d.getFullYear(), d.getMonth() + plus, 1);
  return `${m.getFullYear()}-${pad(m.getMonth() + 1)}`;
}

async function metClient(page: Page, client: NieuweClient = GERRIT): Promise<CaseloadPage> {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient(client);
  await caseload.opslaan();
  await expect(caseload.client(`${client.voornaam} ${client.achternaam}`)).toBeVisible();
  return caseload;
}

async function hoofdmenu(page: Page, knop: string) {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: knop })
    .click();
}

test('login: the form, its mistakes, choosing a PIN after the password, the lock screen and a wrong PIN', async ({
  page,
  context,
}) => {
  await context.addInitScript(() => {
    (window as unknown as { __ARRANGEUR_IDLE_MS__: number }).__ARRANGEUR_IDLE_MS__ = 1500;
  });
  const login = new LoginPage(page);
  await page.goto('/');
  await expect(login.heading).toBeVisible();
  await expectNoViolations(page, 'inloggen');

  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Vul uw gebruikersnaam in.')).toBeVisible();
  await expectNoViolations(page, 'inloggen-fouten');

  // The PIN is the last step, on a screen of its own after the password.
  await login.wachtwoord(testAccount());
  await expect(login.pinKop).toBeVisible();
  await expectNoViolations(page, 'inloggen-pincode');
  await page.getByLabel('Kies een pincode van 5 cijfers').fill('12');
  await page.getByRole('button', { name: 'Pincode opslaan' }).click();
  await expect(page.getByText('Kies een pincode van precies 5 cijfers.')).toBeVisible();
  await expectNoViolations(page, 'inloggen-pincode-fout');
  await page.getByLabel('Kies een pincode van 5 cijfers').fill(PIN);
  await page.getByLabel('Typ de pincode nog een keer').fill('13579');
  await page.getByRole('button', { name: 'Pincode opslaan' }).click();
  await expect(
    page.getByText('De twee pincodes zijn niet gelijk.', { exact: false }),
  ).toBeVisible();
  await expectNoViolations(page, 'inloggen-pincodes-verschillen');

  // Into the app; with the idle time of 1.5 s it locks at once (not asserted in between: on a
  // loaded machine the lock may already be there).
  await login.kiesPin(PIN);
  await expect(login.slot).toBeVisible({ timeout: 10_000 });
  await expectNoViolations(page, 'slot');
  await login.ontgrendel('11111');
  await expect(page.getByRole('alert')).toContainText('Deze pincode klopt niet');
  await expectNoViolations(page, 'slot-fout');
  await login.ontgrendel(PIN);
  await expect(page.getByTestId('gebruiker')).toBeVisible();
});

test('login over plain http from another address: "open de app via https" (issue 11.8)', async ({
  viewport,
}) => {
  // A name that resolves to this machine but is not localhost: Chromium treats the page as what
  // a tablet on the LAN gets for http://<server-ip>:PORT, no secure context.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP arrangeur.test 127.0.0.1',
    ],
  });
  try {
    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`http://arrangeur.test:${E2E_PORT}/`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
    const melding = page.getByRole('alert');
    await expect(melding).toContainText('Open de app via https');
    await expect(melding).toContainText('Vraag de beheerder van de app om het beveiligde adres');
    await expect(melding).toContainText(`Nu geopend: http://arrangeur.test:${E2E_PORT}`);
    await expect(page.getByRole('button', { name: 'Inloggen' })).toHaveCount(0);
    await expectNoViolations(page, 'inloggen-onveilige-verbinding');
  } finally {
    await browser.close();
  }
});

test('arrangeur: caseload, client form with errors, over deze app, sociale kaart', async ({
  page,
}) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await expect(page.getByText('Nog geen cliënten', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'caseload-leeg');

  await page.getByRole('button', { name: 'Nieuwe cliënt' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe cliënt' })).toBeVisible();
  await expectNoViolations(page, 'clientformulier-leeg');
  await page.getByLabel('Voornaam').fill(GERRIT.voornaam);
  await page.getByLabel('Achternaam').fill(GERRIT.achternaam);
  await page.getByLabel('Geboortedatum').fill(GERRIT.geboortedatum);
  await page.getByLabel('Postcode').fill('0123 AB');
  await caseload.opslaan();
  await expect(page.getByText('Vul een postcode in zoals 6711 AB.')).toBeVisible();
  await expectNoViolations(page, 'clientformulier-fouten');
  await page.getByLabel('Voornaam').fill('');
  await caseload.opslaan();
  await expect(page.getByText('Vul de voornaam in.')).toBeVisible();
  await expectNoViolations(page, 'clientformulier-meer-fouten');

  await metClient(page);
  await expectNoViolations(page, 'caseload-met-clienten');

  await hoofdmenu(page, 'Over deze app');
  await expect(page.getByRole('heading', { name: 'Over deze app' })).toBeVisible();
  await expect(page.getByTestId('opslag')).not.toContainText('bezig');
  await expectNoViolations(page, 'over-deze-app');

  await hoofdmenu(page, 'Sociale kaart');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sociale kaart');
  await expectNoViolations(page, 'sociale-kaart');
  await page.getByLabel('Zoeken', { exact: true }).fill('buurthuis');
  await expect(page.getByRole('listitem').first()).toBeVisible();
  await expectNoViolations(page, 'sociale-kaart-gezocht');
});

test('arrangeur: every plan step, empty and filled, vastgesteld, and the print', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const caseload = await metClient(page);
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Gerrit van Dijk');
  await expect(plan.heading('Gerrit van Dijk')).toBeVisible();
  await expectNoViolations(page, 'plan-stap-1-leeg');

  // 1. Hulpvraag en doelen
  await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen.');
  await plan.wachtOpOpgeslagen();
  await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen');
  await expectNoViolations(page, 'plan-stap-1');

  // 2–4: empty, then with an item each.
  await plan.naarStap(2);
  await expectNoViolations(page, 'plan-stap-2-leeg');
  await plan.voegItemToe(
    'Iets wat de cliënt zelf doet toevoegen',
    /Wat doet de cliënt zelf/,
    'Kookt zelf de warme maaltijd',
  );
  await expectNoViolations(page, 'plan-stap-2');

  await plan.naarStap(3);
  await expectNoViolations(page, 'plan-stap-3-leeg');
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
  await expectNoViolations(page, 'plan-stap-3');

  await plan.naarStap(4);
  await expectNoViolations(page, 'plan-stap-4-leeg');
  await plan.voegItemToe(
    'Steun voor de mantelzorger toevoegen',
    /Welke steun krijgt de mantelzorger/,
    'Gesprek met de mantelzorgconsulent',
  );
  await expectNoViolations(page, 'plan-stap-4');

  // 5. Algemene voorzieningen from the sociale kaart.
  await plan.naarStap(5);
  await expectNoViolations(page, 'plan-stap-5-leeg');
  await plan.kiesVoorziening('Brinkhof', 'Buurthuis De Brinkhof');
  await expectNoViolations(page, 'plan-stap-5');

  // 6. Hulpmiddel, routed live.
  await plan.naarStap(6);
  await expectNoViolations(page, 'plan-stap-6-leeg');
  const douchestoel = await plan.voegInzetToe(
    'Hulpmiddel toevoegen',
    'Soort hulpmiddel',
    'UL-DOUCHESTOEL',
  );
  await douchestoel.getByLabel(/^Hoeveel \(stuk\)/).fill('1');
  await expect(douchestoel.getByTestId('routering')).toContainText('Zvw');
  await plan.wachtOpOpgeslagen();
  await expectNoViolations(page, 'plan-stap-6');

  // 7. Professional inzet: one as routed, one with another domain chosen (reason open).
  await plan.naarStap(7);
  await expectNoViolations(page, 'plan-stap-7-leeg');
  const schoonmaak = await plan.voegProfessioneleHulpToe('HH-SCHOONMAAK', {
    uren: '2,5',
    start: vandaag(),
    aanbieder: 'Thuiszorg De Vallei',
  });
  await expect(schoonmaak.getByTestId('routering')).toContainText('Gemeente Ede');
  await plan.wachtOpOpgeslagen();
  const verzorging = await plan.voegProfessioneleHulpToe('PV-ADL', {
    uren: '3',
    start: vandaag(),
    aanbieder: 'Wijkzorg Ede',
  });
  await expect(verzorging.getByTestId('routering')).toContainText('Zvw');
  await plan.kiesAnderDomein(verzorging, 'Wmo');
  await expectNoViolations(page, 'plan-stap-7-ander-domein-zonder-reden');
  await verzorging
    .getByLabel(/^Waarom een ander domein/)
    .fill('Afspraak met de gemeente over wijkzorg.');
  await plan.wachtOpOpgeslagen();
  await expectNoViolations(page, 'plan-stap-7');

  // 8. Overzicht, akkoord, vaststellen; then the read-only plan and the print.
  await plan.naarStap(8);
  await expectNoViolations(page, 'plan-stap-8');
  await plan.akkoord(vandaag(), 'mondeling', 'client');
  await plan.evaluatiedatum(vandaag(180));
  await expectNoViolations(page, 'plan-stap-8-akkoord');
  await plan.vaststellen();
  await expectNoViolations(page, 'plan-stap-8-vastgesteld');
  await plan.naarStap(7);
  await expectNoViolations(page, 'plan-stap-7-vastgesteld');
  await plan.naarStap(8);
  await plan.openPrint();
  await expectNoViolations(page, 'printversie');
  await synchroniseer(page);
  await page.goto('/');
  await expect(caseload.heading).toBeVisible();
  await expectNoViolations(page, 'caseload-plan-vastgesteld');
});

test('coordinator: every tab of wie betaalt wat and tarieven; beheerder: tarieven and its forms', async ({
  page,
  viewport,
}) => {
  test.setTimeout(240_000);
  // A vastgesteld plan with a priced inzet whose domain was overridden, synced.
  await metClient(page);
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Gerrit van Dijk');
  await plan.naarStap(7);
  const verzorging = await plan.voegProfessioneleHulpToe('PV-ADL', {
    uren: '3',
    start: vandaag(),
  });
  await expect(verzorging.getByTestId('routering')).toContainText('Zvw');
  await plan.kiesAnderDomein(verzorging, 'Wmo', 'Afspraak met de gemeente over wijkzorg.');
  await plan.wachtOpOpgeslagen();
  await plan.ladderReden('De dochter woont ver weg.');
  await plan.stelVastMetAkkoord(vandaag(), vandaag(180));
  await synchroniseer(page);

  // The coordinator on her own device: every tab of "Wie betaalt wat", then the tariffs.
  const corApparaat = await launchDevice(viewport);
  try {
    const cp = corApparaat.context.pages()[0] ?? (await corApparaat.context.newPage());
    cp.setDefaultTimeout(30_000);
    await openEnLogin(cp, COR);
    const co = new CoordinatorPage(cp);
    await expect(co.heading).toBeVisible();
    await co.kiesPeriode(maand(0), maand(3));
    await expect(co.totaal).toBeVisible();
    await expect(cp.locator('.grafiek-staaf').first()).toBeVisible();
    await expectNoViolations(cp, 'wie-betaalt-wat-overzicht');
    await co.naarTab('Regels');
    await expect(co.regelsTabel).toBeVisible();
    await expectNoViolations(cp, 'wie-betaalt-wat-regels');
    await co.naarTab('Afwijkingen');
    await expect(co.afwijkingenTabel).toContainText('Afspraak met de gemeente over wijkzorg.');
    await expectNoViolations(cp, 'wie-betaalt-wat-afwijkingen');
    await co.naarTab('Verevening');
    await expect(co.vereveningTabel).toBeVisible();
    await expectNoViolations(cp, 'wie-betaalt-wat-verevening');
    await new TarievenPage(cp).open();
    await expectNoViolations(cp, 'tarieven-coordinator');
  } finally {
    await corApparaat.close();
  }

  // The beheerder: the tariffs, the new-price form with its errors, the withdraw question.
  const beaApparaat = await launchDevice(viewport);
  try {
    const bp = beaApparaat.context.pages()[0] ?? (await beaApparaat.context.newPage());
    bp.setDefaultTimeout(30_000);
    await openEnLogin(bp, BEA);
    const tp = new TarievenPage(bp);
    await expect(tp.heading).toBeVisible();
    await expectNoViolations(bp, 'tarieven-beheerder');
    await tp.zoek('schoonmaken', 'Wmo');
    await bp
      .getByRole('button', { name: /^Nieuw tarief vanaf datum voor/ })
      .first()
      .click();
    await expectNoViolations(bp, 'tarieven-nieuw-bedrag');
    // Nothing is saved: an empty amount is refused next to its field.
    await bp.getByLabel(/^Nieuw bedrag in euro/).fill('');
    await bp.getByRole('button', { name: 'Tarief opslaan' }).click();
    await expect(bp.getByLabel(/^Nieuw bedrag in euro/)).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(bp, 'tarieven-nieuw-bedrag-fouten');
    await bp.getByRole('button', { name: 'Annuleren' }).click();
    await bp
      .getByRole('button', { name: /^Verwijder laatste tarief voor/ })
      .first()
      .click();
    await expect(bp.getByRole('alertdialog', { name: 'Tarief verwijderen' })).toBeVisible();
    await expectNoViolations(bp, 'tarieven-verwijderen-vraag');
    await bp.getByRole('button', { name: 'Nee, laat staan' }).click();
    await bp.getByRole('button', { name: 'Tarief voor een nieuwe rij' }).click();
    await bp.getByRole('button', { name: 'Tarief opslaan' }).click();
    await expect(bp.getByText('Kies een soort inzet.')).toBeVisible();
    await expectNoViolations(bp, 'tarieven-nieuwe-rij-fouten');
  } finally {
    await beaApparaat.close();
  }
});

test('casemanager: te reviewen, the review screen with comments and a besluit; arrangeur: the plan with comments', async ({
  page: a,
  viewport,
}) => {
  test.setTimeout(240_000);
  const carla = await maakAccount('casemanager', 'Carla de Wit', 'carla');
  await metClient(a);
  const planA = new PlanPage(a);
  await planA.openVanuitCaseload('Gerrit van Dijk');
  await planA.hulpvraag.fill('Thuis blijven wonen met mijn vrouw.');
  await planA.wachtOpOpgeslagen();
  await planA.voegDoelToe('Dagelijks leven', 'Zelf boodschappen doen');
  const reviewA = new ReviewPage(a);
  await reviewA.banner.getByRole('button', { name: 'Ter review sturen' }).click();
  await expect(a.getByLabel('Naar welke casemanager?')).toBeVisible();
  await expectNoViolations(a, 'ter-review-sturen');
  await a.getByRole('button', { name: 'Annuleren' }).click();
  await reviewA.stuurTerReview(carla.id, 'Is dit genoeg steun voor zijn vrouw?');
  await expect(planA.stand).toContainText('Ter beoordeling');
  await expectNoViolations(a, 'plan-ter-review');
  await synchroniseer(a);

  const apparaatB = await launchDevice(viewport);
  try {
    const b = apparaatB.context.pages()[0] ?? (await apparaatB.context.newPage());
    await new CaseloadPage(b).open(carla);
    await synchroniseer(b);
    await expect(b.getByTestId('te-reviewen').filter({ hasText: 'Gerrit van Dijk' })).toBeVisible();
    await expectNoViolations(b, 'caseload-te-reviewen');
    await b.getByRole('button', { name: 'Review openen: Gerrit van Dijk' }).click();
    const reviewB = new ReviewPage(b);
    await expect(reviewB.heading('Gerrit van Dijk')).toBeVisible();
    await expectNoViolations(b, 'review');

    await b.getByRole('button', { name: 'Opmerking toevoegen bij Hulpvraag en doelen' }).click();
    await expect(b.getByLabel('Uw opmerking bij Hulpvraag en doelen')).toBeVisible();
    await expectNoViolations(b, 'review-opmerking-schrijven');
    await b.getByLabel('Uw opmerking bij Hulpvraag en doelen').fill('Vraag wat zijn vrouw wil.');
    await b.getByRole('button', { name: 'Opmerking opslaan' }).click();
    const wijzig = b.getByRole('button', { name: 'Wijzigen: opmerking Vraag wat zijn vrouw wil.' });
    await expect(wijzig).toBeVisible();
    await expect(
      b.getByRole('button', { name: 'Verwijderen: opmerking Vraag wat zijn vrouw wil.' }),
    ).toBeVisible();
    await expectNoViolations(b, 'review-met-opmerking');
    await wijzig.click();
    await expectNoViolations(b, 'review-opmerking-wijzigen');
    await b.getByRole('button', { name: 'Annuleren' }).click();
    await reviewB.besluit('Aanpassen nodig', 'Kijk nog naar de mantelzorg.');
    await expectNoViolations(b, 'review-besluit');
    await synchroniseer(b);
  } finally {
    await apparaatB.close();
  }

  await synchroniseer(a);
  await expect(reviewA.banner).toContainText('vraagt om aanpassingen');
  await expect(reviewA.stapOpmerkingen).toHaveCount(1);
  await expectNoViolations(a, 'plan-met-review-opmerkingen');
  await a.getByRole('button', { name: 'Terug naar de cliënten' }).first().click();
  await expect(new CaseloadPage(a).client('Gerrit van Dijk')).toContainText('Aanpassen gevraagd');
  await expectNoViolations(a, 'caseload-met-review');
});

test('arrangeur: conflicts screen empty and with a conflict, the logout warning', async ({
  page: a,
  context: contextA,
  viewport,
}) => {
  test.setTimeout(180_000);
  await metClient(a);
  await waitForServiceWorker(a);
  await a.goto('/conflicten');
  await expect(a.getByTestId('geen-conflicten')).toBeVisible();
  await expectNoViolations(a, 'conflicten-leeg');

  // The same field typed on two devices: a conflict.
  await a.goto('/');
  const planA = new PlanPage(a);
  await planA.openVanuitCaseload('Gerrit van Dijk');
  await planA.hulpvraag.fill('Thuis blijven wonen.');
  await planA.wachtOpOpgeslagen();
  await synchroniseer(a);
  const apparaatB = await launchDevice(viewport);
  try {
    const b = apparaatB.context.pages()[0] ?? (await apparaatB.context.newPage());
    await new CaseloadPage(b).open();
    await expect(new CaseloadPage(b).client('Gerrit van Dijk')).toBeVisible();
    await contextA.setOffline(true);
    await expect(a.getByTestId('statusbalk')).toContainText('Offline');
    await planA.hulpvraag.fill('Thuis blijven wonen, met hulp van de buren.');
    await planA.wachtOpOpgeslagen();
    const planB = new PlanPage(b);
    await planB.openVanuitCaseload('Gerrit van Dijk');
    await expect(planB.hulpvraag).toHaveValue('Thuis blijven wonen.');
    await planB.hulpvraag.fill('Thuis blijven wonen, met mijn kat.');
    await planB.wachtOpOpgeslagen();
    await synchroniseer(b);
  } finally {
    await apparaatB.close();
  }
  await contextA.setOffline(false);
  await synchroniseer(a);
  await expect(a.getByTestId('conflicten-link')).toHaveText('1 conflict');
  await a.getByTestId('conflicten-link').click();
  await expect(a.getByTestId('conflict')).toHaveCount(1);
  await expectNoViolations(a, 'conflicten-met-conflict');

  // Logout with an unsent change: the warning and the "are you sure".
  await a.goto('/');
  await contextA.setOffline(true);
  await expect(a.getByTestId('statusbalk')).toContainText('Offline');
  await new CaseloadPage(a).maakClient({ ...GERRIT, voornaam: 'Truus' });
  await new CaseloadPage(a).opslaan();
  await a.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(a.getByTestId('uitlog-status')).toContainText('nog niet naar de server');
  await expectNoViolations(a, 'uitloggen-waarschuwing');
  await a.getByRole('button', { name: /^Uitloggen en \d+ wijziging(en)? weggooien$/ }).click();
  await expect(a.getByRole('alertdialog')).toBeVisible();
  await expectNoViolations(a, 'uitloggen-weggooien-bevestigen');
  await a.getByRole('button', { name: 'Nee, terug' }).click();
  await a
    .getByRole('button', { name: 'Toch uitloggen en wijzigingen bewaren op dit apparaat' })
    .click();
  await expect(new LoginPage(a).heading).toBeVisible();
});
