/**
 * The database for the screens, and the live queries they read through. Features never call Dexie
 * themselves: they read with these hooks and write with the storage repositories.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Client } from '../../domain/model/client.ts';
import {
  clientsMetIds,
  eersteClients,
  getClient,
  searchClients,
  zoekwoorden,
  type ClientLijst,
} from '../../storage/repositories/clients.ts';
import { zorgverzekeraarNamen } from '../../storage/repositories/zorgverzekeraars.ts';
import { useDb } from './db-context.tsx';

// The context lives in db-context.tsx so the app shell can use it without loading the repositories.
export { DbProvider, useDb, useUserId } from './db-context.tsx';

/**
 * The caseload list, at most `max` rows, and the length of the whole list; `undefined` while
 * loading. With a query: the clients matching it. With `ids` (a filter such as "evaluatie
 * nodig"): only those clients. Neither: the first `max` of all, read from the list-order index,
 * so a change on a device with thousands of clients does not read them all again.
 */
export function useClientLijst(
  query: string,
  ids: readonly string[] | null,
  max: number,
): ClientLijst | undefined {
  const db = useDb();
  const idsSleutel = ids === null ? null : ids.join(',');
  return useLiveQuery(async () => {
    const zoekt = zoekwoorden(query).length > 0;
    if (!zoekt && ids === null) return eersteClients(db, max);
    let alle = zoekt ? await searchClients(db, query) : await clientsMetIds(db, ids ?? []);
    if (zoekt && ids !== null) {
      const binnen = new Set(ids);
      alle = alle.filter((c) => binnen.has(c.id));
    }
    return { clients: alle.slice(0, max), totaal: alle.length };
    // `ids` is in the deps as its text: a new array with the same ids reads nothing again.
  }, [db, query, idsSleutel, max]);
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
