import { z } from 'zod';
import { isoDateSchema } from './dates.ts';

/**
 * Wlz leveringsvorm (iWlz COD578: 4 Verblijf, 5 VPT, 7 MPT, 2 PGB). `null` = indicatie is er, maar
 * de leveringsvorm is nog niet gekozen: routing then still goes to the Wlz (financiering.md P6).
 */
export const LEVERINGSVORMEN = ['verblijf', 'vpt', 'mpt', 'pgb'] as const;
export const leveringsvormSchema = z.enum(LEVERINGSVORMEN);
export type Leveringsvorm = z.infer<typeof leveringsvormSchema>;

export const LEVERINGSVORM_LABEL: Record<Leveringsvorm, string> = {
  verblijf: 'Verblijf in een instelling',
  vpt: 'Volledig pakket thuis (VPT)',
  mpt: 'Modulair pakket thuis (MPT)',
  pgb: 'Persoonsgebonden budget (pgb)',
};

/** Zorgprofielen in common use for the arrangeur's clients (iWlz COD163 sector codes). */
export const ZORGPROFIELEN = [
  'VV-4',
  'VV-5',
  'VV-6',
  'VV-7',
  'VV-8',
  'VV-9b',
  'VG',
  'LG',
  'LVG',
  'ZG',
  'GGZ-W',
] as const;
export const zorgprofielSchema = z.enum(ZORGPROFIELEN, { error: 'Kies een zorgprofiel.' });
export type Zorgprofiel = z.infer<typeof zorgprofielSchema>;

export const wlzIndicatieSchema = z
  .object({
    zorgprofiel: zorgprofielSchema,
    leveringsvorm: leveringsvormSchema.nullable(),
    /** Only meaningful with verblijf: verblijf mét behandeling van dezelfde instelling (E4). */
    behandeling: z.boolean().default(false),
    geldigVan: isoDateSchema,
    /**
     * Open-ended when absent: most Wlz-indicaties have no end date. An empty date input arrives
     * as '' or null; both mean "no end date" and are stored as absent (one shape for "not known").
     */
    geldigTot: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      isoDateSchema.optional(),
    ),
  })
  .refine((w) => !w.geldigTot || w.geldigTot >= w.geldigVan, {
    path: ['geldigTot'],
    message: 'De einddatum ligt vóór de begindatum.',
  });
export type WlzIndicatie = z.infer<typeof wlzIndicatieSchema>;

/** Is the indicatie in force on the peildatum (both ends inclusive)? */
export function wlzGeldigOp(w: Pick<WlzIndicatie, 'geldigVan' | 'geldigTot'>, peildatum: string) {
  return w.geldigVan <= peildatum && (!w.geldigTot || peildatum <= w.geldigTot);
}
