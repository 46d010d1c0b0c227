/**
 * The second factor in e2e (issue 14): codes computed with otpauth from a known secret (the demo
 * secrets of src/server/demo-users.ts, or the key a test read off the enrolment screen), as a
 * person's authenticator app would.
 *
 * The server refuses a code of a time step it accepted before (no replay), and accepts one step
 * either side of now. Within this worker the last step used per secret is remembered, so a run
 * that logs in several times within 30 s takes the next step, and waits for a new one only when
 * the window is used up.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { maakTotp, TOTP_PERIODE_S, TOTP_VENSTER } from '../../src/server/db/tweede-factor.ts';
import type { Account } from './accounts.ts';

const laatsteStap = new Map<string, number>();
const slaap = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A code for a step of `geheim` not used yet by this worker (waits for a new step if needed). */
export async function totpCode(geheim: string): Promise<string> {
  const schoon = geheim.replace(/\s+/g, '');
  const totp = maakTotp(schoon);
  for (;;) {
    const nu = Date.now();
    const huidig = totp.counter({ timestamp: nu });
    // Not the earliest step of the window: it may fall out of it before the server checks it.
    const stap = Math.max(huidig, (laatsteStap.get(schoon) ?? -Infinity) + 1);
    if (stap <= huidig + TOTP_VENSTER) {
      laatsteStap.set(schoon, stap);
      return totp.generate({ timestamp: nu + (stap - huidig) * TOTP_PERIODE_S * 1000 });
    }
    await slaap(totp.remaining({ timestamp: nu }) + 200);
  }
}

/** Marks the step of this code used (a code the server refused as used: take the next one). */
export function codeGebruikt(geheim: string): void {
  const schoon = geheim.replace(/\s+/g, '');
  const huidig = maakTotp(schoon).counter({ timestamp: Date.now() });
  laatsteStap.set(schoon, Math.max(laatsteStap.get(schoon) ?? -Infinity, huidig));
}

/** Logs `api` in as `wie` through the API, with her second factor when she has one. */
export async function apiLogin(api: APIRequestContext, wie: Account): Promise<void> {
  const login = await api.post('/api/auth/login', {
    data: { gebruikersnaam: wie.gebruikersnaam, wachtwoord: wie.wachtwoord },
  });
  expect(login.ok(), `login ${wie.gebruikersnaam}: ${login.status()}`).toBe(true);
  const { vereist = [] } = (await login.json()) as { vereist?: string[] };
  if (vereist[0] !== 'tweedeFactor') {
    expect(vereist).toEqual([]);
    return;
  }
  if (!wie.totpGeheim) throw new Error(`${wie.gebruikersnaam}: second factor unknown`);
  for (let poging = 0; poging < 3; poging++) {
    const res = await api.post('/api/auth/start/tweede-factor', {
      data: { code: await totpCode(wie.totpGeheim) },
    });
    if (res.ok()) return;
    expect(res.status(), await res.text()).toBe(400);
    codeGebruikt(wie.totpGeheim);
  }
  throw new Error(`${wie.gebruikersnaam}: second factor refused 3 times`);
}
