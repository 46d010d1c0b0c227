/**
 * SQL for the record store and the applied-mutations ledger (migrations 001 and 003). The push
 * route decides; this module only reads and writes.
 *
 * What must stay true:
 * - Every write that gives a record a rev runs inside a transaction that first took
 *   `lockRecordWrites`. Revs then become visible in the order they were given, so a pull that has
 *   seen rev N has seen every rev below N: the cursor can never skip a record that committed late.
 *   (Without the lock, two PostgreSQL transactions could take revs 10 and 11 and commit 11 first.)
 *   The lock is the price of that guarantee: writes are serialized per database, which
 *   `npm run bench -- sync` measures.
 * - A rev is never reused (a unique index), so paging by `rev > cursor` returns each change once.
 */
import type { WireRecord } from '../../sync/protocol/wire.ts';
import type { FieldStamp } from '../../sync/protocol/merge.ts';
import type { Gebruiker, PushResult, RejectReason } from '../../sync/protocol/wire.ts';
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

interface RecordRow {
  id: string;
  type: string;
  client_id: string | null;
  fields: Record<string, unknown>;
  field_revs?: Record<string, FieldStamp>;
  /** bigint: a string from node-postgres, a number from PGlite. */
  rev: string | number;
  updated_at: Date | string;
  updated_by: string;
  deleted: boolean;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

function fromRow(r: RecordRow): StoredRecord {
  return {
    id: r.id,
    type: r.type,
    clientId: r.client_id,
    fields: r.fields,
    fieldRevs: r.field_revs ?? {},
    rev: Number(r.rev),
    updatedAt: iso(r.updated_at),
    updatedBy: r.updated_by,
    deleted: r.deleted,
  };
}

/** An arbitrary but fixed key for the advisory lock of record writes (see the file header). */
const RECORD_WRITE_LOCK = 4_711_003;

/** Serializes record writes until the end of the current transaction (see the file header). */
export async function lockRecordWrites(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock($1::bigint)', [RECORD_WRITE_LOCK]);
}

/** The next server revision. Call only while holding `lockRecordWrites`. */
export async function nextRev(q: Queryable): Promise<number> {
  const rows = await q.query<{ rev: string | number }>("SELECT nextval('record_rev_seq') AS rev");
  return Number(rows[0]?.rev);
}

export async function findRecord(q: Queryable, id: string): Promise<StoredRecord | null> {
  const rows = await q.query<RecordRow>(
    `SELECT id, type, client_id, fields, field_revs, rev, updated_at, updated_by, deleted
     FROM records WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The client a record belongs to, or undefined when there is no such record. */
export async function clientOf(q: Queryable, id: string): Promise<string | null | undefined> {
  const rows = await q.query<{ client_id: string | null }>(
    'SELECT client_id FROM records WHERE id = $1',
    [id],
  );
  return rows[0] ? rows[0].client_id : undefined;
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

export async function findMutation(
  q: Queryable,
  mutationId: string,
): Promise<MutationOutcome | null> {
  const rows = await q.query<{
    status: 'applied' | 'rejected';
    user_id: string | null;
    result_rev: string | number | null;
    conflicts: number;
    reason: RejectReason | null;
    detail: string | null;
  }>(
    `SELECT status, user_id, result_rev, conflicts, reason, detail
     FROM applied_mutations WHERE mutation_id = $1`,
    [mutationId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    status: r.status,
    userId: r.user_id,
    rev: r.result_rev === null ? null : Number(r.result_rev),
    conflicts: r.conflicts,
    reason: r.reason,
    detail: r.detail,
  };
}

/**
 * Records the answer to a mutation. A rejection may be overwritten later by a retry's answer
 * (it changed nothing, so re-checking it is safe); an applied mutation is final.
 */
export async function rememberMutation(
  q: Queryable,
  m: { mutationId: string; deviceId: string; recordId: string; userId: string },
  result: PushResult,
): Promise<void> {
  const applied = result.status === 'applied';
  await q.query(
    `INSERT INTO applied_mutations
       (mutation_id, device_id, record_id, user_id, status, result_rev, conflicts, reason, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (mutation_id) DO UPDATE SET
       status = EXCLUDED.status, result_rev = EXCLUDED.result_rev, conflicts = EXCLUDED.conflicts,
       reason = EXCLUDED.reason, detail = EXCLUDED.detail, applied_at = now()
     WHERE applied_mutations.status = 'rejected'`,
    [
      m.mutationId,
      m.deviceId,
      m.recordId,
      m.userId,
      result.status,
      applied ? result.rev : null,
      applied ? result.conflicts : 0,
      result.status === 'rejected' ? result.reason : null,
      result.status === 'rejected' ? (result.detail ?? null) : null,
    ],
  );
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
  readonly records: WireRecord[];
  readonly hasMore: boolean;
}

/**
 * Records changed after `cursor` that `g` may read, in rev order. The access rule is applied in
 * SQL (toegang.ts `leesFilter`), so a page never holds — and the server never even loads — a
 * record of a client outside this user's caseload; that includes conflict records, which carry
 * the client of the record they are about.
 */
export async function pullPage(
  q: Queryable,
  g: Gebruiker,
  cursor: number,
  limit: number,
): Promise<PullPage> {
  const filter = leesFilter(g, 'client_id', 3);
  if (filter.sql === 'false') return { records: [], hasMore: false };
  // One row more than asked tells whether another page follows, without a count.
  const rows = await q.query<RecordRow>(
    `SELECT id, type, client_id, fields, rev, updated_at, updated_by, deleted
     FROM records WHERE rev > $1 AND ${filter.sql}
     ORDER BY rev LIMIT $2`,
    [cursor, limit + 1, ...filter.params],
  );
  const page = rows.slice(0, limit).map(fromRow);
  return {
    records: page.map(({ fieldRevs: _stamps, ...wire }) => wire),
    hasMore: rows.length > limit,
  };
}

/**
 * Gives every record of a client a new rev, so a user who just gained access (caseload, review
 * share) receives them on her next pull: her cursor may already be past their old revs. Call it
 * in the same transaction that grants access; it takes the record-write lock itself.
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
