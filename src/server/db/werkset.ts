/**
 * The records one push transaction works on (issue 13, point 2: a chunk costs a bounded number of
 * statements). A chunk of a batch (server/sync/push.ts) loads every record it will read or write
 * in one SELECT … FOR UPDATE, decides in JS, and writes every changed record in one multi-row
 * INSERT … ON CONFLICT DO UPDATE at the end (`schrijf`).
 *
 * What must stay true:
 * - A later mutation of the chunk sees what an earlier one wrote: reads (`record`) come from here,
 *   and writes (`zet`) land here first.
 * - SQL that reads records itself (a plan's ladder stand, re-routing a client's open plans,
 *   review shares, resending a client) sees the chunk's writes: call `schrijf` before it, and
 *   `vergeet` after SQL that changed records behind this cache (their revs, say).
 * - Records are locked (FOR UPDATE) in id order when loaded; the revs of their changes are taken
 *   after that lock (db/records.ts), so a record's revs keep growing.
 */
import type { StoredRecord } from './records.ts';
import type { Queryable } from './store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a text can be a record id (records.id is a uuid column). */
export const isRecordId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

export interface RecordRij {
  id: string;
  type: string;
  client_id: string | null;
  fields: Record<string, unknown>;
  field_revs: StoredRecord['fieldRevs'] | null;
  rev: string | number;
  updated_at: Date | string;
  updated_by: string;
  deleted: boolean;
}

export const naarRecord = (r: RecordRij): StoredRecord => ({
  id: r.id,
  type: r.type,
  clientId: r.client_id,
  fields: r.fields,
  fieldRevs: r.field_revs ?? {},
  rev: Number(r.rev),
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
  deleted: r.deleted,
});

/** A record as the row the bulk writes send (db/push-deel.ts `schrijfDeel`, `Werkset.schrijf`). */
export const naarRij = (r: StoredRecord) => ({
  id: r.id,
  type: r.type,
  client_id: r.clientId,
  fields: r.fields,
  field_revs: r.fieldRevs,
  rev: r.rev,
  updated_at: r.updatedAt,
  updated_by: r.updatedBy,
  deleted: r.deleted,
});

/**
 * The upsert of many records, given as the JSON array of `naarRij` rows in parameter `param`
 * (in id order, so concurrent writers lock rows in one order). Used alone (`Werkset.schrijf`) and
 * inside the chunk's one write (db/push-deel.ts `schrijfDeel`).
 */
export const schrijfRecordsSql = (param: string): string =>
  `INSERT INTO records (id, type, client_id, fields, field_revs, rev, updated_at, updated_by, deleted)
       SELECT id, type, client_id, fields, field_revs, rev, updated_at, updated_by, deleted
       FROM jsonb_to_recordset(${param}::jsonb) AS x(id uuid, type text, client_id uuid, fields jsonb,
            field_revs jsonb, rev bigint, updated_at timestamptz, updated_by text, deleted boolean)
       ORDER BY id
       ON CONFLICT (id) DO UPDATE SET
         fields = EXCLUDED.fields, field_revs = EXCLUDED.field_revs, rev = EXCLUDED.rev,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
         deleted = EXCLUDED.deleted`;

export class Werkset {
  /** Record id (lower case) → the record as this transaction sees it; null: no such record. */
  private readonly bekend = new Map<string, StoredRecord | null>();
  /** Ids written here and not yet in the database. */
  private readonly vuil = new Set<string>();
  /** Device ids bound to the pushing user in this transaction (db/gezag.ts bindApparaat). */
  readonly apparaten = new Set<string>();

  /** Revs taken in advance (`reserveer`), handed out in ascending order by `rev`. */
  private voorraad: number[] = [];

  constructor(readonly tx: Queryable) {}

  /**
   * Takes `n` revs in one statement, for the writes to come (call after the records they are for
   * are loaded, so after their locks). Revs not used are harmless gaps.
   */
  async reserveer(n: number): Promise<void> {
    if (n <= 0) return;
    const rows = await this.tx.query<{ rev: string | number }>(
      `SELECT nextval('record_rev_seq') AS rev FROM generate_series(1, $1::int)`,
      [n],
    );
    this.voorraad = rows.map((r) => Number(r.rev)).sort((a, b) => a - b);
  }

