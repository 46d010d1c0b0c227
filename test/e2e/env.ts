import { resolve } from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4321);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_STATIC_DIR = resolve('test-output/e2e-static');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
