/**
 * The body of every API error answer (4xx/5xx), shared by the server (plugins/zod-contract.ts)
 * and the device: a stable code, a short message, and for a 400 the refused fields — each with
 * the value given (shortened) and what is accepted (domain/model/fouten.ts makes them).
 */
import { z } from 'zod';

export const veldFoutSchema = z.object({
  veld: z.string(),
  waarde: z.string().optional(),
  toegestaan: z.string().optional(),
  melding: z.string(),
});

export const foutAntwoordSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  fouten: z.array(veldFoutSchema).optional(),
});
export type FoutAntwoord = z.infer<typeof foutAntwoordSchema>;
