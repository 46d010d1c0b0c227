import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

// Two projects: pure/server code runs in Node, screens run in jsdom with fake-indexeddb.
// e2e specs (test/e2e) are NOT vitest tests: they run in real Chromium via test/e2e/run.ts.
export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    globals: false,
    reporters: process.env.CI_JSON ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-output/vitest.json' },
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-output/coverage',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{domain,sync,server,storage,cli}/**/*.test.ts'],
          setupFiles: ['test/setup.node.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.ui.ts'],
        },
      },
    ],
  },
});
