/**
 * One request to the server for the online-only screens (coordinator, tariffs), which keep
 * nothing in IndexedDB: the answer parsed with its contract schema, and every failure turned into
 * one plain Dutch message, so a screen never crashes on a refused or odd answer. It goes through
 * the app's one fetch (`verstuur`, sync/client/http.ts), as sync and login do.
 */
import type { z } from 'zod';
import { verstuur, type FetchFn, type Verzoek } from '../../sync/client/http.ts';

/** The browser's fetch, for the app's API calls (tests pass a fake server instead). */
export const standaardFetch: FetchFn = (input, init) => fetch(input, init);

export type Antwoord<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status?: number; readonly melding: string };

/** The messages a screen words for itself (what "offline" means there, for instance). */
export interface ServerMeldingen {
  readonly offline: string;
  readonly onbereikbaar: string;
  readonly nietIngelogd: string;
  readonly geenToegang: string;
  readonly ongeldig: string;
  readonly serverfout: string;
  readonly vreemdAntwoord: string;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** The `message` of an error answer, or undefined when there is none. */
export async function serverMelding(res: Response): Promise<string | undefined> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
      return body.message;
  } catch {
    // no JSON body: the caller falls back to its own message
  }
  return undefined;
}

/**
 * @param schema parses a 2xx answer; null when the answer's body does not matter (then data is null).
 * @param eigen the caller's own message for a status it knows more about (a 409, a 404, a 400's
 *   detail); undefined lets the common handling decide.
 */
export async function vraagServer<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  init: Verzoek,
  schema: S | null,
  meldingen: ServerMeldingen,
  eigen?: (res: Response) => Promise<string | undefined>,
): Promise<Antwoord<z.output<S> | null>> {
  if (isOffline()) return { ok: false, melding: meldingen.offline };
  let res: Response;
  try {
    res = await verstuur(fetchFn, url, init);
  } catch {
    return { ok: false, melding: isOffline() ? meldingen.offline : meldingen.onbereikbaar };
  }
  const status = res.status;
  if (status === 401) return { ok: false, status, melding: meldingen.nietIngelogd };
  if (status === 403) return { ok: false, status, melding: meldingen.geenToegang };
  if (!res.ok && eigen) {
    const melding = await eigen(res);
    if (melding !== undefined) return { ok: false, status, melding };
  }
  if (status === 400) return { ok: false, status, melding: meldingen.ongeldig };
  if (status >= 502 && status <= 504) return { ok: false, status, melding: meldingen.onbereikbaar };
  if (!res.ok) return { ok: false, status, melding: meldingen.serverfout };
  if (!schema) return { ok: true, data: null };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, status, melding: meldingen.vreemdAntwoord };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`Antwoord van ${url} past niet bij het contract.`, parsed.error);
    return { ok: false, status, melding: meldingen.vreemdAntwoord };
  }
  return { ok: true, data: parsed.data };
}
