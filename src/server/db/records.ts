/**
 * SQL for the record store and the applied-mutations ledger (migrations 001 and 003). The push
 * service (server/sync/push.ts) decides; this module only reads and writes.
 *
 * What must stay true (docs/architecture.md, "Sync: revs and the visibility horizon"):
 * - Writers run in parallel: there is no global write lock. Every transaction that gives a record
 *   (or a revocation) a rev first calls `lockRecordWrites`, which registers it as an in-flight
 *   writer: a SHARED advisory lock whose key is a lower bound of every rev it will take (the
 *   sequence's last value at that moment; nextval only returns higher values).
 * - A pull serves only revs at or below the visibility horizon (`zichtbaarTot`): below the lowest
 *   lower bound of any writer still in flight, and at most the sequence value read before the
 *   writers were looked up. Every rev at or below the horizon belongs to a transaction that has
 *   ended (committed and visible, or rolled back), so a pull that has served rev N has served every
 *   committed rev below N: the cursor can never skip a record that committed late, and revs above
 *   the horizon wait for the next pull.
 * - A rev is never reused (a unique index), so paging by `rev > cursor` returns each change once.
 */
import type { FieldStamp } from '../../sync/protocol/merge.ts';
import type { Gebruiker, RejectReason } from '../../sync/protocol/wire.ts';
import type { Queryable } from './store.ts';
import { leesFilter } from './toegang.ts';

/** A stored record with what the merge needs (`fieldRevs`), which the wire never carries. */
export interface StoredRecord {
  readonly id: string;
  readonly type: string;
  readonly clientId: string | null;
  readonly fields: Record<string, unknown>;
  readonly fieldRevs: Record<string, FieldStamp>;
  readonly rev: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly deleted: boolean;
}

/**
 * Advisory-lock keys of in-flight writers: WRITER_KEY_BASE + a lower bound of the writer's revs.
 * In pg_locks a bigint key shows as classid (high 32 bits) and objid (low 32 bits); with this base
 * classid lies in [2^24, 2^25) as long as revs stay below 2^56, which no other lock of ours uses.
 */
const WRITER_KEY_BASE = '72057594037927936'; // 2^56
const WRITER_CLASSID_MIN = 16_777_216; // 2^24
const WRITER_CLASSID_MAX = 33_554_432; // 2^25

/**
 * Registers the current transaction as a record writer until it ends (see the file header). Call
 * it before the first `nextRev` (or any other use of record_rev_seq) of the transaction. Writers do
 * not wait for each other: the lock is shared.
 */
export async function lockRecordWrites(q: Queryable): Promise<void> {
  await q.query(
    `SELECT pg_advisory_xact_lock_shared($1::bigint + last_value) FROM record_rev_seq`,
    [WRITER_KEY_BASE],
  );
}

/** The next server revision. Call only after `lockRecordWrites` in the same transaction. */
export async function nextRev(q: Queryable): Promise<number> {
  const rows = await q.query<{ rev: string | number }>("SELECT nextval('record_rev_seq') AS rev");
  return Number(rows[0]?.rev);
}

/**
 * The visibility horizon: the highest rev a pull may serve now (see the file header). Two
 * statements, in this order: first the sequence's last value, then the writers in flight. A writer
 * not yet registered when pg_locks is read takes its revs after that, so above the value read
 * first; a registered writer holds the horizon below its lower bound until it ends.
 */
export async function zichtbaarTot(q: Queryable): Promise<number> {
  const seq = await q.query<{ last_value: string | number; is_called: boolean }>(
    'SELECT last_value, is_called FROM record_rev_seq',
  );
  const s = seq[0];
  const uitgegeven = s ? Number(s.last_value) - (s.is_called ? 0 : 1) : 0;
  const rows = await q.query<{ ondergrens: string | number | null }>(
    `SELECT min(((l.classid::bigint << 32) | l.objid::bigint) - $1::bigint) AS ondergrens
     FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.objsubid = 1
       AND l.classid >= $2 AND l.classid < $3
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [WRITER_KEY_BASE, WRITER_CLASSID_MIN, WRITER_CLASSID_MAX],
  );
  const ondergrens = rows[0]?.ondergrens;
  // A writer's lower bound may equal a rev already handed out to another writer: stay below it.
  return ondergrens == null ? uitgegeven : Math.min(uitgegeven, Number(ondergrens) - 1);
}

/**
 * What a push transaction does first (server/sync/push.ts), for a whole chunk: every mutation id
 * locked in one order (two chunks never wait for each other in a circle; retries of one mutation
 * are serialized, so the second sees the first's answer), then the transaction registered as a
 * record writer. The records it touches are locked next (db/werkset.ts), before its revs are taken.
 */
export async function lockMutationsAndRecordWrites(
  q: Queryable,
  mutationIds: readonly string[],
): Promise<void> {
  // One round trip. The writer's lower bound is the sequence value read before the wait for the
  // mutation locks: lower still, so still a lower bound of every rev the transaction takes. (The
  // subquery keeps its locking calls: PostgreSQL never drops volatile outputs, and evaluates them
  // in the subquery's id order.)
  await q.query(
    `WITH schrijver AS MATERIALIZED (
       SELECT pg_advisory_xact_lock_shared($2::bigint + last_value) FROM record_rev_seq)
     SELECT count(*) AS n
     FROM (SELECT pg_advisory_xact_lock(4711, hashtext(id)) AS l
           FROM (SELECT DISTINCT id FROM unnest($1::text[]) AS id ORDER BY id) m) sloten,
          schrijver`,
    [mutationIds, WRITER_KEY_BASE],
  );
}

/**
 * Whether the server knows this client at all: a client record, or a caseload that holds it
 * (a beheerder may assign a client before its first record arrives).
 */
export async function clientKnown(q: Queryable, clientId: string): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM records WHERE id = $1 AND type = 'client'
     UNION ALL SELECT 1 FROM caseload WHERE client_id = $1
     LIMIT 1`,
    [clientId],
  );
  return rows.length > 0;
}

