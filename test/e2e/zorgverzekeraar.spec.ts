/**
 * Issue 16, point 4: a zorgverzekeraar the shipped UZOVI list does not know is named once on the
 * client form, chosen, saved with the client, and still named when the form opens again.
 */
import { expect, test } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';

test('an unknown UZOVI code gets a name once and is chosen for the client', async ({ page }) => {
  test.setTimeout(120_000);
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await caseload.maakClient({
    voornaam: 'Truus',
    achternaam: 'Bakker',
    geboortedatum: '1944-06-02',
    postcode: '6711 AB',
    huisnummer: '3',
    gemeente: 'Ede (GM0228)',
  });

  await page.getByText('Staat de zorgverzekeraar er niet bij?').click();
  await page.getByLabel('UZOVI-code').fill('101');
  await page.getByLabel('Naam van de zorgverzekeraar').fill('Univé');
  await page.getByRole('button', { name: 'Zorgverzekeraar toevoegen' }).click();
  await expect(page.getByRole('alert')).toContainText('Een UZOVI-code heeft 4 cijfers');

  await page.getByLabel('UZOVI-code').fill('0101');
  await page.getByRole('button', { name: 'Zorgverzekeraar toevoegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Univé is toegevoegd' })).toBeVisible();
  const keuze = page.getByLabel(/^Zorgverzekeraar/);
  await expect(keuze).toHaveValue('0101');
  await expect(keuze.locator('option:checked')).toHaveText('Univé (UZOVI 0101)');

  await caseload.opslaanNaarPlan('Truus Bakker');
  const plan = new PlanPage(page);
  await plan.openGegevens();
  await expect(page.getByLabel(/^Zorgverzekeraar/).locator('option:checked')).toHaveText(
    'Univé (UZOVI 0101)',
  );
});
