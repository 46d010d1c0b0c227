import { z } from 'zod';
import { tekst } from './tekst.ts';
import { findGemeente } from '../reference/index.ts';
import { isoDateSchema } from './dates.ts';
import { bsnSchema, huisnummerSchema, postcodeSchema } from './identity.ts';
import { recordIdSchema } from './ids.ts';
import { wlzIndicatieSchema } from './wlz.ts';

const naam = (veld: string) =>
  z
    .string()
    .trim()
    .min(1, `Vul de ${veld} in.`)
    .max(100, `De ${veld} is te lang (max. 100 tekens).`);

/**
 * What the arrangeur types in the client form. Optional text fields arrive as '' from inputs;
 * they are stored as absent, never as '' (so "not known" has one shape).
 */
export const clientInvoerSchema = z.object({
  voornaam: naam('voornaam'),
  achternaam: naam('achternaam'),
  geboortedatum: isoDateSchema,
  bsn: z.preprocess((v) => (v === '' || v === null ? undefined : v), bsnSchema.optional()),
  postcode: postcodeSchema,
  huisnummer: huisnummerSchema,
  gemeente: z
    .string({ error: 'Kies een gemeente.' })
    .refine((c) => findGemeente(c) !== undefined, 'Kies een gemeente uit de lijst.'),
  zorgverzekeraar: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    // Any 4-digit UZOVI code: the shipped list is incomplete, and a code it does not know can be
    // given a name (model/zorgverzekeraar.ts); routing names it "Zorgverzekeraar (UZOVI …)" meanwhile.
    z
      .string()
      .regex(/^[0-9]{4}$/, 'Een UZOVI-code heeft 4 cijfers. Kies een zorgverzekeraar uit de lijst.')
      .optional(),
  ),
  wlzIndicatie: wlzIndicatieSchema.nullable(),
  /**
   * Children: intensieve kindzorg (complexe somatische problematiek of een lichamelijke handicap,
   * permanent toezicht of 24 uur zorg nabij). Routing keeps it in the Zvw (routing-context.ts).
   * Absent = not asked; a checkbox that is off arrives as false.
   */
  intensieveKindzorg: z.boolean().optional(),
  huisarts: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    tekst().trim().max(200, 'De naam van de huisarts is te lang.').optional(),
  ),
});
export type ClientInvoer = z.input<typeof clientInvoerSchema>;
export type ClientGegevens = z.output<typeof clientInvoerSchema>;

/** Fields every synced record carries (docs/architecture.md, Data). */
export const recordMetaSchema = z.object({
  id: recordIdSchema,
  rev: z.number().int().nonnegative().optional(),
  updatedAt: tekst(),
  updatedBy: tekst(),
  deleted: z.boolean().default(false),
});

export const clientSchema = clientInvoerSchema
  .extend({ type: z.literal('client') })
  .and(recordMetaSchema);
export type Client = z.output<typeof clientSchema>;

export function volledigeNaam(c: Pick<Client, 'voornaam' | 'achternaam'>): string {
  return `${c.voornaam} ${c.achternaam}`;
}
