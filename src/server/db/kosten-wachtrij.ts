/**
 * The cost queue (issue 13, point 2; migration 010): pricing a client (kosten-regels.ts
 * `werkKostenBij`, tens of milliseconds per client) does not run inside every push. The push
 * records the changed clients in `kosten_wachtrij` in its own transaction (the chunk's write
 * statement, db/push-deel.ts; `zetInKostenWachtrij` for a statement of its own),
 * and the queue is drained — those clients priced anew and removed, in one transaction —
 * - before every coordinator read (routes/coordinator.ts), so its answer still equals a full
 *   pricing of what was committed before the read;
 * - in the background once pushes pause, or at the latest a second after a push
 *   (`KostenWachtrij.kort`), so a read rarely waits and pricing does not compete with the pushes
 *   of a busy moment (the morning sync) for the server's cores.
 *
 * Drains are serialized: in one process by a promise chain, across processes by one advisory
 * lock held for the drain's transaction. A reader that finds the queue non-empty (rows another
 * process is draining stay visible until it commits) takes that lock, so it waits until the other
 * drain committed its lines, and then prices whatever is still queued.
 *
 * A push still in flight keeps its clients' rows locked until it commits (the insert updates an
 * existing row rather than doing nothing), and a drain skips locked rows: it never takes away the
 * row of a push whose records it cannot see yet. With DO NOTHING, a drain could delete the row a
 * running push relied on, price the client without that push's records, and leave nothing queued
 * once the push committed (test/server/kosten-wachtrij.test.ts). A skipped row is drained after
 * the push commits (the push schedules a drain; every coordinator read drains first).
 */
import { werkKostenBij } from './kosten-regels.ts';
import type { Queryable, Store } from './store.ts';

/** Adds `clientIds` to the queue inside the caller's (push) transaction. */
export async function zetInKostenWachtrij(
  tx: Queryable,
  clientIds: readonly string[],
): Promise<void> {
  const ids = wachtrijIds(clientIds);
  if (ids.length === 0) return;
  await tx.query(wachtrijSql('$1'), [ids]);
}

/** The parameter of `wachtrijSql`: the ids once each, lower case, in order (one lock order). */
export const wachtrijIds = (clientIds: readonly string[]): string[] =>
  [...new Set(clientIds.map((id) => id.toLowerCase()))].sort();

/**
 * The queue insert, as a fragment for a statement of its own or a push chunk's write (db/push-deel.ts).
 * It updates an existing row rather than doing nothing, so the row stays locked (file header).
 */
export const wachtrijSql = (param: string): string =>
  `INSERT INTO kosten_wachtrij (client_id)
     SELECT id FROM unnest(${param}::uuid[]) AS id ORDER BY id
     ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id`;

/**
 * Prices every queued client anew and empties the queue, in one transaction.
 * @returns the number of clients priced.
 */
export async function werkKostenWachtrijBij(store: Store): Promise<number> {
  const leeg = await store.query<{ er: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM kosten_wachtrij) AS er',
  );
  if (!leeg[0]?.er) return 0;
  return store.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('kosten-wachtrij', 0))`);
    const rijen = await tx.query<{ client_id: string }>(
      `DELETE FROM kosten_wachtrij
       WHERE client_id IN (SELECT client_id FROM kosten_wachtrij FOR UPDATE SKIP LOCKED)
       RETURNING client_id`,
    );
    const ids = rijen.map((r) => r.client_id);
    await werkKostenBij(tx, ids);
    return ids.length;
  });
}

/** Serializes the drains of one server process and schedules the background drain. */
export class KostenWachtrij {
  private lopend: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** When the first push not yet served by a drain asked for one (ms since the epoch). */
  private sinds: number | null = null;
  private gesloten = false;

  constructor(
    private readonly store: Store,
    private readonly waarschuw: (error: unknown) => void,
    /** Pause in the pushes after which the background drain starts. */
    private readonly wachtMs = 50,
    /** The longest a queued client waits for the background drain while pushes keep coming. */
    private readonly maxWachtMs = Math.max(1_000, wachtMs),
    private readonly klok: () => number = Date.now,
  ) {}

  /** Drains the queue after every drain already running (a coordinator read awaits this). */
  bijwerken(): Promise<number> {
    const volgende = this.lopend.then(
      () => werkKostenWachtrijBij(this.store),
      () => werkKostenWachtrijBij(this.store),
    );
    this.lopend = volgende.catch(() => undefined);
    return volgende;
  }

  /**
   * A drain after a push that queued clients: once no such push came for `wachtMs`, and at the
   * latest `maxWachtMs` after the first push it serves (one timer at a time). Sustained pushes
   * (1 device × 10,000 mutations, PostgreSQL) went 6,318–6,399 → 6,956–7,194 /s with this pause.
   */
  kort(): void {
    if (this.gesloten) return;
    const nu = this.klok();
    this.sinds ??= nu;
    // Due at the cap already: keep that timer, or pushes in a row would put it off for good.
    if (this.timer && nu + this.wachtMs >= this.sinds + this.maxWachtMs) return;
    if (this.timer) clearTimeout(this.timer);
    const over = Math.min(this.wachtMs, Math.max(0, this.sinds + this.maxWachtMs - nu));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sinds = null;
      this.bijwerken().catch((error: unknown) => this.waarschuw(error));
    }, over);
    this.timer.unref();
  }

  /** No new background drain; waits for the one running (the store closes after this). */
  async sluit(): Promise<void> {
    this.gesloten = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.lopend;
  }
}
