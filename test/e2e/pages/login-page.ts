import type { Page } from '@playwright/test';
import { testAccount, type Account } from '../accounts.ts';
import { expect } from '../fixtures.ts';
import { codeGebruikt, totpCode } from '../totp.ts';

export const PIN = '24680';

/** Page model of the login and lock screens (issue 5). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Inloggen' });
  }

  get slot() {
    return this.page.getByRole('heading', { name: 'De app is op slot' });
  }

  /** The last step of every login (issue 14.4): the PIN for this device. */
  get pinKop() {
    return this.page.getByRole('heading', { name: 'Kies uw pincode' });
  }

  /** Username and password on the login form, then "Inloggen". */
  async wachtwoord(wie: Account) {
    await expect(this.heading).toBeVisible();
    await this.page.getByLabel('Gebruikersnaam').fill(wie.gebruikersnaam);
    await this.page.getByLabel('Wachtwoord').fill(wie.wachtwoord);
    await this.page.getByRole('button', { name: 'Inloggen' }).click();
  }

  /** Logs in on the login screen (online): password, code where she has one, PIN; waits for the app. */
  async login(wie: Account = testAccount(), pin = PIN) {
    await this.wachtwoord(wie);
    if (wie.totpGeheim) await this.tweedeStap(wie.totpGeheim);
    await this.kiesPin(pin);
    await expect(this.page.getByTestId('gebruiker')).toContainText(wie.naam);
  }

  /** Chooses the PIN on its screen, the last step before the app. */
  async kiesPin(pin = PIN) {
    await expect(this.pinKop).toBeVisible();
    await this.page.getByLabel('Kies een pincode van 5 cijfers').fill(pin);
    await this.page.getByLabel('Typ de pincode nog een keer').fill(pin);
    await this.page.getByRole('button', { name: 'Pincode opslaan' }).click();
  }

  /** The second factor (issue 14): the code of her secret, as her authenticator app shows it. */
  async tweedeStap(geheim: string) {
    const veld = this.page.getByLabel('Code uit uw authenticator-app');
    await expect(this.page.getByRole('heading', { name: 'Tweede stap' })).toBeVisible();
    for (let poging = 0; poging < 3; poging++) {
      await veld.fill(await totpCode(geheim));
      await this.page.getByRole('button', { name: 'Code controleren' }).click();
      const gebruikt = this.page.getByText('Deze code is al gebruikt.');
      await expect(this.pinKop.or(gebruikt)).toBeVisible();
      if (!(await gebruikt.isVisible())) return;
      codeGebruikt(geheim);
    }
  }

  async ontgrendel(pin: string) {
    await this.page.getByLabel('Pincode (5 cijfers)').fill(pin);
    await this.page.getByRole('button', { name: 'Openen' }).click();
  }
}

/**
 * Opens the app at `/` and logs in when the login screen shows (the first visit, online), so
 * every spec starts in the app as the test's arrangeur.
 */
export async function openEnLogin(page: Page, wie: Account = testAccount()): Promise<void> {
  await page.goto('/');
  const login = new LoginPage(page);
  const app = page.getByTestId('gebruiker');
  await expect(login.heading.or(app)).toBeVisible();
  if (await login.heading.isVisible()) await login.login(wie);
}
