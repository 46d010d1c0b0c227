/**
 * The two big statements of a push chunk (server/sync/push.ts; issue 13, point 2): one that reads
 * everything the chunk needs after its locks, one that writes everything it decided. With the
 * lock statement (records.ts lockMutationsAndRecordWrites), BEGIN and COMMIT, a chunk of any size
 * costs a handful of round trips; only rare paths (a plan vastgesteld, a client's routing facts
 * changed, a review shared or ended) add statements of their own.
 */
import type { Gebruiker, PushResult, RejectReason } from '../../sync/protocol/wire.ts';
import type { MutationOutcome, StoredRecord } from './records.ts';
import type { Queryable } from './store.ts';
import { logContext, schrijfRechtVan, type ClientToegang, type Uitkomst } from './toegang.ts';
import { isApparaatId } from './gezag.ts';
import { wachtrijIds, wachtrijSql } from './kosten-wachtrij.ts';
import { isRecordId, naarRecord, naarRij, schrijfRecordsSql, type RecordRij } from './werkset.ts';

export interface GelezenDeel {
  /** Mutation id (lower case) → the ledger's answer. */
  readonly ledger: Map<string, MutationOutcome>;
  /** The records asked for that exist, locked FOR UPDATE in id order. */
  readonly records: StoredRecord[];
  /** `revs` new revs, taken after those locks, ascending. */
  readonly revs: number[];
  /** Client id (lower case) → the pusher's access, for the clients asked and those of the records. */
  readonly toegang: Map<string, ClientToegang>;
  /**
   * Device ids asked that are bound to the pusher: before, or now by this statement (the first
   * push of a device binds it to the one who pushes from it; db/gezag.ts bindApparaat, migration 005).
   */
  readonly eigenApparaten: Set<string>;
}

const uuids = (ids: Iterable<unknown>): string[] => [
  ...new Set([...ids].filter(isRecordId).map((id) => id.toLowerCase())),
];

/**
 * Everything a chunk reads, in one statement: the ledger of its mutation ids (a fresh snapshot
 * after the mutation locks, so a retry sees the answer its twin committed), its records locked,
 * the revs for its writes (taken after those locks: a record's revs keep growing), the pusher's
 * access (db/toegang.ts, same rules as schrijfRecht and clientKnown) and her device bindings.
 */
