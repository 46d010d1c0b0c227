/**
 * Issue 11, point 10: the client's paper. A typical plan — one item per step, filled in as the
 * arrangeur does at the kitchen table — prints on one A4 (Chromium's own PDF, pages counted);
 * each inzet says how much in words and who provides it; the sociale kaart offer shows its
 * address and phone; no heading twice; no "versie 1 · concept".
 */
import { expect, test } from './fixtures.ts';
import { planVoorNieuweClient } from './pages/plan-page.ts';

function vandaag(dagen = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + dagen);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the print of a typical plan fits one A4 and tells the client how much, who and how to reach them', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const plan = await planVoorNieuweClient(page);

  await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen, met mijn kat.');
  await plan.wachtOpOpgeslagen();
  await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen in het dorp');
  await plan.naarStap(2);
  await plan.voegItemToe(
    'Iets wat de cliënt zelf doet toevoegen',
    /Wat doet de cliënt zelf/,
    'Kookt zelf de warme maaltijd',
  );
  await plan.naarStap(3);
  await plan.voegNaasteToe({
    naam: 'Anja de Boer',
    relatie: 'dochter',
    contact: '06-12345678',
    watDoetHij: 'Doet de boodschappen',
    hoeVaak: 'twee keer per week',
  });
  await plan.voegItemToe(
    'Hulp van een naaste toevoegen',
    /Wat doet deze naaste/,
    'Anja doet de boodschappen op zaterdag',
  );
  await plan.naarStap(4);
  await plan.voegItemToe(
    'Steun voor de mantelzorger toevoegen',
    /Welke steun krijgt de mantelzorger/,
    'Gesprek met de mantelzorgconsulent',
  );
  await plan.naarStap(5);
  await plan.kiesVoorziening('Brinkhof', 'Buurthuis De Brinkhof');
  await plan.naarStap(6);
  const stoel = await plan.voegInzetToe(
    'Hulpmiddel toevoegen',
    'Soort hulpmiddel',
    'UL-DOUCHESTOEL',
  );
  await stoel.getByLabel(/^Hoeveel \(stuk\)/).fill('1');
  await plan.wachtOpOpgeslagen();
  await plan.naarStap(7);
  const hulp = await plan.voegInzetToe(
    'Professionele hulp toevoegen',
    'Soort hulp',
    'HH-SCHOONMAAK',
  );
  await hulp.getByLabel(/^Hoeveel \(uur\/week\)/).fill('5');
  await hulp.getByLabel(/^Startdatum/).fill(vandaag());
  await hulp.getByLabel(/^Aanbieder/).fill('Thuiszorg De Vallei, 0318-000 200');
  await plan.wachtOpOpgeslagen();
  await plan.naarStap(8);
  await plan.akkoord(vandaag(), 'mondeling', 'client');
  await plan.evaluatiedatum(vandaag(180));

  await plan.openPrint();
  const blad = page.locator('.print-blad');
  const schoonmaak = blad.getByTestId('print-inzet').filter({ hasText: 'Hulp bij het huishouden' });
  await expect(schoonmaak).toContainText('5 uur per week');
  await expect(schoonmaak).toContainText('Wie doet het: Thuiszorg De Vallei, 0318-000 200');
  await expect(schoonmaak).toContainText('Wie betaalt: de gemeente Ede (Wmo)');
  await expect(blad.getByTestId('print-inzet').filter({ hasText: 'Douchestoel' })).toContainText(
    '1 stuk',
  );
  await expect(blad).toContainText('Brinkhoflaan 12, 6712 XA Ede');
  await expect(blad).toContainText('0318-000 101');
  await expect(blad).not.toContainText(/versie\s*\d|concept/i);
  await expect(blad).toContainText('Dit is een voorstel');

  const koppen = await blad.getByRole('heading').allTextContents();
  expect(koppen.length).toBeGreaterThan(5);
  expect(new Set(koppen.map((k) => k.trim().toLowerCase())).size).toBe(koppen.length);

  // Chromium's own print: one A4 page.
  const pdf = await page.pdf({ format: 'A4' });
  await testInfo.attach('printversie.pdf', { body: pdf, contentType: 'application/pdf' });
  const paginas = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(paginas).toHaveLength(1);
});
