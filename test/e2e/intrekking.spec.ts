/**
 * Issue 12, point 8, in the browser: when the beheerder takes a client out of the arrangeur's
 * caseload, her next sync removes that client from the tablet (screen and IndexedDB); her other
 * clients stay.
 */
import { request, type Page } from '@playwright/test';
import { BEA } from './accounts.ts';
import { E2E_BASE_URL } from './env.ts';
import { expect, synchroniseer, test } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { apiLogin } from './totp.ts';

/** Client ids and first names as stored in IndexedDB (not from the screen). */
async function opgeslagenClienten(page: Page): Promise<{ id: string; voornaam: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; voornaam: string }[]>((resolve, reject) => {
        const open = indexedDB.open('arrangeur');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('clients').objectStore('clients').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as { id: string; voornaam: string }[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('a client taken out of her caseload disappears from her tablet at the next sync', async ({
  page,
}) => {
  const caseload = new CaseloadPage(page);
  await caseload.open();
  for (const [voornaam, postcode] of [
    ['Gerrit', '6711ab'],
    ['Truus', '6712cd'],
  ] as const) {
    await caseload.maakClient({
      voornaam,
      achternaam: 'van Dijk',
      geboortedatum: '1941-03-15',
      postcode,
      huisnummer: '12',
      gemeente: 'Ede (GM0228)',
    });
    await caseload.opslaan();
    await expect(caseload.client(`${voornaam} van Dijk`)).toBeVisible();
  }
  await synchroniseer(page);

  const gerrit = (await opgeslagenClienten(page)).find((c) => c.voornaam === 'Gerrit');
  if (!gerrit) throw new Error('Gerrit staat niet in IndexedDB');
  const me = await page.request.get('/api/auth/me');
  const { gebruiker } = (await me.json()) as { gebruiker: { id: string } };

  // The beheerder takes Gerrit out of her caseload.
  const api = await request.newContext({ baseURL: E2E_BASE_URL });
  try {
    await apiLogin(api, BEA);
    const res = await api.put('/api/beheer/caseload', {
      data: { gebruikerId: gebruiker.id, clientId: gerrit.id, toewijzen: false },
    });
    expect(res.status()).toBe(200);
  } finally {
    await api.dispose();
  }

  await synchroniseer(page);
  await expect(caseload.client('Gerrit van Dijk')).toHaveCount(0);
  await expect(caseload.client('Truus van Dijk')).toBeVisible();
  expect((await opgeslagenClienten(page)).map((c) => c.voornaam)).toEqual(['Truus']);
});
