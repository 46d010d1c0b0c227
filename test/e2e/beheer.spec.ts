/**
 * Beheer (issue 14, points 1 and 3) in Debian Chromium, by role, label and text only: the
 * beheerder adds a nurse and sees her start password once; imports a caseload file with 3 good
 * and 2 bad rows (both bad rows named with the reason, exactly 3 clients stored, a second import
 * stores nothing); the nurse logs in with the start password and sees those 3 clients; the access
 * log shows her reads (and downloads as CSV); the beheerder deactivates her and she can no longer
 * log in. Every beheer screen passes axe (WCAG 2.2 AA).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BEA, type Account } from './accounts.ts';
import { expectNoViolations } from './axe.ts';
import { expect, launchDevice, test } from './fixtures.ts';
import { BeheerPage, eersteLogin, loginGeweigerd } from './pages/beheer-page.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { openEnLogin } from './pages/login-page.ts';

/** A BSN that passes the elfproef, random per run (the e2e server is shared by both projects). */
function bsn(): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => randomInt(10));
    const som = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    if (som < 10 && d.join('') !== '00000000') return d.join('') + String(som);
  }
}
const letters = () =>
  Array.from({ length: 5 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');

test('beheerder adds a nurse, imports her caseload, reads the log and turns her off', async ({
  page,
  viewport,
}) => {
  test.setTimeout(180_000);
  page.setDefaultTimeout(30_000);
  const achter = `Import${letters()}`;
  const namen = [`Gerda ${achter}`, `Henk ${achter}`, `Ina ${achter}`];
  const bestand = {
    name: 'caseload.csv',
    inhoud:
      '\uFEFF' +
      [
        'voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;gemeente;zorgverzekeraar',
        `Gerda;${achter};12-03-1941;${bsn()};6711 AB;12;Ede;3311`,
        `Henk;${achter};1938-07-01;;6712 CD;3a;Wageningen;`,
        `Ina;${achter};01-01-1950;${bsn()};6711 AB;7;GM0228;3332`,
        `Joop;${achter};02-02-1940;123456789;6711 AB;1;Ede;3311`,
        `Kees;${achter};01-01-1940;;6711 AB;1;Atlantis;`,
      ].join('\r\n'),
  };

  // The beheerder.
  await openEnLogin(page, BEA);
  const beheer = new BeheerPage(page);
  await beheer.naar('Gebruikers');
  await expectNoViolations(page, 'beheer-gebruikers');
  const nora: Account = {
    gebruikersnaam: `nora-${randomUUID().slice(0, 8)}`,
    wachtwoord: '',
    naam: `Nora ${letters()}`,
  };
  const start = await beheer.voegToe(
    nora.naam,
    nora.gebruikersnaam,
    'Arrangeur (wijkverpleegkundige)',
  );
  await expectNoViolations(page, 'beheer-startwachtwoord');
  await page.getByRole('button', { name: 'Ik heb het doorgegeven' }).click();
  // Shown once: gone from the screen, and not in the list.
  await expect(beheer.startwachtwoord(nora.naam)).toHaveCount(0);
  await expect(page.getByText(start)).toHaveCount(0);
  await expect(beheer.rij(nora.naam)).toContainText('moet nog een eigen wachtwoord kiezen');
  const noraMetStart: Account = { ...nora, wachtwoord: start };

  // Import: the preview names both bad rows and stores nothing; then exactly 3 are stored.
  await beheer.naar('Importeren');
  await expectNoViolations(page, 'beheer-import');
  const caseloadOptie = `${nora.naam} (${nora.gebruikersnaam})`;
  await beheer.controleerImport(caseloadOptie, bestand);
  await expect(
    page.getByRole('status').filter({ hasText: '3 nieuw, 0 al aanwezig, 2 met fouten.' }),
  ).toBeVisible();
  await expect(beheer.importRegel(5)).toContainText('Dit BSN klopt niet (de elfproef faalt)');
  await expect(beheer.importRegel(6)).toContainText('"Atlantis" is geen gemeente die wij kennen');
  for (const r of [2, 3, 4])
    await expect(beheer.importRegel(r)).toContainText('Goed: wordt toegevoegd');
  await expectNoViolations(page, 'beheer-import-controle');
  await page.getByRole('button', { name: '3 cliënten opslaan' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `3 cliënten opgeslagen in de caseload van ${nora.naam}` }),
  ).toBeVisible();
  // The same file again: all 3 already there, nothing to store.
  await beheer.controleerImport(caseloadOptie, bestand);
  await expect(
    page.getByRole('status').filter({ hasText: '0 nieuw, 3 al aanwezig, 2 met fouten.' }),
  ).toBeVisible();
  await expect(page.getByText('Er is niets nieuws om op te slaan.')).toBeVisible();

  // Caseloads: the 3 clients are hers (name and birth date only).
  await beheer.naar('Caseloads');
  await page.getByLabel('Zoek cliënt op naam').fill(achter);
  const lijst = page.getByRole('list', { name: 'Cliënten' }).getByRole('listitem');
  await expect(lijst).toHaveCount(3);
  await expect(lijst.first()).toContainText(`In de caseload van ${nora.naam}`);
  await expectNoViolations(page, 'beheer-caseloads');

  // The nurse logs in with her start password, chooses her own and sees exactly the 3 clients.
  let noraEigen = noraMetStart;
  const tablet = await launchDevice(viewport);
  try {
    const np = tablet.context.pages()[0] ?? (await tablet.context.newPage());
    np.setDefaultTimeout(30_000);
    noraEigen = await eersteLogin(np, noraMetStart);
    const caseload = new CaseloadPage(np);
    await expect(caseload.heading).toBeVisible();
    for (const naam of namen) await expect(caseload.client(naam)).toBeVisible();
    await expect(np.getByRole('listitem').filter({ hasText: achter })).toHaveCount(3);
  } finally {
    await tablet.close();
  }

  // The access log shows her reads of those clients; the CSV has them too.
  await beheer.naar('Toegangslog');
  await expectNoViolations(page, 'beheer-toegangslog');
  await beheer.logVanGebruiker(caseloadOptie);
  await expect(beheer.logTabel).toContainText('Ingelogd');
  const gelezen = beheer.logTabel
    .getByRole('row')
    .filter({ hasText: 'Gegevens opgehaald (gelezen)' });
  await expect(gelezen.filter({ hasText: namen[0]! })).not.toHaveCount(0);
  await expectNoViolations(page, 'beheer-toegangslog-tabel');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain(`;${nora.gebruikersnaam};arrangeur;pull;`);

  // Deactivated: she can no longer log in.
  await beheer.naar('Gebruikers');
  await beheer.zetUit(nora.naam);
  const ander = await launchDevice(viewport);
  try {
    const ap = ander.context.pages()[0] ?? (await ander.context.newPage());
    ap.setDefaultTimeout(30_000);
    // With her own password, which worked before: refused now.
    await loginGeweigerd(ap, noraEigen);
  } finally {
    await ander.close();
  }
});
