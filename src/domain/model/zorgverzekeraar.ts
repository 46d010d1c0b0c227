/**
 * A zorgverzekeraar the shipped UZOVI list does not know (issue 16, point 4): any 4-digit UZOVI
 * code is accepted on a client, and an arrangeur can give an unknown code a name once. That name
 * is a synced record without a client (like a local sociale-kaart entry), so every device of the
 * organisation and the server know it. Its id is derived from the code: two devices naming the
 * same code offline write the same record, and the server merges them (the later name wins, the
 * other is kept as a conflict) — one name per code, never two.
 */
import { z } from 'zod';
import { tekst } from './tekst.ts';
import { recordMetaSchema } from './client.ts';

export const uzoviSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{4}$/, 'Een UZOVI-code heeft 4 cijfers, bijvoorbeeld 3311.');

export const zorgverzekeraarNaamInvoerSchema = z.object({
  uzovi: uzoviSchema,
  naam: tekst()
    .trim()
    .min(1, 'Vul de naam van de zorgverzekeraar in.')
    .max(120, 'Deze naam is te lang.'),
});
export type ZorgverzekeraarNaamInvoer = z.input<typeof zorgverzekeraarNaamInvoerSchema>;

export const zorgverzekeraarNaamSchema = zorgverzekeraarNaamInvoerSchema
  .extend({ type: z.literal('zorgverzekeraar') })
  .and(recordMetaSchema)
  .refine((r) => r.id === zorgverzekeraarId(r.uzovi), {
    path: ['id'],
    message: 'The id of a zorgverzekeraar name is derived from its UZOVI code.',
  });
export type ZorgverzekeraarNaam = z.output<typeof zorgverzekeraarNaamSchema>;

/** The record id of a code's name: a fixed UUID whose last 4 digits are the code. */
export function zorgverzekeraarId(uzovi: string): string {
  return `7a3e5c1d-2b4f-4c6a-9e8d-00000000${uzovi}`;
}
