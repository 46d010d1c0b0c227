/**
 * Logging in and out against the server (issue 5, item 2). The password goes to the server once;
 * the PIN never does (see storage/sessie.ts). Errors come back as Dutch sentences for the login
 * screen; the body is never logged.
 */
import type { Gebruiker, LoginStap } from '../protocol/wire.ts';
import { verstuur, type FetchFn } from './http.ts';

/** `vereist`: steps before the session is a normal one (issue 14); empty: logged in. */
export type LoginUitkomst =
  { ok: true; gebruiker: Gebruiker; vereist: readonly LoginStap[] } | { ok: false; fout: string };

export const LOGIN_FOUT = {
  onjuist: 'De gebruikersnaam of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',
  offline:
    'Er is geen verbinding met de server. De eerste keer inloggen kan alleen met internet. Probeer het opnieuw als u verbinding heeft.',
  server: 'Inloggen lukt nu niet door een fout op de server. Probeer het straks opnieuw.',
} as const;

/** After too many wrong tries (429): how long to wait, in whole minutes (at least 1). */
export const teVeelPogingen = (minuten: number): string =>
  `Te veel pogingen. Probeer het over ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'} opnieuw.`;

export async function login(
  fetchFn: FetchFn,
  gebruikersnaam: string,
  wachtwoord: string,
  baseUrl = '',
): Promise<LoginUitkomst> {
  let res: Response;
  try {
    res = await verstuur(fetchFn, `${baseUrl}/api/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ gebruikersnaam: gebruikersnaam.trim(), wachtwoord }),
    });
  } catch {
    return { ok: false, fout: LOGIN_FOUT.offline };
  }
  if (res.status === 401 || res.status === 400) return { ok: false, fout: LOGIN_FOUT.onjuist };
  if (res.status === 429) {
    const seconden = Number(res.headers.get('retry-after'));
    const minuten = Number.isFinite(seconden) && seconden > 0 ? Math.ceil(seconden / 60) : 15;
    return { ok: false, fout: teVeelPogingen(minuten) };
  }
  if ([502, 503, 504].includes(res.status)) return { ok: false, fout: LOGIN_FOUT.offline };
  if (!res.ok) return { ok: false, fout: LOGIN_FOUT.server };
  try {
    // The schema (and zod) loads with the answer, not with the login screen (issue 13.6).
    const [body, { loginResponseSchema }] = await Promise.all([
      res.json(),
      import('./login-schemas.ts'),
    ]);
    const parsed = loginResponseSchema.safeParse(body);
    if (!parsed.success) return { ok: false, fout: LOGIN_FOUT.server };
    return { ok: true, gebruiker: parsed.data.gebruiker, vereist: parsed.data.vereist ?? [] };
  } catch {
    return { ok: false, fout: LOGIN_FOUT.server };
  }
}

/** Ends the server session. Never rejects: offline the cookie simply expires on the server. */
export async function logoutServer(fetchFn: FetchFn, baseUrl = ''): Promise<boolean> {
  try {
    const res = await verstuur(fetchFn, `${baseUrl}/api/auth/logout`, {
      method: 'POST',
      accept: 'geen',
    });
    return res.ok;
  } catch {
    return false;
  }
}
