import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_PORT } from './env.ts';

// Real Chromium from Debian (never a downloaded browser), against the built PWA served by our own
// server on PGlite. Two tablet viewports, as the arrangeur holds the tablet both ways.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-output/e2e',
  timeout: 60_000,
  // What a person waits for on a busy 2-core CI machine (PGlite, Chromium and the runner share it).
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../test-output/e2e-report.json' }]],
  use: { baseURL: E2E_BASE_URL },
  projects: [
    { name: 'tablet-liggend', use: { viewport: { width: 1180, height: 820 } } },
    { name: 'tablet-staand', use: { viewport: { width: 820, height: 1180 } } },
  ],
  webServer: {
    command: 'node --import tsx test/e2e/serve.ts',
    cwd: '../..',
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { E2E_PORT: String(E2E_PORT) },
  },
});
