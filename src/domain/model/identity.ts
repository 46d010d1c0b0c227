import { z } from 'zod';

/**
 * BSN: 9 digits passing the elfproef (sum of digit × weight 9..2, last digit × -1, divisible by 11).
 * Source: Logius, "Burgerservicenummer — elfproef". 8-digit BSNs are written with a leading zero.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((acc, d, i) => acc + d * (i === 8 ? -1 : 9 - i), 0);
  return sum % 11 === 0 && value !== '000000000';
}

export const bsnSchema = z
  .string()
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(
    z
      .string()
      // abort: a wrong length is one mistake; do not also report the elfproef on it.
      .regex(/^\d{9}$/, { message: 'Een BSN heeft 9 cijfers.', abort: true })
      .refine(isValidBsn, 'Dit BSN klopt niet (de elfproef faalt). Kijk het nummer na.'),
  )
  .brand<'Bsn'>();
export type Bsn = z.infer<typeof bsnSchema>;

/** Dutch postcode, stored normalised as `1234 AB`. No 0 as first digit; SA, SD and SS are not issued. */
export function normalisePostcode(value: string): string | null {
  const m = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(value);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return null;
  return `${m[1]} ${letters}`;
}

export const postcodeSchema = z
  .string()
  .transform((v, ctx) => {
    const p = normalisePostcode(v);
    if (p === null) {
      ctx.addIssue({ code: 'custom', message: 'Vul een postcode in zoals 6711 AB.' });
      return z.NEVER;
    }
    return p;
  })
  .brand<'Postcode'>();

export const huisnummerSchema = z
  .string()
  .trim()
  .regex(
    /^[1-9]\d{0,4}(\s?[a-zA-Z]{1,2}|\s?-\s?\w{1,4})?$/,
    'Vul een huisnummer in, bijvoorbeeld 12 of 12a.',
  );
