/**
 * Issue 16 point 1: "Exporteren (FHIR)" on the plan downloads the plan as a FHIR R4 Bundle, made on
 * the device — here with the network off — and every resource in it is valid R4 (FHIR.js).
 */
import { readFile } from 'node:fs/promises';
import fhirPkg from 'fhir';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';
import { PlanPage } from './pages/plan-page.ts';

test('Exporteren (FHIR) offline: a Bundle with Patient (BSN), CarePlan, Goal and RelatedPerson, valid R4', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await caseload.maakClient({
    voornaam: 'Gerrit',
    achternaam: 'van Dijk',
    geboortedatum: '1941-03-15',
    postcode: '6711 AB',
    huisnummer: '12',
    gemeente: 'Ede (GM0228)',
    zorgverzekeraar: 'CZ (UZOVI 7119)',
  });
  await page.getByLabel(/^BSN/).fill('111222333');
  await caseload.opslaanNaarPlan('Gerrit van Dijk');
  const plan = new PlanPage(page);
  await plan.hulpvraag.fill('Zo lang mogelijk thuis blijven wonen.');
  await plan.wachtOpOpgeslagen();
  await plan.voegDoelToe('Dagelijks leven', 'Zelf weer boodschappen doen');
  await plan.naarStap(3);
  await plan.voegNaasteToe({ naam: 'Anja de Boer', relatie: 'dochter', contact: '06-12345678' });
  await plan.naarStap(7);
  const hulp = await plan.voegInzetToe(
    'Professionele hulp toevoegen',
    'Soort hulp',
    'HH-SCHOONMAAK',
  );
  await hulp.getByLabel(/^Hoeveel \(uur\/week\)/).fill('3');
  await plan.wachtOpOpgeslagen();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporteren (FHIR)' }).click(),
  ]);
  // No name or BSN in the file name: a download list is not private.
  expect(download.suggestedFilename()).toMatch(
    /^ondersteuningsplan-\d{4}-\d{2}-\d{2}\.fhir\.json$/,
  );
  const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    resourceType: string;
    entry: { resource: { resourceType: string } & Record<string, unknown> }[];
  };
  expect(bundle.resourceType).toBe('Bundle');
  const soort = (t: string) => bundle.entry.filter((e) => e.resource.resourceType === t);
  expect(soort('Patient')[0]!.resource['identifier']).toEqual([
    { system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '111222333' },
  ]);
  expect(soort('CarePlan')).toHaveLength(1);
  expect(soort('Goal')).toHaveLength(1);
  expect(soort('RelatedPerson')).toHaveLength(1);
  expect(JSON.stringify(soort('CarePlan')[0])).toContain('HH-SCHOONMAAK');

  const validator = new fhirPkg.Fhir();
  const fouten = bundle.entry.flatMap((e) =>
    (
      validator.validate(e.resource) as {
        messages: { severity: string; location: string; message: string }[];
      }
    ).messages
      .filter((m) => m.severity === 'error')
      .map((m) => `${e.resource.resourceType} ${m.location}: ${m.message}`),
  );
  expect(fouten).toEqual([]);
});
