import { z } from 'zod';

/** Dutch month names, January first: for dates written out in full (and recognised in free text). */
export const MAANDNAMEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). Branded once it passed the gate. */
export const isoDateSchema = z
  .string()
  // abort: text that is no date at all gets one message, not also "bestaat niet".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Vul een datum in als jjjj-mm-dd.', abort: true })
  .refine(isRealDate, 'Deze datum bestaat niet.')
  .brand<'IsoDate'>();
export type IsoDate = z.infer<typeof isoDateSchema>;

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole years between birth date and peildatum (both ISO dates). Pure: the caller passes the date. */
export function leeftijdOp(geboortedatum: string, peildatum: string): number {
  const [gy, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [py, pm, pd] = peildatum.split('-').map(Number) as [number, number, number];
  let jaren = py - gy;
  if (pm < gm || (pm === gm && pd < gd)) jaren -= 1;
  return jaren;
}
