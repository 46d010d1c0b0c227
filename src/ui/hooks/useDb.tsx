/**
 * The database for the screens, and the live queries they read through. Features never call Dexie
 * themselves: they read with these hooks and write with the storage repositories.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../domain/model/client.ts';
import { getClient, searchClients } from '../../storage/repositories/clients.ts';
import { zorgverzekeraarNamen } from '../../storage/repositories/zorgverzekeraars.ts';
import { useDb } from './db-context.tsx';

// The context lives in db-context.tsx so the app shell can use it without loading the repositories.
export { DbProvider, useDb, useUserId } from './db-context.tsx';

/** Living clients matching the name query (all when empty); `undefined` while loading. */
export function useClients(query: string): Client[] | undefined {
  const db = useDb();
  return useLiveQuery(() => searchClients(db, query), [db, query]);
}

/** One living client; `undefined` while loading, `null` when it does not exist (or was deleted). */
export function useClient(id: string | undefined): Client | null | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (id === undefined ? null : ((await getClient(db, id)) ?? null)),
    [db, id],
  );
}

/** UZOVI code → the name given on this device to a zorgverzekeraar the shipped list lacks. */
export function useZorgverzekeraarNamen(): ReadonlyMap<string, string> | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => new Map((await zorgverzekeraarNamen(db)).map((z) => [z.uzovi, z.naam])),
    [db],
  );
}
