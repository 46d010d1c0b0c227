/**
 * GET /api/casemanagers (issue 6, point 1): whom an arrangeur can send her plan to for review.
 * Shared by the server route and the device (sync/client/casemanagers.ts), so both validate the
 * same shape. Names and user ids only: no client data, no usernames, no roles.
 */
import { z } from 'zod';

export const casemanagerKeuzeSchema = z.object({
  id: z.uuid(),
  naam: z.string().min(1).max(200),
});
export type CasemanagerKeuze = z.infer<typeof casemanagerKeuzeSchema>;

export const casemanagersResponseSchema = z.object({
  casemanagers: z.array(casemanagerKeuzeSchema),
});
export type CasemanagersResponse = z.infer<typeof casemanagersResponseSchema>;
