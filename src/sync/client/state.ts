/**
 * The sync state kept on the device (a `meta` key, never synced): the pull cursor, when the last
 * full sync ended, and the last fault, so the status survives a reload.
 */
import { z } from 'zod';
import type { ArrangeurDB } from '../../storage/db.ts';
import { getMeta, setMeta } from '../../storage/meta.ts';

export const SYNC_STATE_KEY = 'syncState';

const syncStateSchema = z.object({
  cursor: z.number().int().nonnegative().catch(0),
  lastSyncedAt: z.string().nullable().catch(null),
  lastError: z
    .object({
      code: z.enum(['niet-ingelogd', 'server-onbereikbaar', 'serverfout', 'geweigerd']),
      tekst: z.string(),
    })
    .nullable()
    .catch(null),
});
export type SyncState = z.infer<typeof syncStateSchema>;

const LEEG: SyncState = { cursor: 0, lastSyncedAt: null, lastError: null };

/** The stored state, repaired to defaults where it is missing or malformed (docs/style.md 12). */
export async function leesSyncState(db: ArrangeurDB): Promise<SyncState> {
  const result = syncStateSchema.safeParse((await getMeta(db, SYNC_STATE_KEY)) ?? LEEG);
  return result.success ? result.data : LEEG;
}

/**
 * Changes part of the sync state. Runs in the caller's transaction when there is one (the pull
 * advances the cursor in the same transaction as the page it applied).
 *
 * Safe offline: a local-only meta write.
 */
export async function zetSyncState(db: ArrangeurDB, wijziging: Partial<SyncState>): Promise<void> {
  await setMeta(db, SYNC_STATE_KEY, { ...(await leesSyncState(db)), ...wijziging });
}
