import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_STATIC_DIR } from './env.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { openEnLogin } from './pages/login-page.ts';

test('a new version waits for the user: a Dutch banner, no reload by itself', async ({ page }) => {
  await openEnLogin(page);
  await waitForServiceWorker(page);
  // A marker that only survives as long as the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'zelfde pagina'));

  // Publish a "new version": any byte change in sw.js makes the browser install it.
  const swPath = join(E2E_STATIC_DIR, 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    appendFileSync(swPath, `\n// nieuwe versie ${Date.now()}\n`);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });
    const banner = page.getByTestId('update-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('nieuwe versie');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'zelfde pagina',
    );

    // The user chooses: now the page reloads under the new version.
    await page.getByRole('button', { name: 'Nu vernieuwen' }).click();
    await page.waitForFunction(() => !(window as unknown as { marker?: string }).marker);
    await expect(page.getByRole('heading', { name: 'Mijn cliënten' })).toBeVisible();
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
  } finally {
    writeFileSync(swPath, original);
  }
});
