import { resolve } from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4321);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
/** Overridable so two e2e runs (different E2E_PORT) on one machine do not share a static dir. */
export const E2E_STATIC_DIR = resolve(process.env.E2E_STATIC_DIR ?? 'test-output/e2e-static');
/** The build to serve (default dist/). */
export const E2E_DIST = resolve(process.env.E2E_DIST ?? 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
