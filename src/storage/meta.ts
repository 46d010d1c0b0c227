/** Device-local settings in the `meta` table (never synced). */
import type { ArrangeurDB } from './db.ts';

export async function getMeta(db: ArrangeurDB, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

/** Safe offline: a local-only key/value write that never syncs. */
export async function setMeta(db: ArrangeurDB, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

const DEVICE_ID = 'deviceId';

/**
 * Device ids already read from storage, per open database: every write queues a mutation, and one
 * read less per write matters for autosave. Only a stored (committed) id is remembered, never a
 * freshly minted one whose transaction might still abort.
 */
const bekendeIds = new WeakMap<ArrangeurDB, string>();

/**
 * The id of this device, made once and kept for good. Mutations carry it so the server can tell
 * devices of the same user apart. Safe offline: it is made on the device.
 *
 * Call inside the transaction that uses it (with `meta` in its scope), so two first writes racing
 * cannot mint two different ids.
 */
export async function deviceId(db: ArrangeurDB): Promise<string> {
  const bekend = bekendeIds.get(db);
  if (bekend) return bekend;
  const bestaand = await getMeta(db, DEVICE_ID);
  if (typeof bestaand === 'string' && bestaand !== '') {
    bekendeIds.set(db, bestaand);
    return bestaand;
  }
  const nieuw = crypto.randomUUID();
  await setMeta(db, DEVICE_ID, nieuw);
  return nieuw;
}

/**
 * The device id for a sync request, outside any transaction: from memory once known (no request
 * to the database at all), else read or minted in a transaction of its own.
 */
export async function deviceIdVoorSync(db: ArrangeurDB): Promise<string> {
  return bekendeIds.get(db) ?? db.transaction('rw', db.meta, () => deviceId(db));
}

/**
 * Forgets this device's id, so the next write mints a new one. Call when another user takes over
 * a shared tablet: the server binds a device id to the user who first pushed with it (issue 12).
 * Run inside a transaction that has `meta` in its scope.
 */
export async function vergeetDeviceId(db: ArrangeurDB): Promise<void> {
  bekendeIds.delete(db);
  await db.meta.delete(DEVICE_ID);
}
