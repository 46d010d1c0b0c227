import type { BrowserContext, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, launchDevice, maakAccount, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';
import { ReviewPage, screenshot, synchroniseer } from './pages/review-page.ts';

async function openApparaat(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** The review comments stored in IndexedDB on this device (read in the page, not the screen). */
async function opgeslagenOpmerkingen(page: Page): Promise<{ tekst: string; rev?: number }[]> {
  return page.evaluate(
    () =>
      new Promise<{ tekst: string; rev?: number }[]>((resolve, reject) => {
        const open = indexedDB.open('arrangeur');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('reviewComments').objectStore('reviewComments').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as { tekst: string; rev?: number }[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('a casemanager reviews a plan offline on her tablet; the arrangeur sees the comments on hers', async ({
  page: a,
  viewport,
}, testInfo) => {
  test.setTimeout(180_000);
  const carla = await maakAccount('casemanager', 'Carla de Wit', 'carla');

  // Device A, online: the arrangeur makes the client and the plan and sends it ter review.
  const caseloadA = new CaseloadPage(a);
  await caseloadA.open();
  await waitForServiceWorker(a);
  await caseloadA.maakClient({
    voornaam: 'Gerrit',
    achternaam: 'van Dijk',
    geboortedatum: '1941-03-15',
    postcode: '6711 AB',
    huisnummer: '12',
    gemeente: 'Ede (GM0228)',
  });
  await caseloadA.opslaan();
  const planA = new PlanPage(a);
  await planA.openVanuitCaseload('Gerrit van Dijk');
  await planA.hulpvraag.fill('Thuis blijven wonen met mijn vrouw.');
  await planA.wachtOpOpgeslagen();
  await planA.voegDoelToe('Dagelijks leven', 'Zelf boodschappen doen');
  const reviewA = new ReviewPage(a);
  await reviewA.stuurTerReview(carla.id, 'Is dit genoeg steun voor zijn vrouw?');
  await expect(reviewA.banner).toContainText('Ter review bij Carla de Wit sinds');
  await expect(planA.stand).toContainText('Ter beoordeling');
  await synchroniseer(a);

  // Device B: Carla logs in on her own tablet and gets the plan shared for review.
  const apparaatB = await launchDevice(viewport);
  try {
    const b = await openApparaat(apparaatB.context);
    await new CaseloadPage(b).open(carla);
    await waitForServiceWorker(b);
    await synchroniseer(b);
    const teReviewen = b.getByTestId('te-reviewen').filter({ hasText: 'Gerrit van Dijk' });
    await expect(teReviewen).toBeVisible();
    await screenshot(b, testInfo, '00-casemanager-te-reviewen');
    await expectNoSeriousViolations(b, 'caseload-te-reviewen');
    await b.getByRole('button', { name: 'Review openen: Gerrit van Dijk' }).click();
    const reviewB = new ReviewPage(b);
    await expect(reviewB.heading('Gerrit van Dijk')).toBeVisible();
    await expect(b.getByText('Is dit genoeg steun voor zijn vrouw?')).toBeVisible();
    // Read-only: the plan's own fields are text, not inputs.
    await expect(b.getByText('Thuis blijven wonen met mijn vrouw.')).toBeVisible();
    await expect(b.getByLabel('Wat is belangrijk voor u?')).toHaveCount(0);

    // Offline: two comments and "Aanpassen nodig", all kept on the device.
    await apparaatB.context.setOffline(true);
    await expect(b.getByTestId('statusbalk')).toContainText('Offline');
    await reviewB.opmerking('Hulpvraag en doelen', 'Vraag ook wat zijn vrouw zelf wil.');
    await reviewB.opmerking(
      'doel Dagelijks leven: Zelf boodschappen doen',
      'Wie gaat er mee naar de winkel?',
    );
    await screenshot(b, testInfo, '01-casemanager-opmerkingen');
    await reviewB.besluit('Aanpassen nodig', 'Kijk nog naar de mantelzorg.');
    await expect(b.getByTestId('review-besluit')).toContainText('aanpassen nodig');
    await expect(b.getByRole('button', { name: 'Akkoord', exact: true })).toBeDisabled();
    expect((await opgeslagenOpmerkingen(b)).map((c) => c.tekst).sort()).toEqual([
      'Vraag ook wat zijn vrouw zelf wil.',
      'Wie gaat er mee naar de winkel?',
    ]);
    await screenshot(b, testInfo, '02-casemanager-besluit');
    await expectNoSeriousViolations(b, 'review');

    // Online again: Carla's tablet sends the comments and the besluit.
    await apparaatB.context.setOffline(false);
    await synchroniseer(b);
    await expect
      .poll(async () => (await opgeslagenOpmerkingen(b)).every((c) => typeof c.rev === 'number'))
      .toBe(true);

    // Device A syncs: the caseload shows the open comments, the plan shows them per step.
    await planA.stapKnop(1).click();
    await synchroniseer(a);
    await expect(reviewA.banner).toContainText('Carla de Wit vraagt om aanpassingen');
    await expect(reviewA.banner).toContainText('Kijk nog naar de mantelzorg.');
    await expect(planA.stapKnop(1)).toContainText('2 open opmerkingen');
    await expect(reviewA.stapOpmerkingen).toHaveCount(2);
    await expect(
      reviewA.stapOpmerkingen.filter({ hasText: 'Wie gaat er mee naar de winkel?' }),
    ).toContainText('Bij: Zelf boodschappen doen');
    await expect(reviewA.stapOpmerkingen.first()).toContainText('Carla de Wit');
    await screenshot(a, testInfo, '03-arrangeur-plan-met-opmerkingen');
    await expectNoSeriousViolations(a, 'plan-met-review-opmerkingen');

    await a.getByRole('button', { name: 'Terug naar de cliënten' }).first().click();
    const rij = caseloadA.client('Gerrit van Dijk');
    await expect(rij).toContainText('2 open opmerkingen');
    await expect(rij).toContainText('Aanpassen gevraagd');
    await screenshot(a, testInfo, '04-arrangeur-caseload');
    await expectNoSeriousViolations(a, 'caseload-met-review');

    // She deals with one comment: the count goes down, on the caseload as well.
    await planA.openVanuitCaseload('Gerrit van Dijk');
    // A click, not check(): the box follows the stored record (live query), a moment later.
    const verwerkt = a.getByRole('checkbox', {
      name: /Verwerkt: Vraag ook wat zijn vrouw zelf wil/,
    });
    await verwerkt.click();
    await expect(verwerkt).toBeChecked();
    await expect(planA.stapKnop(1)).toContainText('1 open opmerking');
    await a.getByRole('button', { name: 'Terug naar concept' }).click();
    await expect(planA.stand).toContainText('Concept');
    await expect(planA.hulpvraag).toBeEditable();
    await a.getByRole('button', { name: 'Terug naar de cliënten' }).first().click();
    await expect(rij).toContainText('1 open opmerking');
    await expect(rij).toContainText('Aanpassen gevraagd');
  } finally {
    await apparaatB.close();
  }
});
