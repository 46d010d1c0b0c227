import { z } from 'zod';

/** Every record id is a UUID made on the device (crypto.randomUUID), so records can be made offline. */
export const recordIdSchema = z.uuid().brand<'RecordId'>();
export type RecordId = z.infer<typeof recordIdSchema>;

/** Fixed per app: XORed into a client id to give its plan id (see planIdVoorClient). */
const PLAN_MASKER = '5a3c96e1b7d24f08c6a9e3715b8d2f4e';

/**
 * The id of a client's ondersteuningsplan, derived from the client's id (one plan per client,
 * docs/architecture.md, Data). Two devices that each start the plan offline thereby make the SAME
 * record: the server merges their fields per field (a differing value is kept as a conflict)
 * and both devices' doelen and items hang under the one plan — instead of two plan records for
 * one client, of which each device could show only one.
 *
 * Every hex digit is XORed with a fixed non-zero mask except the version and variant digits, so
 * the result is a valid UUID of the same version, differs from the client id, and no two clients
 * share a plan id (XOR is a bijection). Pure: no hashing library needed.
 */
export function planIdVoorClient(clientId: string): string {
  const hex = clientId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`planIdVoorClient: not a UUID: ${clientId}`);
  let uit = '';
  for (let i = 0; i < 32; i++) {
    const behouden = i === 12 || i === 16; // version digit, variant digit
    uit += behouden ? hex[i] : (parseInt(hex[i]!, 16) ^ parseInt(PLAN_MASKER[i]!, 16)).toString(16);
  }
  return `${uit.slice(0, 8)}-${uit.slice(8, 12)}-${uit.slice(12, 16)}-${uit.slice(16, 20)}-${uit.slice(20)}`;
}

/**
 * A device's id (crypto.randomUUID on the tablet; tests and older apps use short names such as
 * `tablet-1`): printable ASCII letters, digits and `._:-`, at most 100 characters, so it is checked
 * for form and length before the server stores it beside every field it wrote.
 */
export const deviceIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, 'Invalid device id');
