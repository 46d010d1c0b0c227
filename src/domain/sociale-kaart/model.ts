import { z } from 'zod';
import { tekst } from '../model/tekst.ts';
import { recordMetaSchema } from '../model/client.ts';

/**
 * Categories of the sociale kaart: algemene voorzieningen and maatschappelijk nuttige activiteiten
 * (Wmo 2015 art. 2.3.2 lid 4 onder e), the rung before professional inzet.
 */
export const VOORZIENING_CATEGORIEEN = [
  'ontmoeting',
  'maaltijden',
  'vervoer',
  'vrijwilligers',
  'mantelzorgondersteuning',
  'bewegen',
  'informatie-en-advies',
  'klussen-en-wonen',
  'dementie',
] as const;
export const voorzieningCategorieSchema = z.enum(VOORZIENING_CATEGORIEEN, {
  error: 'Kies een categorie.',
});
export type VoorzieningCategorie = z.infer<typeof voorzieningCategorieSchema>;

const verplicht = (veld: string, max: number) =>
  tekst().trim().min(1, `Vul ${veld} in.`).max(max, `Dit is te lang (max. ${max} tekens).`);
const optioneel = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    tekst().trim().max(max, `Dit is te lang (max. ${max} tekens).`).optional(),
  );

/** What an arrangeur types to add a local entry to the sociale kaart. */
export const voorzieningInvoerSchema = z.object({
  categorie: voorzieningCategorieSchema,
  naam: verplicht('de naam', 120),
  omschrijving: verplicht('een korte omschrijving', 600),
  wijk: optioneel(120),
  adres: optioneel(200),
  contact: optioneel(200),
  /** Free text in plain Dutch: "gratis", "€ 7,50 per maaltijd", "eigen bijdrage € 2 per keer". */
  kosten: optioneel(200),
});
export type VoorzieningInvoer = z.input<typeof voorzieningInvoerSchema>;
/** The parsed input: trimmed text, empty optional fields absent. */
export type VoorzieningGegevens = z.output<typeof voorzieningInvoerSchema>;

/**
 * A sociale-kaart entry. `herkomst`: `catalogus` = shipped with the app (read-only, same id on
 * every device), `lokaal` = added by an arrangeur on her device (a synced record).
 */
export const voorzieningSchema = voorzieningInvoerSchema
  .extend({
    type: z.literal('voorziening'),
    herkomst: z.enum(['catalogus', 'lokaal']),
  })
  .and(recordMetaSchema);
export type Voorziening = z.output<typeof voorzieningSchema>;

/**
 * The day the shipped catalog (catalogus.ts) was last checked, shown to the arrangeur. Kept here,
 * not in catalogus.ts, so a screen can show it without loading the catalog itself.
 */
export const CATALOGUS_PEILDATUM = '2026-11-23';
