import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, synchroniseer } from '../fixtures.ts';

export { synchroniseer };

/**
 * Page model of the review (issue 6): the arrangeur's side in the plan editor (send ter review,
 * banner, comments per step) and the casemanager's review screen (comments, besluit).
 */
export class ReviewPage {
  constructor(private readonly page: Page) {}

  // --- The arrangeur, in the plan editor -------------------------------------------------------

  get banner() {
    return this.page.getByTestId('review-banner');
  }

  /** "Ter review sturen": choose the casemanager by user id (names may repeat across runs). */
  async stuurTerReview(casemanagerId: string, vraag?: string) {
    await this.banner.getByRole('button', { name: 'Ter review sturen' }).click();
    const kies = this.page.getByLabel('Naar welke casemanager?');
    await expect(kies.locator(`option[value="${casemanagerId}"]`)).toHaveCount(1);
    await kies.selectOption(casemanagerId);
    if (vraag) await this.page.getByLabel('Uw vraag aan de casemanager').fill(vraag);
    await this.page.getByRole('button', { name: 'Versturen' }).click();
  }

  /** The reviewer's comments shown on the current step of the editor. */
  get stapOpmerkingen() {
    return this.page.getByTestId('stap-opmerking');
  }

  // --- The casemanager, on the review screen ---------------------------------------------------

  heading(naam: string) {
    return this.page.getByRole('heading', { name: `Review: ondersteuningsplan van ${naam}` });
  }

  sectie(naam: string): Locator {
    return this.page.locator('section.review-sectie').filter({
      has: this.page.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\. ${naam}$`) }),
    });
  }

  /** Adds a comment through the button whose accessible name ends in `bij`. */
  async opmerking(bij: string, tekst: string) {
    await this.page.getByRole('button', { name: `Opmerking toevoegen bij ${bij}` }).click();
    await this.page.getByLabel(`Uw opmerking bij ${bij}`).fill(tekst);
    await this.page.getByRole('button', { name: 'Opmerking opslaan' }).click();
    await expect(
      this.page.getByTestId('review-opmerking').filter({ hasText: tekst }),
    ).toBeVisible();
  }

  async besluit(knop: 'Akkoord' | 'Aanpassen nodig', toelichting?: string) {
    if (toelichting) await this.page.getByLabel('Toelichting bij uw besluit').fill(toelichting);
    await this.page.getByRole('button', { name: knop, exact: true }).click();
    await expect(this.page.getByTestId('review-besluit')).toBeVisible();
  }
}

/** Full-page screenshot to test-output/screenshots/ (an artifact, git-ignored). */
export async function screenshot(page: Page, testInfo: TestInfo, naam: string) {
  const map = join(process.cwd(), 'test-output', 'screenshots');
  mkdirSync(map, { recursive: true });
  await page.screenshot({
    path: join(map, `review-${testInfo.project.name}-${naam}.png`),
    fullPage: true,
  });
}
