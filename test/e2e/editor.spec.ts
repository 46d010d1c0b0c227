/**
 * Issue 11, points 1 and 2, in Debian Chromium at both tablet viewports: what the nurse types is
 * never moved to another field, and an open editor never silently overwrites a synced value.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchDevice, synchroniseer, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { GERRIT, PlanPage } from './pages/plan-page.ts';

/** Every record of one IndexedDB table (read in the page, not through the UI). */
async function tabel(page: Page, naam: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    (tabelNaam) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open('arrangeur');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(tabelNaam).objectStore(tabelNaam).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as Record<string, unknown>[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    naam,
  );
}

async function clientMetPlan(page: Page): Promise<PlanPage> {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await waitForServiceWorker(page);
  await caseload.maakClient(GERRIT);
  await caseload.opslaan();
  const plan = new PlanPage(page);
  await plan.openVanuitCaseload('Gerrit van Dijk');
  return plan;
}

test('typing in Aanbieder while the reason is empty: the text stays in Aanbieder and is saved there', async ({
  page,
}) => {
  const plan = await clientMetPlan(page);
  await plan.naarStap(7);
  const hulp = await plan.voegInzetToe(
    'Professionele hulp toevoegen',
    'Soort hulp',
    'HH-SCHOONMAAK',
  );
  await plan.wachtOpOpgeslagen();
  await hulp.getByLabel('Ander domein kiezen dan de routering').check();
  const reden = hulp.getByLabel('Waarom een ander domein?');
  await expect(reden).toHaveValue('');

  const aanbieder = hulp.getByLabel(/^Aanbieder/);
  await aanbieder.click();
  await aanbieder.pressSequentially('Thuiszorg De Vallei', { delay: 30 });
  // She pauses longer than the debounce: the save runs while the reason is still empty.
  await page.waitForTimeout(600);
  await expect(aanbieder).toBeFocused();
  await aanbieder.pressSequentially(', team Ede-Zuid', { delay: 30 });
  await page.waitForTimeout(600);
  await expect(aanbieder).toBeFocused();
  await expect(aanbieder).toHaveValue('Thuiszorg De Vallei, team Ede-Zuid');
  await expect(reden).toHaveValue('');
  await expect(plan.opslag).toContainText('Nog niet opgeslagen');
  await expect(hulp.getByText(/Nog niet opgeslagen\./)).toBeVisible();

  await expect
    .poll(async () => (await tabel(page, 'planItems')).map((i) => [i['aanbieder'], i['override']]))
    .toEqual([['Thuiszorg De Vallei, team Ede-Zuid', undefined]]);

  // With a reason the choice is saved too.
  await reden.fill('Kort na ziekenhuisopname');
  await plan.wachtOpOpgeslagen();
  await expect
    .poll(async () => (await tabel(page, 'planItems'))[0]?.['override'])
    .toMatchObject({ reden: 'Kort na ziekenhuisopname' });
});

async function openApparaat(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

test('an open editor follows the synced record; typing over a synced value is a conflict, never a silent overwrite', async ({
  page: a,
  viewport,
}) => {
  test.setTimeout(120_000);
  const planA = await clientMetPlan(a);
  await planA.hulpvraag.fill('Thuis blijven wonen.');
  await planA.wachtOpOpgeslagen();
  await synchroniseer(a);

  const apparaatB = await launchDevice(viewport);
  try {
    const b = await openApparaat(apparaatB.context);
    const caseloadB = new CaseloadPage(b);
    await caseloadB.open();
    await waitForServiceWorker(b);
    await expect(caseloadB.client('Gerrit van Dijk')).toBeVisible();
    const planB = new PlanPage(b);
    await planB.openVanuitCaseload('Gerrit van Dijk');
    await expect(planB.hulpvraag).toHaveValue('Thuis blijven wonen.');

    // A changes the hulpvraag; B keeps the editor open and is not in that field.
    await planA.hulpvraag.fill('Thuis blijven wonen, met mijn kat.');
    await planA.wachtOpOpgeslagen();
    await synchroniseer(a);
    await synchroniseer(b);
    await expect(planB.hulpvraag).toHaveValue('Thuis blijven wonen, met mijn kat.');

    // B is typing in the field when A's next value arrives: her text stays in the field.
    await planB.hulpvraag.click();
    await b.keyboard.press('End');
    await b.keyboard.type(' En de buren.', { delay: 20 });
    await planA.hulpvraag.fill('Thuis blijven wonen, met hulp van de thuiszorg.');
    await planA.wachtOpOpgeslagen();
    await synchroniseer(a);
    await synchroniseer(b);
    await expect(planB.hulpvraag).toHaveValue('Thuis blijven wonen, met mijn kat. En de buren.');
    await synchroniseer(a);

    // Neither value is lost: B's is in the plan, A's is kept as a conflict on both devices.
    for (const p of [a, b]) {
      await expect(p.getByTestId('conflicten-link')).toHaveText('1 conflict');
    }
    await expect(planA.hulpvraag).toHaveValue('Thuis blijven wonen, met mijn kat. En de buren.');
    await b.getByTestId('conflicten-link').click();
    const conflict = b.getByTestId('conflict');
    await expect(conflict).toContainText('Thuis blijven wonen, met hulp van de thuiszorg.');
    await expect(conflict).toContainText('Thuis blijven wonen, met mijn kat. En de buren.');
  } finally {
    await apparaatB.close();
  }
});
