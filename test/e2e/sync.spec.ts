import type { BrowserContext, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, launchDevice, synchroniseer, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { LoginPage, PIN } from './pages/login-page.ts';
import { PlanPage } from './pages/plan-page.ts';

/** The plan record of the only client, read from IndexedDB (not from the screen). */
async function opgeslagenPlan(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('arrangeur');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('plans').objectStore('plans').getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as Record<string, unknown>[])[0]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function aantalClienten(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('arrangeur');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('clients').objectStore('clients').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function openApparaat(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

test('two devices edit one plan offline: different fields merge, the same field is a conflict that both see and one resolves', async ({
  page: a,
  context: contextA,
  viewport,
}, testInfo) => {
  test.setTimeout(120_000);
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  // Device A, online: anja makes the client and the plan; it reaches the server.
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
  await planA.hulpvraag.fill('Thuis blijven wonen.');
  await planA.wachtOpOpgeslagen();
  await synchroniseer(a);

  // Device B: a second tablet, anja logs in there too and gets the client and plan.
  const apparaatB = await launchDevice(viewport);
  try {
    const b = await openApparaat(apparaatB.context);
    const caseloadB = new CaseloadPage(b);
    await caseloadB.open();
    await waitForServiceWorker(b);
    await expect(caseloadB.client('Gerrit van Dijk')).toBeVisible();
    await expect
      .poll(async () => (await opgeslagenPlan(b))?.hulpvraag)
      .toBe('Thuis blijven wonen.');
    const planB = new PlanPage(b);
    await planB.openVanuitCaseload('Gerrit van Dijk');

    // Both offline. A: evaluatiedatum (X) and hulpvraag (Z). B: ladder reason (Y) and hulpvraag (Z).
    await contextA.setOffline(true);
    await apparaatB.context.setOffline(true);
    await expect(a.getByTestId('statusbalk')).toContainText('Offline');
    await expect(b.getByTestId('statusbalk')).toContainText('Offline');

    await planA.hulpvraag.fill('Thuis blijven wonen, met hulp van de buren.');
    await planA.wachtOpOpgeslagen();
    await planA.naarStap(8);
    await planA.evaluatiedatum('2027-05-01');

    await planB.hulpvraag.fill('Thuis blijven wonen, met mijn kat.');
    await planB.wachtOpOpgeslagen();
    await planB.naarStap(7);
    await b
      .getByLabel('Waarom is professionele hulp toch nodig?')
      .fill('De buren zijn op vakantie.');
    await planB.wachtOpOpgeslagen();

    // Online again: A first, then B (the later write wins on the server), then A once more.
    await contextA.setOffline(false);
    await synchroniseer(a);
    await apparaatB.context.setOffline(false);
    await synchroniseer(b);
    await synchroniseer(a);

    // Different fields: both kept, on both devices.
    // "Alles opgeslagen" says the push is done; the pull of the same run may still be applying,
    // so wait for the stored plan (and the automatic push a save now triggers may have run first).
    for (const p of [a, b]) {
      await expect
        .poll(async () => {
          const plan = await opgeslagenPlan(p);
          return [plan?.evaluatiedatum, plan?.ladderToelichting, plan?.hulpvraag];
        })
        .toEqual([
          '2027-05-01',
          'De buren zijn op vakantie.',
          'Thuis blijven wonen, met mijn kat.',
        ]);
      await expect(p.getByTestId('conflicten-link')).toHaveText('1 conflict');
    }

    // The same field: a conflict on the conflicts screen, both values in Dutch.
    await a.getByTestId('conflicten-link').click();
    const conflict = a.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('Ondersteuningsplan van Gerrit van Dijk');
    await expect(conflict).toContainText('Wat is belangrijk voor u?');
    await expect(conflict).toContainText('Thuis blijven wonen, met hulp van de buren.');
    await expect(conflict).toContainText('Thuis blijven wonen, met mijn kat.');
    // The same person on two devices: which device typed which value, and when (issue 11).
    await expect(conflict).toContainText('Op dit apparaat, ingevuld op');
    await expect(conflict).toContainText('Door u op een ander apparaat, ingevuld op');
    await shot(a, '01-conflict');
    await expectNoSeriousViolations(a, 'conflicten-met-conflict');

    // A chooses the overwritten value (her own from device A): a synced change.
    await conflict
      .locator('.conflict-keuze')
      .filter({ hasText: 'met hulp van de buren' })
      .getByRole('button')
      .click();
    await expect(a.getByTestId('geen-conflicten')).toBeVisible();
    await synchroniseer(a);
    await synchroniseer(b);

    for (const p of [a, b]) {
      await expect
        .poll(async () => (await opgeslagenPlan(p))?.hulpvraag)
        .toBe('Thuis blijven wonen, met hulp van de buren.');
      await expect(p.getByTestId('conflicten-link')).toHaveCount(0);
      const plan = await opgeslagenPlan(p);
      expect(plan?.evaluatiedatum).toBe('2027-05-01');
      expect(plan?.ladderToelichting).toBe('De buren zijn op vakantie.');
    }
    await shot(b, '02-b-na-oplossing');
  } finally {
    await apparaatB.close();
  }
});

test('idle lock asks the PIN; 5 wrong tries close the session but keep the data on the device', async ({
  page,
  context,
}) => {
  // The idle timeout is injectable for tests only (no URL parameter): 1.5 s instead of 15 min.
  await context.addInitScript(() => {
    (window as unknown as { __ARRANGEUR_IDLE_MS__: number }).__ARRANGEUR_IDLE_MS__ = 1500;
  });
  const caseload = new CaseloadPage(page);
  const login = new LoginPage(page);
  await caseload.open();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await caseload.maakClient({
    voornaam: 'Aaltje',
    achternaam: 'Bos',
    geboortedatum: '1938-11-02',
    postcode: '6712 CD',
    huisnummer: '4',
    gemeente: 'Ede (GM0228)',
  });
  await caseload.opslaan();
  await expect(caseload.client('Aaltje Bos')).toBeVisible();

  // Idle: the lock screen; the right PIN opens it again (checked on the device, offline).
  await expect(login.slot).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('Aaltje Bos')).toHaveCount(0);
  await login.ontgrendel(PIN);
  await expect(caseload.client('Aaltje Bos')).toBeVisible();

  // Idle again; 5 wrong PINs close the local session.
  await expect(login.slot).toBeVisible({ timeout: 10_000 });
  for (let i = 1; i <= 4; i++) {
    await login.ontgrendel('00000');
    await expect(page.getByRole('alert')).toContainText(`nog ${5 - i} keer proberen`);
  }
  await login.ontgrendel('00000');
  await expect(login.heading).toBeVisible();
  // The client and its unsent change are still in IndexedDB.
  expect(await aantalClienten(page)).toBe(1);

  // Online, log in again: the data is there and the change goes out.
  await context.setOffline(false);
  await login.login();
  await expect(caseload.client('Aaltje Bos')).toBeVisible();
  await expect(page.getByTestId('wachtrij')).toContainText('Alles is op dit apparaat opgeslagen');
});
