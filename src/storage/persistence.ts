/**
 * Persistent storage: without it the browser may evict IndexedDB under storage pressure, and with
 * it the unsynced work of a whole day. We ask once (the browser decides; asking again does not
 * change its mind) and remember the outcome to show on "Over deze app".
 */
import type { ArrangeurDB } from './db.ts';
import { getMeta, setMeta } from './meta.ts';

export type PersistenceOutcome = 'granted' | 'denied' | 'unsupported';

export interface StorageStatus {
  /** Bytes used by this origin, or null when the browser does not say. */
  usage: number | null;
  /** Bytes this origin may use, or null when the browser does not say. */
  quota: number | null;
  /** Whether storage is persistent; null when the browser has no such API. */
  persisted: boolean | null;
}

/** The part of `navigator.storage` we use; tests pass a fake. */
export type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

const KEY = 'persistence';

function defaultStorage(): StorageApi | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

/**
 * Asks for persistent storage the first time, then returns the remembered outcome. Safe offline:
 * it talks to the browser only and stores the outcome in the local-only meta table.
 */
export async function requestPersistence(
  db: ArrangeurDB,
  storage: StorageApi | undefined = defaultStorage(),
): Promise<PersistenceOutcome> {
  const onthouden = await getMeta(db, KEY);
  if (onthouden === 'granted' || onthouden === 'denied' || onthouden === 'unsupported') {
    return onthouden;
  }
  let outcome: PersistenceOutcome;
  if (!storage?.persist) {
    outcome = 'unsupported';
  } else {
    try {
      const al = storage.persisted ? await storage.persisted() : false;
      outcome = al || (await storage.persist()) ? 'granted' : 'denied';
    } catch {
      // Some embedded browsers expose persist() and then throw; treat as "not persistent".
      outcome = 'denied';
    }
  }
  await setMeta(db, KEY, outcome);
  return outcome;
}

/** Usage, quota and persistence as the browser reports them now; nulls where it cannot say. */
export async function storageStatus(
  storage: StorageApi | undefined = defaultStorage(),
): Promise<StorageStatus> {
  const status: StorageStatus = { usage: null, quota: null, persisted: null };
  try {
    if (storage?.estimate) {
      const e = await storage.estimate();
      status.usage = e.usage ?? null;
      status.quota = e.quota ?? null;
    }
    if (storage?.persisted) status.persisted = await storage.persisted();
  } catch {
    // Keep whatever we learned; the screen shows "onbekend" for the rest.
  }
  return status;
}
