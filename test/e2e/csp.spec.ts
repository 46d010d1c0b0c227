import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { CaseloadPage } from './pages/caseload-page.ts';

// Issue 12, point 7: the built PWA works under the server's Content-Security-Policy — the page,
// the service worker and the forms — and the browser reports no violation.
test('the app runs under its Content-Security-Policy without a single violation', async ({
  page,
}) => {
  const schendingen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) schendingen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `Refused to load: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`,
      ),
    );
  });
  const caseload = new CaseloadPage(page);
  const antwoord = await page.goto('/');
  expect(antwoord?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await caseload.open();
  await waitForServiceWorker(page);
  await caseload.maakClient({
    voornaam: 'Gerrit',
    achternaam: 'van Dijk',
    geboortedatum: '1941-03-15',
    postcode: '6711ab',
    huisnummer: '12',
    gemeente: 'Ede (GM0228)',
  });
  await caseload.opslaan();
  await expect(caseload.client('Gerrit van Dijk')).toBeVisible();
  await caseload.client('Gerrit van Dijk').click();
  await page.getByRole('button', { name: 'Over deze app' }).click();
  await expect(page.getByTestId('service-worker')).toHaveText('actief');
  expect(schendingen).toEqual([]);
});
