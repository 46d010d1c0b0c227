/**
 * The beheer screens (issue 14) are online-only: users, caseloads, the access log and the import
 * live on the server and are never stored on the device. Every answer is parsed with the shared
 * contract (src/sync/protocol/beheer.ts); every failure becomes one Dutch message.
 */
import type { z } from 'zod';
import {
  clientenAntwoordSchema,
  gebruikersAntwoordSchema,
  importAntwoordSchema,
  startwachtwoordAntwoordSchema,
  toegangslogAntwoordSchema,
  wachtwoordHerstelAntwoordSchema,
} from '../../../domain/beheer/api.ts';
import type { BeheerRol as Rol } from '../../../domain/beheer/api.ts';
import type { FetchFn, Verzoek } from '../../../sync/client/http.ts';
import { vraagServer, type Antwoord, type ServerMeldingen } from '../../lib/api.ts';

export const MELDINGEN = {
  offline:
    'U bent offline. Beheer kan alleen met internet. Maak verbinding en probeer het opnieuw.',
  onbereikbaar: 'De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  nietIngelogd: 'U bent niet meer ingelogd. Log opnieuw in.',
  geenToegang: 'U mag dit niet doen met uw account.',
  ongeldig: 'De server keurde de invoer af. Controleer de velden.',
  serverfout: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  vreemdAntwoord: 'Het antwoord van de server klopt niet. Probeer het later opnieuw.',
} as const satisfies ServerMeldingen;

function vraag<S extends z.ZodType>(
  fetchFn: FetchFn,
  url: string,
  init: Verzoek,
  schema: S | null,
  bij409?: string,
): Promise<Antwoord<z.output<S> | null>> {
  return vraagServer(fetchFn, url, init, schema, MELDINGEN, (res) =>
    Promise.resolve(
      res.status === 409 && bij409
        ? bij409
        : res.status === 404
          ? 'Deze gebruiker bestaat niet meer. Vernieuw de lijst.'
          : undefined,
    ),
  );
}

const pad = (id: string) => `/api/beheer/gebruikers/${encodeURIComponent(id)}`;

export const haalGebruikers = (f: FetchFn) =>
  vraag(f, '/api/beheer/gebruikers', { method: 'GET' }, gebruikersAntwoordSchema);

export const nieuweGebruiker = (
  f: FetchFn,
  body: { naam: string; gebruikersnaam: string; rol: Rol },
) =>
  vraag(
    f,
    '/api/beheer/gebruikers',
    { method: 'POST', body: JSON.stringify(body) },
    startwachtwoordAntwoordSchema,
    'Deze gebruikersnaam bestaat al. Kies een andere.',
  );

export const zetActief = (f: FetchFn, id: string, actief: boolean) =>
  vraag(
    f,
    `${pad(id)}/actief`,
    { method: 'PUT', body: JSON.stringify({ actief }) },
    null,
    'U kunt uw eigen account niet uitzetten. Vraag een andere beheerder.',
  );

export const nieuwStartwachtwoord = (f: FetchFn, id: string) =>
  vraag(
    f,
    `${pad(id)}/wachtwoord`,
    { method: 'POST', body: '{}' },
    wachtwoordHerstelAntwoordSchema,
  );

export const beeindigSessies = (f: FetchFn, id: string) =>
  vraag(f, `${pad(id)}/intrekken`, { method: 'POST' }, null);

export const haalClienten = (f: FetchFn) =>
  vraag(f, '/api/beheer/clienten', { method: 'GET' }, clientenAntwoordSchema);

export const zetCaseload = (
  f: FetchFn,
  gebruikerId: string,
  clientId: string,
  toewijzen: boolean,
) =>
  vraag(
    f,
    '/api/beheer/caseload',
    { method: 'PUT', body: JSON.stringify({ gebruikerId, clientId, toewijzen }) },
    null,
    'Deze gebruiker heeft geen caseload (alleen arrangeurs en casemanagers).',
  );

export const beeindigReviewDeling = (f: FetchFn, casemanagerId: string, clientId: string) =>
  vraag(
    f,
    '/api/beheer/review-deling',
    { method: 'PUT', body: JSON.stringify({ casemanagerId, clientId, delen: false }) },
    null,
  );

export interface LogVraag {
  readonly soort: 'client' | 'gebruiker';
  readonly id: string;
  /** Inclusive dates jjjj-mm-dd. */
  readonly van: string;
  readonly totEnMet: string;
}

/** The query of GET /beheer/toegangslog: ids only (never a name in a URL); `tot` exclusive. */
export function logQuery(v: LogVraag, formaat: 'json' | 'csv'): string {
  const [j, m, d] = v.totEnMet.split('-').map(Number) as [number, number, number];
  const tot = new Date(Date.UTC(j, m - 1, d + 1)).toISOString().slice(0, 10);
  const p = new URLSearchParams({
    [v.soort === 'client' ? 'clientId' : 'gebruikerId']: v.id,
    van: v.van,
    tot,
    formaat,
  });
  return `/api/beheer/toegangslog?${p.toString()}`;
}

export const haalToegangslog = (f: FetchFn, v: LogVraag) =>
  vraag(f, logQuery(v, 'json'), { method: 'GET' }, toegangslogAntwoordSchema);

export const importeer = (
  f: FetchFn,
  body: { bestand: string; gebruikerId: string; voorbeeld: boolean },
) =>
  vraag(
    f,
    '/api/beheer/import',
    { method: 'POST', body: JSON.stringify(body) },
    importAntwoordSchema,
    'In deze caseload kan niet worden geïmporteerd (alleen een actieve arrangeur of casemanager).',
  );
