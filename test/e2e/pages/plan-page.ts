import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.ts';
import { CaseloadPage, type NieuweClient } from './caseload-page.ts';

export interface NaasteGegevens {
  readonly naam: string;
  readonly relatie: string;
  readonly contact?: string;
  readonly watDoetHij?: string;
  readonly hoeVaak?: string;
  readonly belasting?: 'licht' | 'gemiddeld' | 'zwaar' | 'overbelast';
}

/** What the e2e reads back from IndexedDB (the real on-disk store, not the screen). */
export interface OpgeslagenPlan {
  readonly clientId: string;
  readonly status: string;
  readonly versie: number;
  readonly hulpvraag?: string;
}

/**
 * Page model of the plan editor and the print view (Actual's e2e page-models style). Every
 * step is reached through the step navigation, as the arrangeur would at the kitchen table.
 */
export class PlanPage {
  constructor(private readonly page: Page) {}

  /** From the caseload: a tap on the client opens her plan (issue 11, point 9). */
  async openVanuitCaseload(naam: string) {
    await this.page
      .getByRole('list', { name: 'Cliënten' })
      .getByRole('button', { name: new RegExp(`^${naam.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) })
      .click();
    await expect(this.heading(naam)).toBeVisible();
  }

  /** From the plan: the client's details, one tap away. */
  async openGegevens() {
    await this.page.getByRole('button', { name: 'Gegevens van de cliënt' }).click();
    await expect(this.page.getByRole('heading', { name: 'Cliënt wijzigen' })).toBeVisible();
  }

  /** Back from the plan to the caseload. */
  async terugNaarCaseload() {
    await this.page.getByRole('button', { name: 'Terug naar de cliënten' }).first().click();
    await expect(this.page.getByRole('heading', { name: 'Mijn cliënten' })).toBeVisible();
  }

  heading(naam: string) {
    return this.page.getByRole('heading', { name: `Ondersteuningsplan van ${naam}` });
  }

  get stand() {
    return this.page.getByTestId('plan-stand');
  }

  get opslag() {
    return this.page.getByTestId('opslag-status');
  }

  stapKnop(nummer: number) {
    return this.page
      .getByRole('navigation', { name: 'Stappen van het plan' })
      .getByRole('button', { name: new RegExp(`^${nummer}\\. `) });
  }

  async naarStap(nummer: number) {
    await this.stapKnop(nummer).click();
    await expect(this.stapKnop(nummer)).toHaveAttribute('aria-current', 'step');
  }

  /** Waits for "Opgeslagen" (autosave: no button to press). */
  async wachtOpOpgeslagen() {
    await expect(this.opslag).toHaveText('Opgeslagen');
  }

  get hulpvraag() {
    return this.page.getByLabel('Wat is belangrijk voor u?');
  }

  async voegDoelToe(domein: string, tekst: string) {
    await this.page.getByRole('button', { name: `Doel toevoegen: ${domein}` }).click();
    await this.laatste(
      this.page.getByRole('textbox', { name: new RegExp(`\\(${domein}\\)`) }),
    ).fill(tekst);
    await this.wachtOpOpgeslagen();
  }

  /** Adds an item in steps 2–4 and fills what happens. */
  async voegItemToe(knop: string, label: RegExp, tekst: string) {
    await this.page.getByRole('button', { name: knop, exact: true }).click();
    await this.laatste(this.page.getByRole('textbox', { name: label })).fill(tekst);
    await this.wachtOpOpgeslagen();
  }

  async voegNaasteToe(n: NaasteGegevens) {
    await this.page.getByRole('button', { name: 'Naaste toevoegen', exact: true }).click();
    const groep = this.laatste(this.page.locator('fieldset.onderdeel'));
    await groep.getByLabel('Naam', { exact: true }).fill(n.naam);
    await groep.getByLabel(/^Relatie/).fill(n.relatie);
    if (n.contact) await groep.getByLabel(/^Telefoon of e-mail/).fill(n.contact);
    if (n.hoeVaak) await groep.getByLabel(/^Hoe vaak/).fill(n.hoeVaak);
    if (n.watDoetHij) await groep.getByLabel(/^Wat doet hij of zij/).fill(n.watDoetHij);
    if (n.belasting) await groep.getByLabel(/^Hoe zwaar/).selectOption(n.belasting);
    await this.wachtOpOpgeslagen();
  }

  async kiesVoorziening(zoek: string, naam: string) {
    await this.page.getByLabel('Zoeken', { exact: true }).fill(zoek);
    await this.page.getByRole('button', { name: `Kiezen ${naam}` }).click();
    await expect(this.page.getByRole('listitem').filter({ hasText: naam }).first()).toBeVisible();
  }

  /**
   * Step 7: professional help of catalog type `code`, `uren` hours a week, from `start`, by
   * `aanbieder` (each only when given); returns the item's region.
   */
  async voegProfessioneleHulpToe(
    code: string,
    hulp: { readonly uren: string; readonly start?: string; readonly aanbieder?: string },
  ): Promise<Locator> {
    const item = await this.voegInzetToe('Professionele hulp toevoegen', 'Soort hulp', code);
    await item.getByLabel(/^Hoeveel \(uur\/week\)/).fill(hulp.uren);
    if (hulp.start) await item.getByLabel(/^Startdatum/).fill(hulp.start);
    if (hulp.aanbieder) await item.getByLabel(/^Aanbieder/).fill(hulp.aanbieder);
    return item;
  }

  /** Another domain than the routing gives, for one inzet; with the reason when given. */
  async kiesAnderDomein(item: Locator, domein: string, reden?: string) {
    await item.getByLabel('Ander domein kiezen dan de routering').check();
    await item.getByLabel('Gekozen domein').selectOption(domein);
    if (reden !== undefined) await item.getByLabel(/^Waarom een ander domein/).fill(reden);
  }

  /** Steps 6 and 7: a new inzet of a catalog type; returns the item's region. */
  async voegInzetToe(knop: string, typeLabel: string, code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: knop, exact: true }).click();
    const item = this.laatste(this.page.locator('article.inzet'));
    await item.getByLabel(typeLabel, { exact: true }).selectOption(code);
    return item;
  }

  async akkoord(datum: string, wijze: string, door: string) {
    await this.page.getByRole('radio', { name: 'Ja' }).check();
    await this.page.getByLabel('Datum van het akkoord').fill(datum);
    await this.page.getByLabel('Hoe gaf de cliënt akkoord?').selectOption(wijze);
    await this.page.getByLabel('Wie gaf akkoord?').selectOption(door);
    await this.wachtOpOpgeslagen();
  }

  async evaluatiedatum(datum: string) {
    await this.page.getByLabel(/^Evaluatiedatum/).fill(datum);
    await this.page.getByLabel(/^Evaluatiedatum/).blur();
    await this.wachtOpOpgeslagen();
  }

  /** Step 7: the ladder's question why professional help is needed after all, when it asks. */
  async ladderReden(reden: string) {
    const ladder = this.page.getByLabel(/^Waarom is professionele hulp toch nodig/);
    if (await ladder.count()) {
      await ladder.fill(reden);
      await ladder.blur();
      await this.wachtOpOpgeslagen();
    }
  }

  /** Step 8: the client's akkoord (mondeling, by herself) on `datum`, an evaluatiedatum, vastgesteld. */
  async stelVastMetAkkoord(datum: string, evaluatie: string) {
    await this.naarStap(8);
    await this.akkoord(datum, 'mondeling', 'client');
    await this.evaluatiedatum(evaluatie);
    await this.vaststellen();
  }

  async vaststellen() {
    await this.page.getByRole('button', { name: 'Plan vaststellen' }).click();
    await expect(this.stand).toContainText('Vastgesteld');
  }

  async openPrint() {
    await this.page.getByRole('button', { name: 'Printversie voor de cliënt' }).click();
    await expect(this.page.getByRole('heading', { name: 'Uw ondersteuningsplan' })).toBeVisible();
  }

  /** The plans as stored in IndexedDB right now (read in the page, not through the UI). */
  async opgeslagenPlannen(): Promise<OpgeslagenPlan[]> {
    return this.page.evaluate(
      () =>
        new Promise<OpgeslagenPlan[]>((resolve, reject) => {
          const open = indexedDB.open('arrangeur');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('plans')) {
              db.close();
              resolve([]);
              return;
            }
            const req = db.transaction('plans').objectStore('plans').getAll();
            req.onsuccess = () => {
              db.close();
              resolve(req.result as OpgeslagenPlan[]);
            };
            req.onerror = () => reject(req.error);
          };
        }),
    );
  }

  private laatste(l: Locator): Locator {
    return l.last();
  }
}

/** The client most plan specs start with (Ede, so the Wmo goes to the gemeente Ede). */
export const GERRIT = {
  voornaam: 'Gerrit',
  achternaam: 'van Dijk',
  geboortedatum: '1941-03-15',
  postcode: '6711 AB',
  huisnummer: '12',
  gemeente: 'Ede (GM0228)',
} as const;

/**
 * The plan-step setup of the plan, print, betaler and a11y specs: open the caseload, make the
 * client (Gerrit, with CZ unless told otherwise) and continue into her plan at step 1.
 */
export async function planVoorNieuweClient(
  page: Page,
  client: NieuweClient = { ...GERRIT, zorgverzekeraar: 'CZ (UZOVI 7119)' },
): Promise<PlanPage> {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient(client);
  await caseload.opslaanNaarPlan(`${client.voornaam} ${client.achternaam}`);
  return new PlanPage(page);
}
