/**
 * "Wie betaalt wat" (issue 6, points 2–4): tariffs, priced inzet lines per month, totals per
 * domain and financier, overrides and verevening. These shapes are the contract between the
 * server (which computes them from the plans) and the coordinator's screens.
 *
 * Pseudonymised by construction: no shape here has a field for a name, BSN, address or birth
 * date. A client appears as a stable `pseudoniem`, an age band and a gemeente only.
 *
 * Money is in whole euro cents (integers), so totals are exact sums of their lines.
 */
import { z } from 'zod';
import { tekst } from '../model/tekst.ts';
import { isoDateSchema } from '../model/dates.ts';

/** A calendar month, `YYYY-MM`. */
export const maandSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM.');
export type Maand = z.infer<typeof maandSchema>;

/** Domains that have a financier (and so a tariff). */
export const BETAALDE_DOMEINEN = ['Wlz', 'Zvw', 'Wmo', 'Jeugdwet'] as const;
export const betaaldDomeinSchema = z.enum(BETAALDE_DOMEINEN);
export const DOMEINEN = [...BETAALDE_DOMEINEN, 'geen'] as const;
export const domeinSchema = z.enum(DOMEINEN);
export type KostenDomein = z.infer<typeof domeinSchema>;

export const financierSchema = z.object({
  soort: z.enum(['gemeente', 'zorgverzekeraar', 'zorgkantoor']),
  code: tekst(),
  naam: tekst(),
});
export type KostenFinancier = z.infer<typeof financierSchema>;

/**
 * The unit planned volume is counted in per month, derived from the catalog unit of the inzet
 * ('uur/week' → uur, 'dagdeel/week' → dagdeel, 'abonnement' → maand, …).
 */
export const VOLUME_EENHEDEN = [
  'uur',
  'dagdeel',
  'rit',
  'etmaal',
  'maaltijd',
  'stuk',
  'maand',
] as const;
export const volumeEenheidSchema = z.enum(VOLUME_EENHEDEN);
export type VolumeEenheid = z.infer<typeof volumeEenheidSchema>;

/**
 * One tariff: the price of one volume unit of an inzet type paid by a financier, valid from a
 * date. `financierCode: null` is the default for every financier of that domain; a row for one
 * financier wins over it. Tariffs are never changed in place: a new price is a new row from a
 * later `geldigVan` (the previous row then ends the day before).
 */
export const tariefInvoerSchema = z.object({
  inzetCode: tekst().trim().min(1, 'Kies een soort inzet.'),
  domein: betaaldDomeinSchema,
  financierCode: tekst().trim().min(1).nullable(),
  /** Euro per volume unit (per uur, per dagdeel, per stuk, …), at most two decimals. */
  bedrag: z
    .number({ error: 'Vul een bedrag in.' })
    .nonnegative('Een tarief is niet negatief.')
    .max(100_000, 'Dit bedrag is te hoog.')
    .refine((n) => Math.round(n * 100) === Math.round(n * 100 * 1e6) / 1e6, {
      message: 'Gebruik hoogstens twee decimalen.',
    }),
  geldigVan: isoDateSchema,
});
export type TariefInvoer = z.input<typeof tariefInvoerSchema>;
export const tariefSchema = tariefInvoerSchema.extend({
  id: tekst(),
  volumeEenheid: volumeEenheidSchema,
  /** Last day this price applies (inclusive); absent while it is the current price. */
  geldigTot: isoDateSchema.optional(),
  /** A demo value shipped with the app; the UI labels it "demo". */
  demo: z.boolean(),
  bijgewerktOp: tekst(),
});
export type Tarief = z.infer<typeof tariefSchema>;

/** Age bands shown instead of a birth date. */
export const LEEFTIJDSBANDEN = ['0-17', '18-64', '65-74', '75-84', '85+', 'onbekend'] as const;
export const leeftijdsbandSchema = z.enum(LEEFTIJDSBANDEN);
export type Leeftijdsband = z.infer<typeof leeftijdsbandSchema>;

/** How a client appears to a coordinator. */
export const pseudoClientSchema = z.object({
  /** Stable per client, not reversible without the server's key, e.g. `C-7K2M9QXA`. */
  pseudoniem: tekst(),
  leeftijdsband: leeftijdsbandSchema,
  /** Name of the gemeente (not the address); null when unknown. */
  gemeente: tekst().nullable(),
});
export type PseudoClient = z.infer<typeof pseudoClientSchema>;

