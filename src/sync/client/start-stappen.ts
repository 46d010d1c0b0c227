/**
 * The steps after a correct password (issue 14): her own password instead of the start
 * password, enrolment of the second factor, or its code. Each answer says which steps are still
 * open; errors come back as Dutch sentences for the login screen. Nothing here is logged.
 */
import type { z } from 'zod';
import type { FetchFn } from './http.ts';
import type * as LoginSchemas from './login-schemas.ts';
import type { Inschrijving, NaStap } from './login-schemas.ts';
import { LOGIN_FOUT, teVeelPogingen } from './sessie.ts';

export const STAP_FOUT = {
  zwakWachtwoord:
    'Dit wachtwoord is niet sterk genoeg. Kies er een van minstens 12 tekens, zonder uw gebruikersnaam, en geen bekend wachtwoord.',
  zelfdeWachtwoord: 'Kies een ander wachtwoord dan het startwachtwoord.',
  onjuisteCode: 'Deze code klopt niet. Typ de code die nu in de app staat.',
  gebruikteCode: 'Deze code is al gebruikt. Wacht op de volgende code in de app en typ die.',
  onjuisteHerstelcode: 'Deze herstelcode klopt niet of is al gebruikt.',
  verlopen: 'Het inloggen duurde te lang of is afgebroken. Log opnieuw in.',
} as const;

export type { Inschrijving, NaStap } from './login-schemas.ts';

/** The answer's schema, loaded with zod once there is an answer (not on the login's first paint). */
type Schema<T> = (s: typeof LoginSchemas) => z.ZodType<T>;

export type StapUitkomst<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly fout: string; readonly opnieuwInloggen: boolean };

async function post<T>(
  fetchFn: FetchFn,
  pad: string,
  body: unknown,
  schema: Schema<T>,
  fout400: (error: string | undefined) => string,
): Promise<StapUitkomst<T>> {
  let res: Response;
  try {
    res = await fetchFn(`/api/auth/start/${pad}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, fout: LOGIN_FOUT.offline, opnieuwInloggen: false };
  }
  if (res.status === 401) return { ok: false, fout: STAP_FOUT.verlopen, opnieuwInloggen: true };
  if (res.status === 429) {
    const seconden = Number(res.headers.get('retry-after'));
    const minuten = Number.isFinite(seconden) && seconden > 0 ? Math.ceil(seconden / 60) : 15;
    return { ok: false, fout: teVeelPogingen(minuten), opnieuwInloggen: false };
  }
  if (res.status === 400) {
    let error: string | undefined;
    try {
      error = ((await res.json()) as { error?: string }).error;
    } catch {
      // no JSON: the generic message
    }
    return { ok: false, fout: fout400(error), opnieuwInloggen: false };
  }
  if (!res.ok) return { ok: false, fout: LOGIN_FOUT.server, opnieuwInloggen: false };
  try {
    const [body, schemas] = await Promise.all([res.json(), import('./login-schemas.ts')]);
    const parsed = schema(schemas).safeParse(body);
    if (parsed.success) return { ok: true, data: parsed.data };
  } catch {
    // fall through
  }
  return { ok: false, fout: LOGIN_FOUT.server, opnieuwInloggen: false };
}

const naStap: Schema<NaStap> = (s) => s.naStapSchema;
const inschrijving: Schema<Inschrijving> = (s) => s.inschrijvingSchema;

export const kiesWachtwoord = (fetchFn: FetchFn, nieuw: string) =>
  post(fetchFn, 'wachtwoord', { nieuw }, naStap, (e) =>
    e === 'same_password' ? STAP_FOUT.zelfdeWachtwoord : STAP_FOUT.zwakWachtwoord,
  );

export const beginInschrijving = (fetchFn: FetchFn) =>
  post(fetchFn, 'tweede-factor/begin', undefined, inschrijving, () => LOGIN_FOUT.server);

const codeFout = (e: string | undefined) =>
  e === 'code_used' ? STAP_FOUT.gebruikteCode : STAP_FOUT.onjuisteCode;

export const bevestigInschrijving = (fetchFn: FetchFn, code: string) =>
  post(fetchFn, 'tweede-factor/bevestig', { code }, naStap, codeFout);

export const geefCode = (fetchFn: FetchFn, code: string) =>
  post(fetchFn, 'tweede-factor', { code }, naStap, codeFout);

export const geefHerstelcode = (fetchFn: FetchFn, herstelcode: string) =>
  post(fetchFn, 'tweede-factor', { herstelcode }, naStap, () => STAP_FOUT.onjuisteHerstelcode);

export type { Gebruiker, LoginStap } from '../protocol/wire.ts';
