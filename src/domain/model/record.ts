import { z } from 'zod';
import { deviceIdSchema, recordIdSchema } from './ids.ts';
import { RECORD_TYPES, type RecordType } from './record-types.ts';

// The list itself lives in record-types.ts (no zod), see there.
export { RECORD_TYPES };
export const recordTypeSchema = z.enum(RECORD_TYPES);
export type { RecordType };

/**
 * One local change as it goes over the wire (docs/architecture.md, Sync). Shared by storage (which
 * queues it) and sync/protocol (which pushes and merges it), so both validate the same shape.
 *
 * - `mutationId` is made on the device: replaying the same mutation must change nothing
 *   (guarantee 2).
 * - `fields` holds only the fields this change touched, each with its new value; `null` means
 *   "cleared". Per-field values are what makes the per-field merge against `baseRev` possible
 *   (guarantee 3).
 * - `baseRev` is the server revision the device last saw; absent for a record never synced.
 */
export const mutationSchema = z.object({
  mutationId: z.uuid(),
  deviceId: deviceIdSchema,
  recordType: recordTypeSchema,
  recordId: recordIdSchema,
  baseRev: z.number().int().nonnegative().optional(),
  /**
   * The client this record belongs to: the unit of access on the server (caseload). The record id
   * itself for a `client`; null for records of no client (a local sociale-kaart entry). The server
   * trusts it only when the record is new; afterwards its own stored value counts.
   */
  clientId: recordIdSchema.nullable().optional(),
  // Keys and values are judged per mutation after the merge (sync/protocol/validate.ts), so one
  // bad field rejects that mutation only, not the whole batch.
  fields: z.record(z.string(), z.unknown()),
  deleted: z.literal(true).optional(),
  createdAt: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;