/** One priced inzet line for one month: what a coordinator drills down to. */
export const kostenRegelSchema = pseudoClientSchema.extend({
  maand: maandSchema,
  inzetCode: tekst(),
  inzetNaam: tekst(),
  volumeEenheid: volumeEenheidSchema,
  /** Planned volume in this month, rounded to 2 decimals. */
  volume: z.number().nonnegative(),
  /** Who pays as planned: the arrangeur's override when there is one, else routing's. */
  domein: domeinSchema,
  financier: financierSchema.nullable(),
  /** Who pays by the regular rules (the routing snapshot). */
  gerouteerdDomein: domeinSchema,
  gerouteerdeFinancier: financierSchema.nullable(),
  /** The arrangeur's override, the reason cleaned of the client's identifying details. */
  override: z.object({ domein: domeinSchema, reden: tekst() }).nullable(),
  /** Euro per unit as planned; null when no tariff applies (then `kostenCent` is 0). */
  tarief: z.number().nullable(),
  tariefDemo: z.boolean(),
  kostenCent: z.number().int().nonnegative(),
  /** The cost had the regular rules been followed (the routed financier's tariff). */
  gerouteerdKostenCent: z.number().int().nonnegative(),
  /**
   * The arrangeur's app routed this inzet differently from the server (older rules or a changed
   * value); the line uses the server's decision (issue 12).
   */
  routeringAfwijkend: z.boolean().optional(),
});
export type KostenRegel = z.infer<typeof kostenRegelSchema>;

/** One row of the overview: a month, a domain and a financier. */
export const overzichtRijSchema = z.object({
  maand: maandSchema,
  domein: domeinSchema,
  financier: financierSchema.nullable(),
  /** Distinct clients (pseudonyms) with at least one line in this row. */
  clienten: z.number().int().nonnegative(),
  /** Planned volume per unit (units differ per inzet, so they are not added up). */
  volume: z.partialRecord(volumeEenheidSchema, z.number().nonnegative()),
  kostenCent: z.number().int().nonnegative(),
  regels: z.number().int().nonnegative(),
  /** Lines without a tariff (priced at 0). */
  zonderTarief: z.number().int().nonnegative(),
});
export type OverzichtRij = z.infer<typeof overzichtRijSchema>;

export const periodeQuerySchema = z.object({ van: maandSchema, tot: maandSchema });

export const overzichtSchema = z.object({
  van: maandSchema,
  tot: maandSchema,
  rijen: z.array(overzichtRijSchema),
  perMaand: z.array(
    z.object({
      maand: maandSchema,
      clienten: z.number().int().nonnegative(),
      kostenCent: z.number().int().nonnegative(),
    }),
  ),
  /** True when any line was priced with a demo tariff. */
  demoTarieven: z.boolean(),
});
export type Overzicht = z.infer<typeof overzichtSchema>;

export const overrideRegelSchema = pseudoClientSchema.extend({
  inzetCode: tekst(),
  inzetNaam: tekst(),
  gerouteerdDomein: domeinSchema,
  gerouteerdeFinancier: financierSchema.nullable(),
  domein: domeinSchema,
  financier: financierSchema.nullable(),
  grondslag: tekst(),
  reden: tekst(),
  /** First month of the period the override applies to. */
  vanaf: maandSchema,
});
export type OverrideRegel = z.infer<typeof overrideRegelSchema>;

export const vereveningSchema = z.object({
  van: maandSchema,
  tot: maandSchema,
  perFinancier: z.array(
    z.object({
      financier: financierSchema,
      /** Cost this financier carries as planned (overrides included). */
      geplandCent: z.number().int(),
      /** Cost it would carry had every inzet followed the regular rules. */
      gerouteerdCent: z.number().int(),
      /** geplandCent − gerouteerdCent: positive means it pays more than the rules ask. */
      verschilCent: z.number().int(),
    }),
  ),
  /** Net amounts to settle: `betaler` owes `ontvanger` `bedragCent` (> 0), one row per pair. */
  paren: z.array(
    z.object({
      betaler: financierSchema,
      ontvanger: financierSchema,
      bedragCent: z.number().int().positive(),
    }),
  ),
});
export type Verevening = z.infer<typeof vereveningSchema>;

/** What `GET /api/coordinator/export` can export. */
export const EXPORT_SOORTEN = ['overzicht', 'regels', 'overrides', 'verevening'] as const;
export const EXPORT_FORMATEN = ['csv', 'json'] as const;
