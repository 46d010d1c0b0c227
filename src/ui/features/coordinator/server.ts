/**
 * The coordinator's screens read from the server only (they are online-only and keep nothing in
 * IndexedDB): one GET helper that parses every answer with its contract schema and turns every
 * failure into one plain Dutch message, so a screen never crashes on a refused or odd answer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { FetchFn } from '../../../sync/client/http.ts';

export type Antwoord<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status?: number; readonly melding: string };

export const MELDINGEN = {
  offline:
    'U bent offline. Dit overzicht werkt alleen met internet. Maak verbinding en probeer het opnieuw.',
  onbereikbaar: 'De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  nietIngelogd: 'U bent niet meer ingelogd. Log opnieuw in om dit overzicht te zien.',
  geenToegang: 'U heeft geen toegang tot deze gegevens.',
  ongeldig: 'De server kon deze vraag niet verwerken. Controleer de periode.',
  serverfout: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  vreemdAntwoord: 'Het antwoord van de server klopt niet. Probeer het later opnieuw.',
} as const;

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Reads `{ message }` from an error answer; the server writes it in Dutch for the user. */
async function serverMelding(res: Response): Promise<string | undefined> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
      // "querystring.tot: Kies een periode van hoogstens 36 maanden." → the Dutch part only.
      return body.message
        .split('; ')
        .map((deel) => deel.replace(/^[\w.]+: /, ''))
        .join(' ');
  } catch {
    // no JSON body: the caller falls back to its own message
  }
  return undefined;
}

export async function haalOp<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  schema: S,
): Promise<Antwoord<z.output<S>>> {
  if (isOffline()) return { ok: false, melding: MELDINGEN.offline };
  let res: Response;
  try {
    res = await fetchFn(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
  } catch {
    return { ok: false, melding: isOffline() ? MELDINGEN.offline : MELDINGEN.onbereikbaar };
  }
  const status = res.status;
  if (status === 401) return { ok: false, status, melding: MELDINGEN.nietIngelogd };
  if (status === 403) return { ok: false, status, melding: MELDINGEN.geenToegang };
  if (status === 400)
    return { ok: false, status, melding: (await serverMelding(res)) ?? MELDINGEN.ongeldig };
  if (status >= 502 && status <= 504) return { ok: false, status, melding: MELDINGEN.onbereikbaar };
  if (!res.ok) return { ok: false, status, melding: MELDINGEN.serverfout };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, status, melding: MELDINGEN.vreemdAntwoord };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`Antwoord van ${url} past niet bij het contract.`, parsed.error);
    return { ok: false, status, melding: MELDINGEN.vreemdAntwoord };
  }
  return { ok: true, data: parsed.data };
}

export type Laadstatus<T> =
  | { readonly soort: 'laden' }
  | { readonly soort: 'fout'; readonly melding: string }
  | { readonly soort: 'klaar'; readonly data: T };

/**
 * Loads `url` (or nothing while it is null) and reloads when it changes or the device comes back
 * online. An answer for an older url is dropped, so a quick change of period never shows stale
 * totals under the new heading.
 */
export function useServerData<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string | null,
  schema: S,
): { status: Laadstatus<z.output<S>>; opnieuw: () => void } {
  const [poging, setPoging] = useState(0);
  const [status, setStatus] = useState<{ url: string | null; stand: Laadstatus<z.output<S>> }>({
    url: null,
    stand: { soort: 'laden' },
  });
  const opnieuw = useCallback(() => setPoging((p) => p + 1), []);

  useEffect(() => {
    if (url === null) return;
    let actueel = true;
    void haalOp(fetchFn, url, schema).then((a) => {
      if (!actueel) return;
      setStatus({
        url,
        stand: a.ok ? { soort: 'klaar', data: a.data } : { soort: 'fout', melding: a.melding },
      });
    });
    return () => {
      actueel = false;
    };
  }, [fetchFn, url, schema, poging]);

  useEffect(() => {
    window.addEventListener('online', opnieuw);
    return () => window.removeEventListener('online', opnieuw);
  }, [opnieuw]);

  // Until the answer for this url is in, it is loading (also right after a change of url).
  return { status: status.url === url ? status.stand : { soort: 'laden' }, opnieuw };
}
