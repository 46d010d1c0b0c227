/**
 * The database context on its own, without the repositories: the app shell (entry chunk) needs
 * the provider and `useDb()`, while the repositories (and zod with the domain schemas behind them)
 * load with the screens that read through them. Features import these via `useDb.tsx`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ArrangeurDB } from '../../storage/db.ts';

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
