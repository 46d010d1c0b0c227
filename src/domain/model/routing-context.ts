/**
 * The client facts routing needs (docs/financiering.md §2), independent of how the client record is
 * stored. Age is not stored: it is computed from the geboortedatum on the peildatum of each
 * decision (`leeftijdOp`), so a plan judged next year sees next year's age.
 */
import { z } from 'zod';
import { findGemeente } from '../reference/index.ts';
import type { ClientGegevens } from './client.ts';
import { isoDateSchema } from './dates.ts';
import { wlzIndicatieSchema } from './wlz.ts';

export const WOONSITUATIES = ['thuis', 'instelling'] as const;

export const routingContextSchema = z
  .object({
    geboortedatum: isoDateSchema,
    /** Only used when the Wlz-indicatie is unknown: someone in an instelling most likely has verblijf. */
    woonsituatie: z
      .enum(WOONSITUATIES, { error: "Kies 'thuis' of 'instelling'." })
      .default('thuis'),
    /**
     * `null` = known: no Wlz-indicatie. `'onbekend'` (or left out) = not known: routing answers with
     * `zeker: false` and names the missing fact, never a silent "geen Wlz".
     */
    wlzIndicatie: z
      .union([z.literal('onbekend'), wlzIndicatieSchema])
      .nullable()
      .default('onbekend'),
    /** CBS gemeentecode (GM....) of the BRP address. Left out = unknown. */
    gemeente: z
      .string()
      .refine((c) => findGemeente(c) !== undefined, {
        error: (i) =>
          `Onbekende gemeentecode '${String(i.input)}' (verwacht een CBS-code zoals GM0228).`,
      })
      .nullish(),
    /** UZOVI code. Any 4-digit code is accepted: the shipped list is incomplete (reference/BRONNEN.md). */
    zorgverzekeraar: z
      .string()
      .regex(/^\d{4}$/, 'Een UZOVI-code heeft 4 cijfers.')
      .nullish(),
    /**
     * Children only: intensieve kindzorg — verzorging vanwege complexe somatische problematiek of
     * een lichamelijke handicap, with permanent toezicht or 24 uur zorg in de nabijheid (Besluit
     * zorgverzekering art. 2.10 lid 2 as it read until 2018; Besluit langdurige zorg art. 3.1.5
     * onder b). Zvw, also before 2018 and also with a Wlz-indicatie. Left out = not known. Replaces
     * `verstandelijkeBeperking`, from which this used to be derived (not what the law tests).
     */
    intensieveKindzorg: z.boolean().optional(),
  })
  .brand<'RoutingContext'>();
export type RoutingContextInvoer = z.input<typeof routingContextSchema>;
export type RoutingContext = z.output<typeof routingContextSchema>;

/**
 * Map the stored client to a routing context. The client form records "geen Wlz-indicatie" as
 * `null`, which is a known fact; with a verblijf leveringsvorm the client lives in an instelling.
 */
export function routingContextFromClient(
  client: Pick<ClientGegevens, 'geboortedatum' | 'gemeente' | 'zorgverzekeraar' | 'wlzIndicatie'> &
    Partial<Pick<ClientGegevens, 'intensieveKindzorg'>>,
): RoutingContext {
  return routingContextSchema.parse({
    geboortedatum: client.geboortedatum,
    woonsituatie: client.wlzIndicatie?.leveringsvorm === 'verblijf' ? 'instelling' : 'thuis',
    wlzIndicatie: client.wlzIndicatie,
    gemeente: client.gemeente,
    zorgverzekeraar: client.zorgverzekeraar,
    intensieveKindzorg: client.intensieveKindzorg,
  });
}
