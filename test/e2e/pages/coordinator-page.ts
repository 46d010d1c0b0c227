import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

/** "€ 1.234,56" (with the non-breaking space Intl writes) → 123456 cents. */
export function centenVan(tekst: string | null): number {
  const m = /(−|-)?\s*€\s*([\d.]+),(\d{2})/.exec((tekst ?? '').replace(/\u00a0/g, ' '));
  if (!m) throw new Error(`geen bedrag in "${tekst}"`);
  const cent = Number(m[2]!.replace(/\./g, '')) * 100 + Number(m[3]);
  return m[1] ? -cent : cent;
}

/** "12,5 uur" → 12.5 */
export function getalVan(tekst: string | null): number {
  const m = /(\d+(?:\.\d{3})*(?:,\d+)?)/.exec(tekst ?? '');
  if (!m) throw new Error(`geen getal in "${tekst}"`);
  return Number(m[1]!.replace(/\./g, '').replace(',', '.'));
}

/** Page model of "Wie betaalt wat" (the coordinator's screen). */
export class CoordinatorPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Wie betaalt wat', level: 1 });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('button', { name: 'Wie betaalt wat' })
      .click();
    await expect(this.heading).toBeVisible();
  }

  async kiesPeriode(van: string, tot: string) {
    await this.page.getByLabel('Van (maand)').fill(van);
    await this.page.getByLabel('Tot en met (maand)').fill(tot);
    await this.page.getByRole('button', { name: 'Toon periode' }).click();
  }

  tab(naam: 'Overzicht' | 'Regels' | 'Afwijkingen' | 'Verevening') {
    return this.page.getByRole('tab', { name: naam });
  }

  async naarTab(naam: 'Overzicht' | 'Regels' | 'Afwijkingen' | 'Verevening') {
    await this.tab(naam).click();
    await expect(this.tab(naam)).toHaveAttribute('aria-selected', 'true');
  }

  get totaal() {
    return this.page.getByTestId('totaal-periode');
  }

  get overzichtTabel() {
    return this.page.getByRole('table', { name: 'Per maand, domein en financier' });
  }

  /** The rows of one month header (the "oktober 2026 — … totaal" line). */
  maandKop(maandNl: string) {
    return this.overzichtTabel.getByRole('columnheader', { name: new RegExp(`^${maandNl}`) });
  }

  bekijkRegelsKnop(maandNl: string, domein: string, financier: string) {
    return this.page.getByRole('button', {
      name: `Bekijk regels van ${maandNl}, ${domein}, ${financier}`,
    });
  }

  /** A row of the overview table by its "Bekijk regels" button. */
  overzichtRij(maandNl: string, domein: string, financier: string): Locator {
    return this.overzichtTabel
      .getByRole('row')
      .filter({ has: this.bekijkRegelsKnop(maandNl, domein, financier) });
  }

  get regelsTabel() {
    return this.page.getByRole('table', { name: 'Inzetregels met kosten' });
  }

  get regelsTotaal() {
    return this.page.getByTestId('totaal-regels');
  }

  /** Cells of the drill-down lines, per line, in column order. */
  async regels(): Promise<string[][]> {
    await expect(this.regelsTabel).toBeVisible();
    return this.regelsTabel
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ')),
        ),
      );
  }

  get afwijkingenTabel() {
    return this.page.getByRole('table', { name: 'Afwijkingen van de regels' });
  }

  get vereveningTabel() {
    return this.page.getByRole('table', { name: 'Per financier' });
  }

  async download(formaat: 'CSV (Excel)' | 'JSON'): Promise<Download> {
    const wacht = this.page.waitForEvent('download');
    await this.page
      .getByRole('link', { name: new RegExp(`^Download ${formaat.replace(/[()]/g, '\\$&')}`) })
      .click();
    return wacht;
  }
}

/** Page model of the tariffs screen. */
export class TarievenPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { name: 'Tarieven', level: 1 });
  }

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('button', { name: 'Tarieven' })
      .click();
    await expect(this.heading).toBeVisible();
  }

  get tabel() {
    return this.page.getByRole('table');
  }

  async zoek(tekst: string, domein = '') {
    await this.page.getByLabel('Domein', { exact: true }).selectOption(domein);
    await this.page.getByLabel('Zoek op inzet of financier').fill(tekst);
  }

  /** The rows whose first cell is this inzet, in domain `domein`, for all financiers. */
  rijen(inzet: string, domein: string) {
    return this.tabel
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: inzet, exact: true }) })
      .filter({ hasText: domein })
      .filter({ hasText: /Alle \(standaard/ });
  }

  async nieuwTarief(inzet: string, domein: string, bedrag: string, vanaf: string) {
    await this.page
      .getByRole('button', { name: `Nieuw tarief vanaf datum voor ${inzet}, ${domein}` })
      .first()
      .click();
    const bedragVeld = this.page.getByLabel(/^Nieuw bedrag in euro/);
    await bedragVeld.fill(bedrag);
    await this.page.getByLabel('Geldig vanaf').fill(vanaf);
    await this.page.getByRole('button', { name: 'Tarief opslaan' }).click();
  }
}
