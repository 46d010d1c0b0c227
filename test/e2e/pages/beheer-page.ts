import type { Page } from '@playwright/test';
import type { Account } from '../accounts.ts';
import { expect } from '../fixtures.ts';
import { LoginPage, PIN } from './login-page.ts';

/** The start password as the server makes it: four groups of four. */
const START = /[a-z2-9]{4}(?:-[a-z2-9]{4}){3}/;

/** Page model of the beheer screens (issue 14): Gebruikers, Caseloads, Importeren, Toegangslog. */
export class BeheerPage {
  constructor(private readonly page: Page) {}

  async naar(scherm: 'Gebruikers' | 'Caseloads' | 'Importeren' | 'Toegangslog') {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('button', { name: scherm, exact: true })
      .click();
    const kop = scherm === 'Importeren' ? 'Caseload importeren' : scherm;
    await expect(this.page.getByRole('heading', { name: kop, level: 1 })).toBeVisible();
  }

  /** Adds a user and returns the start password shown once. */
  async voegToe(naam: string, gebruikersnaam: string, rol: string): Promise<string> {
    const form = this.page.getByRole('form', { name: 'Gebruiker toevoegen' });
    await form.getByLabel('Naam', { exact: true }).fill(naam);
    await form.getByLabel('Gebruikersnaam').fill(gebruikersnaam);
    await form.getByLabel('Rol').selectOption({ label: rol });
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const vak = this.startwachtwoord(naam);
    await expect(vak).toBeVisible();
    const tekst = (await vak.textContent()) ?? '';
    const m = START.exec(tekst);
    if (!m) throw new Error('geen startwachtwoord te zien');
    return m[0];
  }

  startwachtwoord(naam: string) {
    return this.page.getByRole('region', { name: `Startwachtwoord voor ${naam}` });
  }

  rij(naam: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: naam }) });
  }

  async zetUit(naam: string) {
    await this.page.getByRole('button', { name: `Uitzetten ${naam}` }).click();
    await this.page.getByRole('button', { name: 'Ja, uitzetten' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `${naam} is uitgezet` }),
    ).toBeVisible();
    await expect(this.rij(naam)).toContainText('Gedeactiveerd');
  }

  /** Import: choose the caseload and the file, check it; the preview shows. */
  async controleerImport(caseloadVan: string, bestand: { name: string; inhoud: string }) {
    await this.page.getByLabel('In de caseload van').selectOption({ label: caseloadVan });
    await this.page.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: bestand.name,
      mimeType: 'text/csv',
      buffer: Buffer.from(bestand.inhoud, 'utf8'),
    });
    await this.page.getByRole('button', { name: 'Controleren' }).click();
    await expect(
      this.page.getByRole('heading', { name: `Controle van ${bestand.name}` }),
    ).toBeVisible();
  }

  importRegel(n: number) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: `Regel ${n}`, exact: true }) });
  }

  /** Access log of one user over the default period (the last 30 days up to today). */
  async logVanGebruiker(optie: string) {
    await this.page.getByLabel('Een gebruiker').check();
    await this.page.getByLabel('Gebruiker', { exact: true }).selectOption({ label: optie });
    await this.page.getByRole('button', { name: 'Toon' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: /regels|Niets gevonden/ }),
    ).toBeVisible();
  }

  get logTabel() {
    return this.page.getByRole('table', { name: 'Toegangslog' });
  }
}

/**
 * The first login of a user the beheerder just added, in the order of issue 14.4: the start
 * password on the login form (no PIN asked there), then her own password, then (last) her PIN.
 */
export async function eersteLogin(page: Page, wie: Account): Promise<Account> {
  await page.goto('/');
  const login = new LoginPage(page);
  await expect(login.heading).toBeVisible();
  await expect(page.getByLabel('Kies een pincode van 5 cijfers')).toHaveCount(0);
  await login.wachtwoord(wie);
  // A start password: she chooses her own first, before any PIN.
  await expect(page.getByRole('heading', { name: 'Kies uw eigen wachtwoord' })).toBeVisible();
  await expect(page.getByLabel('Kies een pincode van 5 cijfers')).toHaveCount(0);
  const eigen = { ...wie, wachtwoord: 'mijn-eigen-geheim-2026' };
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(eigen.wachtwoord);
  await page.getByLabel('Typ het nieuwe wachtwoord nog een keer').fill(eigen.wachtwoord);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  // Then the PIN, the last step; only then the app.
  await expect(login.pinKop).toBeVisible();
  await expect(page.getByTestId('gebruiker')).toHaveCount(0);
  await login.kiesPin(PIN);
  await expect(page.getByTestId('gebruiker')).toContainText(wie.naam);
  return eigen;
}

/** A login that must fail (a deactivated account): the login screen stays, with a message. */
export async function loginGeweigerd(page: Page, wie: Account): Promise<void> {
  await page.goto('/');
  const login = new LoginPage(page);
  await login.wachtwoord(wie);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(login.heading).toBeVisible();
  await expect(login.pinKop).toHaveCount(0);
  await expect(page.getByTestId('gebruiker')).toHaveCount(0);
}
