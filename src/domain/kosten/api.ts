/**
 * The answers of /api/coordinator/* and /api/tarieven that wrap the shapes of model.ts. Shared
 * by the server (response contracts) and the coordinator's screens (parsing), so both check the
 * very same thing.
 */
import { z } from 'zod';
import { tekst } from '../model/tekst.ts';
import {
  EXPORT_FORMATEN,
  EXPORT_SOORTEN,
  domeinSchema,
  kostenRegelSchema,
  maandSchema,
  overrideRegelSchema,
  tariefSchema,
} from './model.ts';
import { aantalMaanden } from './datum.ts';

/** The longest period one question may cover. */
export const MAX_MAANDEN = 36;

const periode = z.object({ van: maandSchema, tot: maandSchema });

function periodeCheck(p: { van: string; tot: string }, ctx: z.RefinementCtx): void {
  if (p.van > p.tot) {
    ctx.addIssue({ code: 'custom', message: 'De beginmaand ligt na de eindmaand.', path: ['tot'] });
  } else if (aantalMaanden(p.van, p.tot) > MAX_MAANDEN) {
    ctx.addIssue({
      code: 'custom',
      message: `Kies een periode van hoogstens ${MAX_MAANDEN} maanden.`,
      path: ['tot'],
    });
  }
}

/** `?van=YYYY-MM&tot=YYYY-MM`: van ≤ tot, at most 36 months. */
export const periodeVraagSchema = periode.superRefine(periodeCheck);

/** `/regels`: the period plus an optional drill-down to one overview cell. */
export const regelsVraagSchema = periode
  .extend({
    maand: maandSchema.optional(),
    domein: domeinSchema.optional(),
    /** A financier code, or 'geen' for lines without financier. */
    financier: tekst().trim().min(1).max(50).optional(),
  })
  .superRefine(periodeCheck);

export const exportVraagSchema = periode
  .extend({ soort: z.enum(EXPORT_SOORTEN), formaat: z.enum(EXPORT_FORMATEN) })
  .superRefine(periodeCheck);
export type ExportSoort = (typeof EXPORT_SOORTEN)[number];
export type ExportFormaat = (typeof EXPORT_FORMATEN)[number];

export const regelsAntwoordSchema = z.object({
  van: maandSchema,
  tot: maandSchema,
  regels: z.array(kostenRegelSchema),
});
export type RegelsAntwoord = z.infer<typeof regelsAntwoordSchema>;

export const overridesAntwoordSchema = z.object({
  van: maandSchema,
  tot: maandSchema,
  overrides: z.array(overrideRegelSchema),
});
export type OverridesAntwoord = z.infer<typeof overridesAntwoordSchema>;

export const tarievenAntwoordSchema = z.object({ tarieven: z.array(tariefSchema) });
