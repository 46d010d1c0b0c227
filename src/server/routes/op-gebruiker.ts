/**
 * What the beheerder's routes on one user (`/api/beheer/gebruikers/:id/…`, in routes/beheer.ts
 * and routes/tweede-factor.ts) share: the `:id` parameter, the answers besides 200 (400 bad input,
 * 401/403 not a beheerder, 404 no such user) and looking her up.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { recordIdSchema } from '../../domain/model/ids.ts';
import { vindGebruiker, type GebruikerDetail } from '../db/accounts.ts';
import type { Queryable } from '../db/store.ts';
import { FOUT } from '../plugins/zod-contract.ts';

export const gebruikerIdParamsSchema = z.object({ id: recordIdSchema }).strict();
export const GEBRUIKER_ONBEKEND = { error: 'not_found', message: 'No such user' };

/** The schema of a route on one user: `antwoord` for 200, the shared refusals, and `extra`. */
export function opGebruikerSchema<A extends z.ZodType, E extends Record<number, z.ZodType>>(
  antwoord: A,
  extra: E,
) {
  return {
    params: gebruikerIdParamsSchema,
    response: { 200: antwoord, 400: FOUT, 401: FOUT, 403: FOUT, 404: FOUT, ...extra },
  };
}

/** The user `id`, or null after answering 404. */
export async function gebruikerOf404(
  q: Queryable,
  id: string,
  reply: FastifyReply,
): Promise<GebruikerDetail | null> {
  const g = await vindGebruiker(q, id);
  if (!g) void reply.code(404).send(GEBRUIKER_ONBEKEND);
  return g;
}
