/**
 * The tariffs live on the server only (online-only screen): read them, add a price, remove the
 * latest one. Every answer is parsed with the contract schema; every failure becomes one Dutch
 * message (through the shared `vraagServer`, with this screen's Dutch messages).
 */
import type { z } from 'zod';
import { tarievenAntwoordSchema } from '../../../domain/kosten/api.ts';
import type { TariefInvoer } from '../../../domain/kosten/model.ts';
import type { FetchFn, Verzoek } from '../../../sync/client/http.ts';
import { serverMelding, vraagServer, type Antwoord, type ServerMeldingen } from '../../lib/api.ts';

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
} as const satisfies ServerMeldingen & Record<string, string>;

/** What the tariff routes answer beyond the common cases. */
async function tariefMelding(res: Response, methode: string): Promise<string | undefined> {
  if (res.status === 409) return methode === 'DELETE' ? MELDINGEN.nietLaatste : MELDINGEN.bestaatAl;
  // 404 on a row means someone removed it; on the list it is a server fault.
  if (res.status === 404)
    return methode === 'DELETE' ? MELDINGEN.nietGevonden : MELDINGEN.serverfout;
  // The form already checks the contract's schema: a 400 here means the server knows more (an
  // inzet code it does not know). Its message is for developers, so the user gets a Dutch one.
  if (res.status === 400) console.warn(`Server weigerde ${res.url}:`, await serverMelding(res));
  return undefined;
}

function vraag<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  init: Verzoek,
  schema: S | null,
): Promise<Antwoord<z.output<S> | null>> {
  const methode = init.method ?? 'GET';
  return vraagServer(fetchFn, url, init, schema, MELDINGEN, (res) => tariefMelding(res, methode));
}

export async function haalTarieven(fetchFn: FetchFn) {
  const a = await vraag(fetchFn, '/api/tarieven', { method: 'GET' }, tarievenAntwoordSchema);
  return a.ok ? { ok: true as const, data: a.data!.tarieven } : a;
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
