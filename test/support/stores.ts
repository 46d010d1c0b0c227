import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/server/db/migrations.ts';
import { openPglite, openPostgres, type Store } from '../../src/server/db/store.ts';

export const STORE_KINDS = ['pglite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface TestStore {
  readonly store: Store;
  readonly schemaVersion: number;
  cleanup(): Promise<void>;
}

/** A fresh, migrated store per call: in-memory PGlite, or a new database on the test PostgreSQL. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openPglite(null);
    const schemaVersion = await migrate(store);
    return { store, schemaVersion, cleanup: () => store.close() };
  }
  const adminUrl = inject('databaseUrl');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openPostgres(url.toString());
  const schemaVersion = await migrate(store);
  return {
    store,
    schemaVersion,
    async cleanup() {
      await store.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    },
  };
}