/** Inserts or replaces a record (the whole row: the merge returns the full next state). */
export async function writeRecord(q: Queryable, r: StoredRecord): Promise<void> {
  await q.query(
    `INSERT INTO records (id, type, client_id, fields, field_revs, rev, updated_at, updated_by, deleted)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET
       fields = EXCLUDED.fields, field_revs = EXCLUDED.field_revs, rev = EXCLUDED.rev,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, deleted = EXCLUDED.deleted`,
    [
      r.id,
      r.type,
      r.clientId,
      JSON.stringify(r.fields),
      JSON.stringify(r.fieldRevs),
      r.rev,
      r.updatedAt,
      r.updatedBy,
      r.deleted,
    ],
  );
}

/** What the ledger remembers of a mutation: enough to answer a replay the same way. */
export interface MutationOutcome {
  readonly status: 'applied' | 'rejected';
  readonly userId: string | null;
  readonly rev: number | null;
  readonly conflicts: number;
  readonly reason: RejectReason | null;
  readonly detail: string | null;
}

/** Display names of users by id (for conflict records: "Waarde van <naam>"); unknown ids are left out. */
export async function userNames(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; naam: string }>(
    'SELECT id::text AS id, naam FROM gebruikers WHERE id::text = ANY($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.naam]));
}

export interface PullPage {
  /** The page's records as a JSON array (WireRecord[]), built by the database, in rev order. */
  readonly recordsJson: string;
  /** The rev of the page's last record; null for an empty page. */
  readonly laatsteRev: number | null;
  readonly hasMore: boolean;
}

/**
 * Records changed after `cursor` and at or below `horizon` (zichtbaarTot) that `g` may read, in
 * rev order, with the access-log rows for them — one statement (issue 13, point 4: a first pull
 * of 50,000 records at ≥ 50,000/s). The access rule is applied in SQL (toegang.ts `leesFilter`),
 * so a page never holds — and the server never even loads — a record of a client outside this
 * user's caseload; that includes conflict records, which carry the client of the record they are
 * about. The database builds the page's JSON itself (the records are sent as that text, never
 * parsed into objects and serialized again) and writes one log row per client on the page, with
 * its number of records, in the same statement: the log never misses a page that was read.
 */
export async function pullPage(
  q: Queryable,
  g: Gebruiker,
  vraag: { readonly cursor: number; readonly limit: number; readonly horizon: number },
  log: { readonly actie: string; readonly apparaat: string | null; readonly adres: string | null },
): Promise<PullPage> {
  const filter = leesFilter(g, 'client_id', 4);
  if (filter.sql === 'false') return { recordsJson: '[]', laatsteRev: null, hasMore: false };
  // One row more than asked tells whether another page follows, without a count. The filter's
  // only parameter ($4) is the user's id, which the log rows use too.
  const rows = await q.query<{
    records: string;
    laatste: string | number | null;
    meer: boolean;
  }>(
    `WITH
     gevonden AS MATERIALIZED (
       SELECT id, type, client_id, fields, rev, updated_at, updated_by, deleted
       FROM records WHERE rev > $1 AND rev <= $3 AND ${filter.sql}
       ORDER BY rev LIMIT $2::int + 1),
     pagina AS MATERIALIZED (SELECT * FROM gevonden ORDER BY rev LIMIT $2::int),
     gelogd AS (
       INSERT INTO toegang_log (gebruiker_id, rol, actie, client_id, aantal, apparaat, adres,
                                uitkomst, betreft_gebruiker_id)
       SELECT $4::uuid, (SELECT rol FROM gebruikers WHERE id = $4::uuid), $5, client_id,
              count(*)::int, $6, $7, 'ok', NULL
       FROM pagina GROUP BY client_id ORDER BY min(rev))
     SELECT coalesce(json_agg(json_build_object(
              'id', id, 'type', type, 'clientId', client_id, 'fields', fields, 'rev', rev,
              'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'updatedBy', updated_by, 'deleted', deleted) ORDER BY rev), '[]'::json)::text AS records,
            max(rev) AS laatste,
            (SELECT count(*) FROM gevonden) > $2::int AS meer
     FROM pagina`,
    [
      vraag.cursor,
      vraag.limit,
      vraag.horizon,
      ...filter.params,
      log.actie,
      log.apparaat,
      log.adres,
    ],
  );
  const r = rows[0];
  return {
    recordsJson: r?.records ?? '[]',
    laatsteRev: r?.laatste == null ? null : Number(r.laatste),
    hasMore: r?.meer ?? false,
  };
}

/**
 * Gives every record of a client a new rev, so a user who just gained access (caseload, review
 * share) receives them on her next pull: her cursor may already be past their old revs. Call it
 * in the same transaction that grants access; it registers as a record writer itself.
 * @returns the number of records re-stamped.
 */
export async function resendClient(q: Queryable, clientId: string): Promise<number> {
  await lockRecordWrites(q);
  const rows = await q.query(
    `UPDATE records SET rev = nextval('record_rev_seq')
     WHERE client_id = $1 OR (id = $1 AND type = 'client') RETURNING id`,
    [clientId],
  );
  return rows.length;
}
