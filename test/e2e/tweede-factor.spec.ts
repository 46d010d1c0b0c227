/**
 * Issue 14, points 2 and 4, in Debian Chromium: a nurse made by the beheerder logs in with her
 * start password, chooses her own, sets up the second factor (reading the key off the screen and
 * computing the code as her authenticator app would), keeps her recovery codes, chooses her PIN
 * last, and sees the client assigned to her; the demo coordinator logs in with password and code. axe on every step.
 */
import { randomUUID } from 'node:crypto';
import { request } from '@playwright/test';
import { clientInvoer } from '../fixtures/clients.ts';
import { BEA, COR, testAccount, type Account } from './accounts.ts';
import { expectNoViolations } from './axe.ts';
import { E2E_BASE_URL } from './env.ts';
import { expect, test } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { LoginPage, PIN } from './pages/login-page.ts';
import { apiLogin, totpCode } from './totp.ts';

test('a new nurse: start password, own password, second factor, recovery codes, PIN, her clients', async ({
  page,
  beheerApi,
}) => {
  // The client the beheerder will assign to her, made on the server by another arrangeur.
  const clientId = randomUUID();
  // A device id of this run: a device is bound to the first user who pushed from it (issue 12).
  const apparaat = `e2e-tweede-factor-${randomUUID().slice(0, 8)}`;
  const collega = await request.newContext({ baseURL: E2E_BASE_URL });
  try {
    await apiLogin(collega, testAccount());
    const push = await collega.post('/api/sync/push', {
      data: {
        deviceId: apparaat,
        mutations: [
          {
            mutationId: randomUUID(),
            deviceId: apparaat,
            recordType: 'client',
            recordId: clientId,
            fields: { ...clientInvoer({ voornaam: 'Grietje', achternaam: 'Bos' }), bsn: null },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    });
    expect(push.status(), await push.text()).toBe(200);
    const { results } = (await push.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(['applied']);
  } finally {
    await collega.dispose();
  }

  // The beheerder makes her account with a start password and assigns the client, and switches
  // the second factor on for every role (so this arrangeur must set it up).
  const nieuw: Account = {
    gebruikersnaam: `noor-${randomUUID().slice(0, 8)}`,
    wachtwoord: 'start-wachtwoord-lente-2026',
    naam: 'Noor Bakker',
  };
  const maak = await beheerApi.post('/api/beheer/gebruikers', {
    data: { ...nieuw, rol: 'arrangeur' },
  });
  expect(maak.status(), await maak.text()).toBe(201);
  const { id } = (await maak.json()) as { id: string };
  const toewijzen = await beheerApi.put('/api/beheer/caseload', {
    data: { gebruikerId: id, clientId, toewijzen: true },
  });
  expect(toewijzen.status(), await toewijzen.text()).toBe(200);
  const aan = await beheerApi.put('/api/beheer/beveiliging', {
    data: { tweedeFactorVoorIedereen: true },
  });
  expect(aan.status()).toBe(200);

  try {
    await page.goto('/');
    const login = new LoginPage(page);
    // 0. The login form asks only her username and start password (the PIN comes last).
    await expect(login.heading).toBeVisible();
    await expect(page.getByLabel('Kies een pincode van 5 cijfers')).toHaveCount(0);
    await login.wachtwoord(nieuw);

    // 1. Her own password: the policy refuses a weak one, in Dutch.
    await expect(page.getByRole('heading', { name: 'Kies uw eigen wachtwoord' })).toBeVisible();
    await expect(login.pinKop).toHaveCount(0);
    await expectNoViolations(page, 'eigen-wachtwoord');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom2026!!');
    await page.getByLabel('Typ het nieuwe wachtwoord nog een keer').fill('welkom2026!!');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByText('Dit wachtwoord is niet sterk genoeg.')).toBeVisible();
    await expectNoViolations(page, 'eigen-wachtwoord-fout');
    const eigen = 'zomer-kano-boterham-vlieger';
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(eigen);
    await page.getByLabel('Typ het nieuwe wachtwoord nog een keer').fill(eigen);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    // 2. The second factor: QR code and the key as text; the code computed from that key.
    await expect(page.getByRole('heading', { name: 'Stel de tweede stap in' })).toBeVisible();
    await expect(login.pinKop).toHaveCount(0);
    await expect(
      page.getByRole('img', { name: 'QR-code om te scannen met uw authenticator-app' }),
    ).toBeVisible();
    const sleutel = (await page.getByTestId('tf-sleutel').innerText()).replace(/\s+/g, '');
    expect(sleutel).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoViolations(page, 'tweede-stap-instellen');
    await page.getByLabel('Code uit uw authenticator-app').fill('000000');
    await page.getByRole('button', { name: 'Code controleren' }).click();
    // (000000 could be the right code once in a million: then the next screen simply shows.)
    await expect(
      page
        .getByText('Deze code klopt niet.')
        .or(page.getByRole('heading', { name: 'Bewaar uw herstelcodes' })),
    ).toBeVisible();
    if (await page.getByText('Deze code klopt niet.').isVisible()) {
      await page.getByLabel('Code uit uw authenticator-app').fill(await totpCode(sleutel));
      await page.getByRole('button', { name: 'Code controleren' }).click();
    }

    // 3. Recovery codes, shown once; she must tick that she kept them.
    await expect(page.getByRole('heading', { name: 'Bewaar uw herstelcodes' })).toBeVisible();
    const codes = page.getByTestId('herstelcodes').getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await expectNoViolations(page, 'herstelcodes');
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect(
      page.getByText('Vink eerst aan dat u de herstelcodes heeft bewaard.'),
    ).toBeVisible();
    await page.getByLabel('Ik heb de herstelcodes bewaard').check();
    await page.getByRole('button', { name: 'Verder' }).click();

    // 4. Last, her PIN for this device (the offline unlock); not in the app before it.
    await expect(login.pinKop).toBeVisible();
    await expect(page.getByTestId('gebruiker')).toHaveCount(0);
    await expectNoViolations(page, 'pincode-kiezen');
    await page.getByLabel('Kies een pincode van 5 cijfers').fill(PIN);
    await page.getByLabel('Typ de pincode nog een keer').fill('13579');
    await page.getByRole('button', { name: 'Pincode opslaan' }).click();
    await expect(page.getByText('De twee pincodes zijn niet gelijk.')).toBeVisible();
    await expectNoViolations(page, 'pincode-verschilt');
    await login.kiesPin(PIN);

    // 5. In the app with her PIN kept on the device: she sees the client assigned to her.
    await expect(page.getByTestId('gebruiker')).toContainText(nieuw.naam);
    const caseload = new CaseloadPage(page);
    await expect(caseload.client('Grietje Bos')).toBeVisible();

    // The start password no longer works; her own does, now with a code.
    const api = await request.newContext({ baseURL: E2E_BASE_URL });
    try {
      const oud = await api.post('/api/auth/login', {
        data: { gebruikersnaam: nieuw.gebruikersnaam, wachtwoord: nieuw.wachtwoord },
      });
      expect(oud.status()).toBe(401);
      await apiLogin(api, { ...nieuw, wachtwoord: eigen, totpGeheim: sleutel });
      expect((await api.get('/api/auth/me')).status()).toBe(200);
    } finally {
      await api.dispose();
    }
  } finally {
    await beheerApi.put('/api/beheer/beveiliging', { data: { tweedeFactorVoorIedereen: false } });
  }
});

test('the demo coordinator logs in with password and a code from her app', async ({ page }) => {
  await page.goto('/');
  const login = new LoginPage(page);
  await login.wachtwoord(COR);
  await expect(page.getByRole('heading', { name: 'Tweede stap' })).toBeVisible();
  await expect(login.pinKop).toHaveCount(0);
  await expectNoViolations(page, 'tweede-stap-code');
  // Without a code: a Dutch message at the field.
  await page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(page.getByText('Vul de code van 6 cijfers in.')).toBeVisible();
  // The recovery-code form is one tap away.
  await page.getByRole('button', { name: 'Ik heb mijn telefoon niet bij me' }).click();
  await expect(page.getByLabel('Herstelcode')).toBeVisible();
  await expectNoViolations(page, 'tweede-stap-herstelcode');
  await page.getByRole('button', { name: 'Toch een code uit de app gebruiken' }).click();
  await login.tweedeStap(COR.totpGeheim!);
  // An existing user: password, code, then the PIN this device does not have yet.
  await login.kiesPin(PIN);
  await expect(page.getByTestId('gebruiker')).toContainText(COR.naam);
});

test('the beheerder sees every user with her second factor on "Beveiliging"', async ({ page }) => {
  await page.goto('/');
  await new LoginPage(page).login(BEA);
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('button', { name: 'Beveiliging' })
    .click();
  await expect(page.getByRole('heading', { name: 'Beveiliging', level: 1 })).toBeVisible();
  const cor = page.getByRole('row').filter({ hasText: 'Cor Jansen' });
  await expect(cor).toContainText('Ingesteld');
  await expect(page.getByRole('button', { name: 'Nieuw apparaat voor Cor Jansen' })).toBeVisible();
  await expect(
    page.getByLabel('Tweede stap ook verplicht voor arrangeurs en casemanagers'),
  ).not.toBeChecked();
  await expectNoViolations(page, 'beveiliging');
});