  /** The next rev: from the reserve, or a new one. Each is higher than the one before. */
  async rev(): Promise<number> {
    return this.voorraad.shift() ?? (await this.losseRev());
  }

  /**
   * A new rev outside the reserve (a write of a record loaded after the reserve was taken). The
   * reserve is dropped: a later `rev` must not hand out a lower one.
   */
  async losseRev(): Promise<number> {
    this.voorraad = [];
    const rows = await this.tx.query<{ rev: string | number }>(
      "SELECT nextval('record_rev_seq') AS rev",
    );
    return Number(rows[0]?.rev);
  }

  /** Loads (and locks, in id order) the records of `ids` not loaded yet: one statement. */
  async laad(ids: Iterable<unknown>): Promise<void> {
    const nodig = new Set<string>();
    for (const id of ids) {
      if (!isRecordId(id)) continue;
      const sleutel = id.toLowerCase();
      if (!this.bekend.has(sleutel)) nodig.add(sleutel);
    }
    if (nodig.size === 0) return;
    const rows = await this.tx.query<RecordRij>(
      `SELECT id::text AS id, type, client_id::text AS client_id, fields, field_revs, rev,
              updated_at, updated_by, deleted
       FROM records WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...nodig].sort()],
    );
    for (const id of nodig) this.bekend.set(id, null);
    for (const r of rows) this.bekend.set(r.id.toLowerCase(), naarRecord(r));
  }

  /** Takes in records read elsewhere (db/push-deel.ts leesDeel): `ids` asked, `records` found. */
  neemOp(ids: Iterable<unknown>, records: readonly StoredRecord[]): void {
    for (const id of ids) if (isRecordId(id)) this.bekend.set(id.toLowerCase(), null);
    for (const r of records) this.bekend.set(r.id.toLowerCase(), r);
  }

  /** Revs taken elsewhere after the locks (leesDeel), ascending: the reserve `rev` hands out. */
  zetVoorraad(revs: readonly number[]): void {
    this.voorraad = [...revs];
  }

  /** How many revs the reserve still holds. */
  get voorraadGrootte(): number {
    return this.voorraad.length;
  }

  /** The records changed since the last write, for a caller that writes them itself. */
  neemVuil(): StoredRecord[] {
    const uit: StoredRecord[] = [];
    for (const id of this.vuil) {
      const r = this.bekend.get(id);
      if (r) uit.push(r);
    }
    this.vuil.clear();
    return uit;
  }

  /** The record as this transaction sees it (loaded and locked on first use), or null. */
  async record(id: unknown): Promise<StoredRecord | null> {
    if (!isRecordId(id)) return null;
    const sleutel = id.toLowerCase();
    if (!this.bekend.has(sleutel)) await this.laad([sleutel]);
    return this.bekend.get(sleutel) ?? null;
  }

  /** A record already loaded (`laad`), without SQL: undefined when not loaded, null when absent. */
  bekendRecord(id: unknown): StoredRecord | null | undefined {
    return isRecordId(id) ? this.bekend.get(id.toLowerCase()) : undefined;
  }

  /** A record's next state; written to the database by `schrijf`. */
  zet(r: StoredRecord): void {
    const sleutel = r.id.toLowerCase();
    this.bekend.set(sleutel, r);
    this.vuil.add(sleutel);
  }

  /** Writes every record changed since the last `schrijf`, in one statement (id order). */
  async schrijf(): Promise<void> {
    if (this.vuil.size === 0) return;
    const rijen = [...this.vuil].sort().map((id) => {
      const r = this.bekend.get(id);
      if (!r) throw new Error('Werkset: a written record is gone');
      return naarRij(r);
    });
    this.vuil.clear();
    await this.tx.query(schrijfRecordsSql('$1'), [JSON.stringify(rijen)]);
  }

  /** Writes what is pending and forgets every loaded record (SQL changed records behind it). */
  async vergeet(): Promise<void> {
    await this.schrijf();
    this.bekend.clear();
    // That SQL may have taken revs too (a resend): hand out none below them.
    this.voorraad = [];
  }
}
