/**
 * One professional (or informal) inzet in a plan, as routing sees it: a catalog type, its volume and
 * period, and the per-inzet facts of docs/financiering.md §2 that change who pays. A fact left out means
 * "not known": routing then names it in `ontbrekend` instead of guessing silently.
 */
import { z } from 'zod';
import { tekst } from './tekst.ts';
import {
  categorieSchema,
  eenheidSchema,
  findInzetType,
  standaardType,
  type Categorie,
  type InzetType,
} from '../catalog/index.ts';
import { isoDateSchema } from './dates.ts';

export const omvangSchema = z.object({
  aantal: z
    .number({ error: 'Het aantal moet een getal zijn.' })
    .positive('Het aantal moet groter dan 0 zijn.')
    .max(10_000, 'Het aantal is te groot.'),
  eenheid: eenheidSchema,
});

export const periodeSchema = z
  .object({ van: isoDateSchema, tot: isoDateSchema.optional() })
  .refine((p) => !p.tot || p.tot >= p.van, {
    path: ['tot'],
    message: 'De einddatum ligt vóór de begindatum.',
  });

/** The facts of §2 that belong to one inzet (the client-level facts are in the routing context). */
export const inzetFeitenSchema = z.object({
  /** Persoonlijke verzorging: tied to geneeskundige zorg / hoog risico (Zvw) or begeleidend: aansporen bij een regieprobleem (Wmo; Jeugdwet <18). */
  verzorgingsaard: z
    .enum(['geneeskundig', 'begeleidend'], { error: "Kies 'geneeskundig' of 'begeleidend'." })
    .optional(),
  /** Verpleging onder directe aansturing van een medisch specialist (MSVT): stays Zvw (E2). */
  msvt: z.boolean().optional(),
  /** Personenalarmering: all Zvw criteria of a medische indicatie are met (ZIN-ALARM). */
  medischeIndicatie: z.boolean().optional(),
  /** Hulpmiddel: how long the need is expected to last. Zvw uitleen up to 26 weeks, Wmo longer. */
  verwachteDuurWeken: z.number().positive('De duur moet groter dan 0 zijn.').max(5200).optional(),
  /** GRZ: directly after a hospital stay (Bzv art. 2.5c). */
  voorafgaandeZiekenhuisopname: z.boolean().optional(),
  /** Zorgtechnologie: part of wijkverpleging (Zvw prestatie thuiszorgtechnologie) or not (Wmo). */
  deelVanWijkverpleging: z.boolean().optional(),
});
export type InzetFeiten = z.infer<typeof inzetFeitenSchema>;

/**
 * Input: `code` (catalog) or only `categorie` (§1 key; the category's first type is used), or both
 * when they agree. Output: the catalog type resolved, omvang checked against the type's unit.
 */
export const inzetSchema = inzetFeitenSchema
  .extend({
    code: tekst().optional(),
    categorie: categorieSchema.optional(),
    omvang: omvangSchema.optional(),
    periode: periodeSchema.optional(),
  })
  .transform((raw, ctx) => {
    let type: InzetType | undefined;
    if (raw.code !== undefined) {
      type = findInzetType(raw.code);
      if (!type) {
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: `Onbekende inzet-code '${raw.code}'.`,
        });
        return z.NEVER;
      }
      if (raw.categorie !== undefined && raw.categorie !== type.categorie) {
        ctx.addIssue({
          code: 'custom',
          path: ['categorie'],
          message: `Inzet-code '${raw.code}' hoort bij categorie '${type.categorie}', niet bij '${raw.categorie}'.`,
        });
        return z.NEVER;
      }
    } else if (raw.categorie !== undefined) {
      type = standaardType(raw.categorie);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'Geef een inzet-code of een categorie.',
      });
      return z.NEVER;
    }
    if (raw.omvang && raw.omvang.eenheid !== type.eenheid) {
      ctx.addIssue({
        code: 'custom',
        path: ['omvang', 'eenheid'],
        message: `De eenheid van '${type.label}' is ${type.eenheid}, niet ${raw.omvang.eenheid}.`,
      });
      return z.NEVER;
    }
    const { code: _code, categorie: _categorie, ...rest } = raw;
    return { ...rest, type, categorie: type.categorie as Categorie };
  })
  .brand<'Inzet'>();
export type InzetInvoer = z.input<typeof inzetSchema>;
export type Inzet = z.output<typeof inzetSchema>;

/** Whole weeks from van to tot (inclusive of neither end's time of day); undefined when open-ended. */
export function periodeInWeken(periode: {
  van: string;
  tot?: string | undefined;
}): number | undefined {
  if (!periode.tot) return undefined;
  const dag = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / 86_400_000;
  };
  return (dag(periode.tot) - dag(periode.van) + 1) / 7;
}