export async function leesDeel(
  q: Queryable,
  g: Gebruiker,
  vraag: {
    readonly mutationIds: readonly string[];
    readonly recordIds: Iterable<unknown>;
    readonly revs: number;
    readonly clientIds: Iterable<unknown>;
    readonly deviceIds: Iterable<string>;
  },
): Promise<GelezenDeel> {
  const rows = await q.query<{
    ledger: {
      mutation_id: string;
      status: 'applied' | 'rejected';
      user_id: string | null;
      result_rev: number | null;
      conflicts: number;
      reason: RejectReason | null;
      detail: string | null;
    }[];
    records: RecordRij[];
    revs: (string | number)[] | null;
    toegang: { id: string; caseload: boolean; review: boolean; bekend: boolean }[];
    apparaten: string[] | null;
  }>(
    // The revs are taken only after every record is locked: `revs` waits on a one-time filter
    // over all of `vast` (a data dependency, not an evaluation order).
    `WITH
     vast AS MATERIALIZED (
       SELECT id::text AS id, type, client_id::text AS client_id, fields, field_revs, rev,
              updated_at, updated_by, deleted
       FROM records WHERE id = ANY($2::uuid[]) ORDER BY id FOR UPDATE),
     revs AS MATERIALIZED (
       SELECT nextval('record_rev_seq') AS rev FROM generate_series(1, $3::int)
       WHERE (SELECT count(*) FROM vast) >= 0),
     gebonden AS (
       INSERT INTO apparaten (device_id, gebruiker_id)
       SELECT a, $5::uuid FROM unnest($7::text[]) AS a ORDER BY a
       ON CONFLICT (device_id) DO NOTHING RETURNING device_id)
     SELECT
       (SELECT coalesce(json_agg(a), '[]'::json) FROM (
          SELECT mutation_id::text AS mutation_id, status, user_id::text AS user_id, result_rev,
                 conflicts, reason, detail
          FROM applied_mutations WHERE mutation_id = ANY($1::uuid[])) a) AS ledger,
       (SELECT coalesce(json_agg(v ORDER BY v.id), '[]'::json) FROM vast v) AS records,
       (SELECT array_agg(rev) FROM revs) AS revs,
       (SELECT coalesce(json_agg(t), '[]'::json) FROM (
          SELECT c.id::text AS id,
                 EXISTS (SELECT 1 FROM caseload WHERE gebruiker_id = $5 AND client_id = c.id) AS caseload,
                 $6::boolean AND EXISTS (SELECT 1 FROM review_deling
                                         WHERE casemanager_id = $5 AND client_id = c.id) AS review,
                 EXISTS (SELECT 1 FROM records WHERE id = c.id AND type = 'client')
                   OR EXISTS (SELECT 1 FROM caseload WHERE client_id = c.id) AS bekend
          FROM (SELECT unnest($4::uuid[])
                UNION SELECT client_id::uuid FROM vast WHERE client_id IS NOT NULL) AS c(id)) t)
         AS toegang,
       (SELECT array_agg(device_id) FROM (
          SELECT device_id FROM apparaten WHERE device_id = ANY($7::text[]) AND gebruiker_id = $5
          UNION SELECT device_id FROM gebonden) a) AS apparaten`,
    [
      uuids(vraag.mutationIds),
      uuids(vraag.recordIds).sort(),
      vraag.revs,
      uuids(vraag.clientIds),
      g.id,
      g.rol === 'casemanager',
      [...new Set(vraag.deviceIds)].filter(isApparaatId),
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('leesDeel: no row');
  return {
    ledger: new Map(
      row.ledger.map((r) => [
        r.mutation_id.toLowerCase(),
        {
          status: r.status,
          userId: r.user_id,
          rev: r.result_rev === null ? null : Number(r.result_rev),
          conflicts: r.conflicts,
          reason: r.reason,
          detail: r.detail,
        },
      ]),
    ),
    records: row.records.map(naarRecord),
    revs: (row.revs ?? []).map(Number).sort((a, b) => a - b),
    toegang: new Map(
      row.toegang.map((t) => [
        t.id.toLowerCase(),
        { recht: schrijfRechtVan(g, t), bekend: t.bekend },
      ]),
    ),
    eigenApparaten: new Set(row.apparaten ?? []),
  };
}

/** One access-log row of a chunk: `aantal` mutations of one client with one outcome. */
export interface LogRij {
  actie: string;
  clientId: string | null;
  uitkomst: Uitkomst;
  aantal: number;
}

export interface TeSchrijvenDeel {
  readonly records: readonly StoredRecord[];
  /** New clients of the pusher: caseload entries (with history rows). */
  readonly nieuweClienten: readonly string[];
  /** The ledger: one answer per mutation id. */
  readonly ledger: readonly {
    mutationId: string;
    deviceId: string;
    recordId: string;
    result: PushResult;
  }[];
  /**
   * Access-log rows, in order: one per client and outcome, `aantal` the mutations answered so
   * (a replay is not logged).
   */
  readonly log: readonly LogRij[];
  readonly apparaat: string;
  /** Clients whose costs changed: into the cost queue (db/kosten-wachtrij.ts), in this statement. */
  readonly kostenWachtrij: readonly string[];
}

/**
 * Everything a chunk writes, in one statement: the records (a multi-row upsert in id order), the
 * new caseload entries and their history, the ledger (an applied answer is final, a rejection
 * may be replaced), the access-log rows and the cost queue. One statement: all of it, or none.
 */
export async function schrijfDeel(
  q: Queryable,
  g: Pick<Gebruiker, 'id'>,
  w: TeSchrijvenDeel,
): Promise<void> {
  const [apparaat, adres] = logContext({ apparaat: w.apparaat });
  const records = [...w.records]
    .sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1))
    .map(naarRij);
  const ledger = w.ledger.map((x) => ({
    m: x.mutationId,
    d: x.deviceId,
    r: x.recordId,
    s: x.result.status,
    rv: x.result.status === 'applied' ? x.result.rev : null,
    c: x.result.status === 'applied' ? x.result.conflicts : 0,
    re: x.result.status === 'rejected' ? x.result.reason : null,
    de: x.result.status === 'rejected' ? (x.result.detail ?? null) : null,
  }));
  await q.query(
    `WITH
     geschreven AS (${schrijfRecordsSql('$2')}),
     caseload_nieuw AS (
       INSERT INTO caseload (gebruiker_id, client_id)
       SELECT $1::uuid, c FROM unnest($3::uuid[]) AS c ORDER BY c
       ON CONFLICT (gebruiker_id, client_id) DO NOTHING RETURNING client_id),
     historie AS (
       INSERT INTO caseload_historie (gebruiker_id, client_id)
       SELECT $1::uuid, client_id FROM caseload_nieuw),
     beantwoord AS (
       INSERT INTO applied_mutations
         (mutation_id, device_id, record_id, user_id, status, result_rev, conflicts, reason, detail)
       SELECT m, d, r, $1::uuid, s, rv, c, re, de
       FROM jsonb_to_recordset($4::jsonb) AS u(m uuid, d text, r uuid, s text, rv bigint, c int,
            re text, de text)
       ORDER BY m
       ON CONFLICT (mutation_id) DO UPDATE SET
         status = EXCLUDED.status, result_rev = EXCLUDED.result_rev, conflicts = EXCLUDED.conflicts,
         reason = EXCLUDED.reason, detail = EXCLUDED.detail, applied_at = now()
       WHERE applied_mutations.status = 'rejected'),
     gelogd AS (
       INSERT INTO toegang_log (gebruiker_id, rol, actie, client_id, aantal, apparaat, adres,
                                uitkomst, betreft_gebruiker_id)
       SELECT $1::uuid, (SELECT rol FROM gebruikers WHERE id = $1::uuid), l.actie, l.client_id,
              l.aantal, $6, $7, l.uitkomst, NULL
       FROM ROWS FROM (jsonb_to_recordset($5::jsonb)
                       AS (actie text, client_id uuid, uitkomst text, aantal int))
            WITH ORDINALITY AS l(actie, client_id, uitkomst, aantal, n)
       ORDER BY l.n),
     wachtrij AS (${wachtrijSql('$8')})
     SELECT 1`,
    [
      g.id,
      JSON.stringify(records),
      [...new Set(w.nieuweClienten.map((c) => c.toLowerCase()))],
      JSON.stringify(ledger),
      JSON.stringify(
        w.log.map((l) => ({
          actie: l.actie,
          client_id: l.clientId,
          uitkomst: l.uitkomst,
          aantal: l.aantal,
        })),
      ),
      apparaat,
      adres,
      wachtrijIds(w.kostenWachtrij),
    ],
  );
}
