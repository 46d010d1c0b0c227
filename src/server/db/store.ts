import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The one narrow contract the server uses for SQL, with two adapters: PGlite (embedded, the
 * default: a data directory, no server to install) and PostgreSQL (when DATABASE_URL is set).
 * Keep SQL portable between the two: the same migrations and queries run on both, and tests run on both.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while holding the advisory lock `key` across all processes on this database
   * (PostgreSQL: `pg_advisory_lock` on one pooled connection, released afterwards, also when the
   * process dies). PGlite has one process per data directory, so there it just runs `fn`.
   */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openPglite(dataDir: string | null): Promise<Store> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exclusive: (_key, fn) => fn(),
    close: () => db.close(),
  };
}

/**
 * At most this many distinct SQL texts become named (prepared) statements per connection; others
 * run unnamed. Our SQL texts are constants (values travel as parameters), so this is a bound
 * against a mistake, not a cache that churns.
 */
const VOORBEREID_MAX = 500;

export async function openPostgres(connectionString: string): Promise<Store> {
  // A statement with parameters is prepared once per connection, by name: PostgreSQL parses and
  // plans the push's and pull's large statements once, not at every request (node-postgres sends
  // Parse only on a name's first use on a connection).
  const namen = new Map<string, string>();
  const voorbereid = (sql: string): string | undefined => {
    const bekend = namen.get(sql);
    if (bekend !== undefined || namen.size >= VOORBEREID_MAX) return bekend;
    const naam = `a${namen.size}`;
    namen.set(sql, naam);
    return naam;
  };
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection that the server drops (restart, failover, pg_terminate_backend)
  // emits 'error' on the pool; unhandled, that would end the process. The pool discards it and
  // the next query opens a new connection; /api/ready reports whether the database answers.
  pool.on('error', () => {});
  // Fail at start, not at the first request, when the database is unreachable.
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const name = params === undefined ? undefined : voorbereid(sql);
      return (
        await q.query(name ? { name, text: sql, values: params } : { text: sql, values: params })
      ).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Whether `sql` gives at least one row: an existence check (`SELECT 1 … WHERE …`) or a change
 * that says what it touched (`UPDATE|DELETE … RETURNING …`).
 */
export async function geeftRij(q: Queryable, sql: string, params: unknown[]): Promise<boolean> {
  return (await q.query(sql, params)).length > 0;
}
