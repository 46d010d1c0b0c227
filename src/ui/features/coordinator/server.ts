/**
 * The coordinator's screens read from the server only (they are online-only and keep nothing in
 * IndexedDB): a GET through the shared `vraagServer` with this screen's Dutch messages, and a hook
 * that reloads when the period changes or the device comes back online.
 */
import { useCallback } from 'react';
import type { z } from 'zod';
import type { FetchFn } from '../../../sync/client/http.ts';
import { serverMelding, vraagServer, type Antwoord, type ServerMeldingen } from '../../lib/api.ts';
import {
  useServerData as useGedeeldeServerData,
  type Laadstatus,
} from '../../lib/useServerData.ts';

export type { Antwoord };

export const MELDINGEN = {
  offline:
    'U bent offline. Dit overzicht werkt alleen met internet. Maak verbinding en probeer het opnieuw.',
  onbereikbaar: 'De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  nietIngelogd: 'U bent niet meer ingelogd. Log opnieuw in om dit overzicht te zien.',
  geenToegang: 'U heeft geen toegang tot deze gegevens.',
  ongeldig: 'De server kon deze vraag niet verwerken. Controleer de periode.',
  serverfout: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  vreemdAntwoord: 'Het antwoord van de server klopt niet. Probeer het later opnieuw.',
} as const satisfies ServerMeldingen & Record<string, string>;

/** A 400 carries the server's Dutch reason: "querystring.tot: Kies …" → the Dutch part only. */
async function periodeMelding(res: Response): Promise<string | undefined> {
  if (res.status !== 400) return undefined;
  const melding = await serverMelding(res);
  return melding
    ?.split('; ')
    .map((deel) => deel.replace(/^[\w.]+: /, ''))
    .join(' ');
}

export async function haalOp<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  schema: S,
): Promise<Antwoord<z.output<S>>> {
  const a = await vraagServer(fetchFn, url, { method: 'GET' }, schema, MELDINGEN, periodeMelding);
  return a as Antwoord<z.output<S>>;
}

export type { Laadstatus };

/**
 * The shared server-data hook (ui/lib/useServerData.ts) for a GET of `url` (or nothing while it is
 * null), checked with `schema` and with this screen's Dutch messages.
 */
export function useServerData<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string | null,
  schema: S,
): { status: Laadstatus<z.output<S>>; opnieuw: () => void } {
  const laad = useCallback((u: string) => haalOp(fetchFn, u, schema), [fetchFn, schema]);
  return useGedeeldeServerData(url, laad);
}
