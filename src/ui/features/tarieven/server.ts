/**
 * The tariffs live on the server only (online-only screen): read them, add a price, remove the
 * latest one. Every answer is parsed with the contract schema; every failure becomes one Dutch
 * message (a feature may not import another feature, so this mirrors coordinator/server.ts).
 */
import type { z } from 'zod';
import { tarievenAntwoordSchema } from '../../../domain/kosten/api.ts';
import type { TariefInvoer } from '../../../domain/kosten/model.ts';
import type { FetchFn } from '../../../sync/client/http.ts';

export type Antwoord<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status?: number; readonly melding: string };

export const MELDINGEN = {
  offline:
    'U bent offline. De tarieven zijn alleen met internet te zien en te wijzigen. Maak verbinding en probeer het opnieuw.',
  onbereikbaar: 'De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  nietIngelogd: 'U bent niet meer ingelogd. Log opnieuw in.',
  geenToegang: 'U mag dit niet doen met uw account.',
  ongeldig: 'De server keurde de invoer af. Controleer de velden.',
  bestaatAl: 'Er is al een tarief vanaf die datum of later.',
  nietLaatste: 'Alleen het laatste tarief van een rij kan weg. De lijst is vernieuwd.',
  nietGevonden: 'Dit tarief bestaat niet meer. De lijst is vernieuwd.',
  serverfout: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  vreemdAntwoord: 'Het antwoord van de server klopt niet. Probeer het later opnieuw.',
} as const;

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

async function serverMelding(res: Response): Promise<string | undefined> {
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
      return body.message;
  } catch {
    // no JSON body: the caller falls back to its own message
  }
  return undefined;
}

async function vraag<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  init: RequestInit,
  schema: S | null,
): Promise<Antwoord<z.output<S> | null>> {
  if (isOffline()) return { ok: false, melding: MELDINGEN.offline };
  let res: Response;
  try {
    res = await fetchFn(url, {
      ...init,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    });
  } catch {
    return { ok: false, melding: isOffline() ? MELDINGEN.offline : MELDINGEN.onbereikbaar };
  }
  const status = res.status;
  if (status === 401) return { ok: false, status, melding: MELDINGEN.nietIngelogd };
  if (status === 403) return { ok: false, status, melding: MELDINGEN.geenToegang };
  if (status === 409)
    return {
      ok: false,
      status,
      melding: init.method === 'DELETE' ? MELDINGEN.nietLaatste : MELDINGEN.bestaatAl,
    };
  // 404 on a row means someone removed it; on the list it is a server fault.
  if (status === 404)
    return {
      ok: false,
      status,
      melding: init.method === 'DELETE' ? MELDINGEN.nietGevonden : MELDINGEN.serverfout,
    };
  // The form already checks the contract's schema: a 400 here means the server knows more (an
  // inzet code it does not know). Its message is for developers, so the user gets a Dutch one.
  if (status === 400) {
    console.warn(`Server weigerde ${url}:`, await serverMelding(res));
    return { ok: false, status, melding: MELDINGEN.ongeldig };
  }
  if (status >= 502 && status <= 504) return { ok: false, status, melding: MELDINGEN.onbereikbaar };
  if (!res.ok) return { ok: false, status, melding: MELDINGEN.serverfout };
  if (!schema) return { ok: true, data: null };
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

export async function haalTarieven(fetchFn: FetchFn) {
  const a = await vraag(fetchFn, '/api/tarieven', { method: 'GET' }, tarievenAntwoordSchema);
  return a.ok ? { ok: true as const, tarieven: a.data!.tarieven } : a;
}

/** A new price from `geldigVan`; the server closes the previous row of the same key. */
export async function nieuwTarief(fetchFn: FetchFn, invoer: TariefInvoer) {
  return vraag(
    fetchFn,
    '/api/beheer/tarieven',
    { method: 'POST', body: JSON.stringify(invoer) },
    null,
  );
}

export async function verwijderTarief(fetchFn: FetchFn, id: string) {
  return vraag(
    fetchFn,
    `/api/beheer/tarieven/${encodeURIComponent(id)}`,
    { method: 'DELETE' },
    null,
  );
}
