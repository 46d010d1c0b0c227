import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Queryable, Store } from './store.ts';

// Next to this module: src/server/db/migrations in development, dist-server/server/db/migrations
// in the compiled server (scripts/build.mjs copies the .sql files).
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * One key for every instance of this app on one database: `pg_advisory_lock` with it makes a
 * second server that starts at the same moment wait until the first one has migrated.
 */
export const MIGRATION_LOCK_KEY = 0x4172_7261; // 'Arra'

function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();
}

/** The number of the newest migration file this build carries (what /api/ready expects). */
export function latestMigration(): number {
  const files = migrationFiles();
  return files.length ? Number(files[files.length - 1]!.slice(0, 3)) : 0;
}

/** The newest migration applied to this database (0 when none or no table yet). */
export async function appliedMigration(db: Queryable): Promise<number> {
  const [row] = await db.query<{ v: number | null }>(
    `SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0
            ELSE (SELECT coalesce(max(version), 0) FROM schema_migrations) END AS v`,
  );
  return Number(row?.v ?? 0);
}

/**
 * Runs the numbered SQL files in ./migrations that have not run yet, each in its own transaction,
 * in file-name order. The same files run on PGlite and PostgreSQL. A file is never edited after it
 * landed: a change is a new number.
 *
 * Under one advisory lock (store.exclusive): when two server processes start at once on one
 * PostgreSQL, the second waits, then finds every migration done and runs none.
 * @returns the number of the newest migration applied.
 */
export async function migrate(store: Store): Promise<number> {
  return store.exclusive(MIGRATION_LOCK_KEY, async () => {
    await store.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await store.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
        (r) => r.version,
      ),
    );
    let latest = 0;
    for (const file of migrationFiles()) {
      const version = Number(file.slice(0, 3));
      latest = version;
      if (done.has(version)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
      await store.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          version,
          file,
        ]);
      });
    }
    return latest;
  });
}
