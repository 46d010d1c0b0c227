/**
 * The zod schemas of the login answers (issue 13.6): loaded by sessie.ts and start-stappen.ts only
 * once an answer is there to check, so the login screen's first paint carries no zod and no wire
 * schemas (they come with the sync engine after the login).
 */
import { z } from 'zod';
import { loginResponseSchema, loginStapSchema, type LoginStap } from '../protocol/wire.ts';

export { loginResponseSchema };

export interface NaStap {
  readonly vereist: readonly LoginStap[];
  readonly herstelcodes?: readonly string[];
}

const stapAntwoordSchema = z.object({
  vereist: z.array(loginStapSchema).optional(),
  herstelcodes: z.array(z.string()).optional(),
});

export const naStapSchema = stapAntwoordSchema.transform((d): NaStap => ({
  vereist: d.vereist ?? [],
  ...(d.herstelcodes ? { herstelcodes: d.herstelcodes } : {}),
}));

export const inschrijvingSchema = z.object({
  geheim: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export type Inschrijving = z.infer<typeof inschrijvingSchema>;
