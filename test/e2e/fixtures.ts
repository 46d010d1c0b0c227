import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM } from './env.ts';

/**
 * Every test gets a persistent Chromium profile on disk (a fresh temp dir): a normal
 * `newContext()` keeps IndexedDB in memory, which would prove nothing about surviving reloads.
 */
export const test = base.extend<{ context: BrowserContext; page: Page }>({
  context: async ({ viewport }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'arrangeur-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      locale: 'nl-NL',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export { expect } from '@playwright/test';

/** Waits until the service worker is active and controls this page (TOOLCHAIN.md: not waitForFunction on a Promise). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}
