/**
 * The database for the screens, and the live queries they read through. Features never call Dexie
 * themselves: they read with these hooks and write with the storage repositories.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, type ReactNode } from 'react';
import type { Client } from '../../domain/model/client.ts';
import type { ArrangeurDB } from '../../storage/db.ts';
import { getClient, searchClients } from '../../storage/repositories/clients.ts';

interface DbContextValue {
  db: ArrangeurDB;
  userId: string;
}

const DbContext = createContext<DbContextValue | null>(null);

/**
 * `userId` goes into `updatedBy` of every change. Until accounts exist (a later issue) it is a
 * local placeholder; the server will overrule it with the authenticated user.
 */
export function DbProvider(props: { db: ArrangeurDB; userId?: string; children: ReactNode }) {
  const { db, userId = 'lokaal', children } = props;
  return <DbContext.Provider value={{ db, userId }}>{children}</DbContext.Provider>;
}

function useDbContext(): DbContextValue {
  const value = useContext(DbContext);
  if (!value) throw new Error('useDb() needs a <DbProvider> above it (see src/main.tsx).');
  return value;
}

export function useDb(): ArrangeurDB {
  return useDbContext().db;
}

/** Who is making changes on this device (for `updatedBy`). */
export function useUserId(): string {
  return useDbContext().userId;
}

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
