/**
 * The record types that travel through the outbox and the sync wire. Grows with each slice
 * (naaste, plan, doel, planItem, …); a type not listed here cannot be queued, so the server never
 * sees a record kind it has no rules for. Free of zod: the device database (storage/db.ts) needs
 * the list at start-up, and the first paint must not wait for zod (issue 13.6).
 */
export const RECORD_TYPES = [
  'client',
  'naaste',
  'plan',
  'doel',
  'planItem',
  'planVersie',
  'voorziening',
  'conflict',
  'review',
  'reviewComment',
  'zorgverzekeraar',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
