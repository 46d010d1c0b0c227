/**
 * The beheerder's "Beveiliging" (issue 14): the organisation's second-factor setting, every
 * user's second-factor status, and the reset of a lost device. Online only; every failure becomes
 * one Dutch message (the shared `vraagServer`). The answer's contract is
 * src/server/routes/tweede-factor.ts `beveiligingSchema`.
 */
import { z } from 'zod';
import type { FetchFn } from '../../../sync/client/http.ts';
import { vraagServer, type ServerMeldingen } from '../../lib/api.ts';

export const MELDINGEN = {
  offline:
    'U bent offline. Beveiliging is alleen met internet te zien en te wijzigen. Maak verbinding en probeer het opnieuw.',
  onbereikbaar: 'De server is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  nietIngelogd: 'U bent niet meer ingelogd. Log opnieuw in.',
  geenToegang: 'U mag dit niet doen met uw account.',
  ongeldig: 'De server keurde de invoer af.',
  serverfout: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  vreemdAntwoord: 'Het antwoord van de server klopt niet. Probeer het later opnieuw.',
} as const satisfies ServerMeldingen;

const rolSchema = z.enum(['arrangeur', 'casemanager', 'coordinator', 'beheerder']);
export const beveiligingSchema = z.object({
  tweedeFactorVoorIedereen: z.boolean(),
  gebruikers: z.array(
    z.object({
      id: z.string(),
      gebruikersnaam: z.string(),
      naam: z.string(),
      rol: rolSchema,
      actief: z.boolean(),
      ingesteld: z.boolean(),
      verplicht: z.boolean(),
      herstelcodesOver: z.number(),
    }),
  ),
});
export type Beveiliging = z.infer<typeof beveiligingSchema>;

export const haalBeveiliging = (fetchFn: FetchFn) =>
  vraagServer(fetchFn, '/api/beheer/beveiliging', { method: 'GET' }, beveiligingSchema, MELDINGEN);

export const zetVoorIedereen = (fetchFn: FetchFn, aan: boolean) =>
  vraagServer(
    fetchFn,
    '/api/beheer/beveiliging',
    { method: 'PUT', body: JSON.stringify({ tweedeFactorVoorIedereen: aan }) },
    null,
    MELDINGEN,
  );

export const herstelTweedeFactor = (fetchFn: FetchFn, gebruikerId: string) =>
  vraagServer(
    fetchFn,
    `/api/beheer/gebruikers/${encodeURIComponent(gebruikerId)}/tweede-factor/herstel`,
    { method: 'POST' },
    null,
    MELDINGEN,
  );
