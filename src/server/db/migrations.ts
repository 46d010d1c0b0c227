import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Runs the numbered SQL files in ./migrations that have not run yet, each in its own transaction,
 * in file-name order. The same files run on PGlite and PostgreSQL. A file is never edited after it
 * landed: a change is a new number.
 * @returns the number of the newest migration applied.
 */
export async function migrate(store: Store): Promise<number> {
  await store.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    (await store.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
      (r) => r.version,
    ),
  );
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{3}_.+\.sql$/.test(f)).sort();
  let latest = 0;
  for (const file of files) {
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
}
