/**
 * The store of @fastify/rate-limit for the login limits (routes/auth.ts, routes/tweede-factor.ts)
 * in the database (table `login_pogingen`, migration 011) instead of the library's in-memory
 * LocalStore: every server process on one database counts the same failures, so a second process
 * (or a restart) does not give an attacker a fresh set of tries.
 *
 * It follows the library's store contract (`incr`, `read`, `child`; see LocalStore.js in
 * @fastify/rate-limit): a fixed window per key that starts at the first failure and ends
 * `timeWindow` ms later; `ttl` is what is left of it. Keys are stored as their sha256: what
 * someone typed as a username, and her address, never are.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './store.ts';

interface Stand {
  readonly current: number;
  readonly ttl: number;
}
type Terug = (fout: Error | null, stand?: Stand) => void;

/** Rows whose window ended this long ago are removed when a failure is counted. */
const OPRUIMEN_NA_MS = 24 * 60 * 60 * 1000;

const hash = (sleutel: string): string => createHash('sha256').update(sleutel).digest('hex');

/** Counts one failure for `sleutel` at `nu`, in one statement (two processes at once both count). */
export async function telPoging(
  q: Queryable,
  sleutel: string,
  nu: Date,
  vensterMs: number,
): Promise<Stand> {
  const [r] = await q.query<{ aantal: number; begin_op: Date | string }>(
    `INSERT INTO login_pogingen (sleutel, aantal, begin_op) VALUES ($1, 1, $2::timestamptz)
     ON CONFLICT (sleutel) DO UPDATE SET
       aantal = CASE WHEN login_pogingen.begin_op + $3::double precision * interval '1 millisecond'
                          <= $2::timestamptz
                     THEN 1 ELSE login_pogingen.aantal + 1 END,
       begin_op = CASE WHEN login_pogingen.begin_op + $3::double precision * interval '1 millisecond'
                            <= $2::timestamptz
                       THEN $2::timestamptz ELSE login_pogingen.begin_op END
     RETURNING aantal, begin_op`,
    [hash(sleutel), nu.toISOString(), vensterMs],
  );
  await q.query('DELETE FROM login_pogingen WHERE begin_op < $1::timestamptz', [
    new Date(nu.getTime() - vensterMs - OPRUIMEN_NA_MS).toISOString(),
  ]);
  return stand(r, nu, vensterMs);
}

/** The failures counted for `sleutel` in the window that runs at `nu` (0 when none). */
export async function leesPogingen(
  q: Queryable,
  sleutel: string,
  nu: Date,
  vensterMs: number,
): Promise<Stand> {
  const [r] = await q.query<{ aantal: number; begin_op: Date | string }>(
    'SELECT aantal, begin_op FROM login_pogingen WHERE sleutel = $1',
    [hash(sleutel)],
  );
  return stand(r, nu, vensterMs);
}

function stand(
  r: { aantal: number; begin_op: Date | string } | undefined,
  nu: Date,
  vensterMs: number,
): Stand {
  if (!r) return { current: 0, ttl: 0 };
  const over = new Date(r.begin_op).getTime() + vensterMs - nu.getTime();
  return over > 0 ? { current: Number(r.aantal), ttl: over } : { current: 0, ttl: 0 };
}

/**
 * The store class to give @fastify/rate-limit (`store` option): it constructs it itself, so the
 * database and the clock (the server's `app.nu`) come in through this closure.
 */
export function pogingenStore(q: Queryable, nu: () => Date) {
  return class PogingenStore {
    incr(sleutel: string, terug: Terug, timeWindow: number): void {
      telPoging(q, sleutel, nu(), timeWindow).then((s) => terug(null, s), terug);
    }
    read(sleutel: string, terug: Terug, timeWindow: number): void {
      leesPogingen(q, sleutel, nu(), timeWindow).then((s) => terug(null, s), terug);
    }
    child(): PogingenStore {
      return new PogingenStore();
    }
  };
}
