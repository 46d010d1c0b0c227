/**
 * The one IndexedDB database of the app, with its whole version history (docs/style.md 9 and 18).
 *
 * Synced tables hold records as docs/architecture.md "Data" describes them (device-made UUID `id`,
 * `type`, fields, `rev` once synced, `updatedAt`, `updatedBy`, `deleted` tombstone). Local-only
 * tables never leave the device: the outbox (changes not yet accepted by the server), meta
 * (device id, persistence outcome, sync state) and syncBasis (per-field base revisions).
 *
 * Rule: a released `version(n)` is never edited. A change of schema is a new `version(n + 1)`
 * with an `.upgrade()` when existing rows need a new shape.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Client } from '../domain/model/client.ts';
import type { Mutation } from '../domain/model/record.ts';
import { RECORD_TYPES, type RecordType } from '../domain/model/record-types.ts';
import type { Doel, Naaste, Plan, PlanItem, PlanVersie } from '../domain/plan/model.ts';
import type { Review, ReviewComment } from '../domain/plan/review.ts';
import type { Voorziening } from '../domain/sociale-kaart/model.ts';
import type { ZorgverzekeraarNaam } from '../domain/model/zorgverzekeraar.ts';
import { sorteersleutel } from './sorteersleutel.ts';

/** A client as stored: the domain record plus the words the search and the list order use (never synced). */
export type ClientRow = Client & {
  zoekwoorden: string[];
  /** The caseload's order (storage/sorteersleutel.ts); absent on a tombstone. */
  sorteersleutel?: string;
  /** 1 on a tombstone only, so the few tombstones are counted from an index of their own. */
  verwijderd?: 1;
};

/**
 * A review comment as stored: the domain record plus `openstaand`, 1 while not afgehandeld, else 0
 * (device-only, never pushed). IndexedDB cannot index a boolean, so "open comments" needs this
 * number key, like ConflictRow's.
 */
export type ReviewCommentRow = ReviewComment & { openstaand: 0 | 1 };

/** `create`/`update`/`delete` tells a person reading the outbox what happened; the wire needs only the mutation. */
export type OutboxOp = 'create' | 'update' | 'delete';
/**
 * `pending`: waiting for push. `rejected`: the server refused it; the row stays (with the reason)
 * so the user sees it and nothing is silently dropped (guarantee 5). An accepted row is removed.
 */
export type OutboxStatus = 'pending' | 'rejected';
// storage/outbox.ts counts the waiting rows as all rows minus the rejected ones: a third status
// must be counted there too.

export interface OutboxRow extends Mutation {
  /** Local order of changes; push sends them in this order. Absent until Dexie assigns it. */
  seq?: number;
  op: OutboxOp;
  status: OutboxStatus;
  /** Dutch text for the user: what the server objected to and what to do. */
  rejectReason?: string;
  /** The server's reason code (`forbidden`, `invalid`, …), for a UI that words it itself. */
  rejectCode?: string;
  /**
   * Device-only, never sent: the highest base revision the push may claim for this change. Set
   * when a form saved a field whose stored value had changed since the form showed it (a synced
   * value arrived while the user typed): the push then sends at most this base, so the server
   * sees that the other value was not seen and keeps it as a conflict (issue 11, point 2).
   */
  gezienRev?: number;
}

/**
 * A kept conflict (docs/architecture.md, Sync 3), as pulled from the server: one field of one record
 * whose value was overwritten by a later write. The fields are those of `conflictFieldsSchema`
 * (src/sync/protocol/wire.ts, which storage may not import; the sync client parses with it before
 * anything lands here).
 */
export interface ConflictRow {
  id: string;
  type: 'conflict';
  /** The client of the conflicting record (null for a sociale-kaart entry): the unit of access. */
  clientId: string | null;
  recordType: string;
  recordId: string;
  field: string;
  overwrittenValue: unknown;
  /** User id; the UI compares it with its user ("Uw waarde"). */
  overwrittenBy: string;
  /** Display name at conflict time ("Waarde van Anja"), sent by the server. */
  overwrittenByNaam?: string;
  overwrittenAt: string;
  /** The device that typed each value ('' or absent: not known), for "Op dit apparaat". */
  overwrittenDevice?: string;
  winningValue: unknown;
  winningBy: string;
  winningByNaam?: string;
  winningAt: string;
  winningDevice?: string;
  resolved: boolean;
  /**
   * 1 while unresolved, else 0. IndexedDB cannot index a boolean (such a row would silently be
   * missing from the index), so `resolved` is mirrored here as a number key for "open conflicts".
   */
  openstaand: 0 | 1;
  rev?: number;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
}

/**
 * What this device knows per field of one record beyond the record's `rev` (device-only). `rev`
 * on a record says "every field is as the server had it at rev"; only a pull can say that. When
 * the server accepts one of our own mutations at rev X, we know the fields it wrote are current
 * as of X, but not the others (someone may have changed them since our base). The push takes the
 * base of a mutation from here, so our own chain of edits never conflicts with itself and an edit
 * of a field we have not seen lately is never sent with a base that claims we had.
 */
export interface SyncBasisRow {
  recordId: string;
  /** field → the server rev as of which our value of that field is known to be current. */
  velden: Record<string, number>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Where each synced record type lives on the device: the storage half of the record-type
 * registry (src/sync/protocol/record-typen.ts has the schemas, labels and client links). Keyed by
 * RecordType, so a new type cannot be added without its table; the synced tables, the scope of
 * every sync and conflict transaction, and the session wipe all derive from it.
 */
export const RECORD_TABELLEN = {
  client: 'clients',
  naaste: 'naasten',
  plan: 'plans',
  doel: 'doelen',
  planItem: 'planItems',
  planVersie: 'planVersies',
  voorziening: 'voorzieningen',
  conflict: 'conflicts',
  review: 'reviews',
  reviewComment: 'reviewComments',
  zorgverzekeraar: 'zorgverzekeraars',
} as const satisfies Record<RecordType, keyof ArrangeurDB>;

export type SyncedTable = (typeof RECORD_TABELLEN)[RecordType];

/** Tables that sync with the server. Everything else in this database stays on the device. */
export const SYNCED_TABLES: readonly SyncedTable[] = RECORD_TYPES.map((t) => RECORD_TABELLEN[t]);
export const LOCAL_ONLY_TABLES = ['outbox', 'meta', 'syncBasis'] as const;

export class ArrangeurDB extends Dexie {
  clients!: Table<ClientRow, string>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: Table<MetaRow, string>;
  /** Local sociale-kaart entries (the shipped catalog lives in code, not here). */
  voorzieningen!: Table<Voorziening, string>;
  /** The ondersteuningsplan as separate small records (docs/architecture.md, Data). */
  plans!: Table<Plan, string>;
  doelen!: Table<Doel, string>;
  naasten!: Table<Naaste, string>;
  planItems!: Table<PlanItem, string>;
  /** Read-only snapshots of vastgestelde plans; written once, never updated. */
  planVersies!: Table<PlanVersie, string>;
  /** Conflicts kept by the server, pulled like any record; resolving one is a synced change. */
  conflicts!: Table<ConflictRow, string>;
  /** Review rounds of a plan by a casemanager (issue 6); one record per round. */
  reviews!: Table<Review, string>;
  /** The reviewer's comments per section or item; `openstaand` mirrors `afgehandeld`. */
  reviewComments!: Table<ReviewCommentRow, string>;
  /** Names given to UZOVI codes the shipped list does not know (domain/model/zorgverzekeraar.ts). */
  zorgverzekeraars!: Table<ZorgverzekeraarNaam, string>;
  /** Device-only per-field base revisions (see SyncBasisRow). */
  syncBasis!: Table<SyncBasisRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      // `*zoekwoorden` is multi-entry: one index entry per normalised name word, so a prefix search
      // on any word (voornaam, achternaam, "van den Berg" → berg) is one indexed range scan.
      clients: 'id, *zoekwoorden, achternaam, voornaam, updatedAt',
      // `&mutationId` unique: the same mutation can never be queued twice (guarantee 2 starts here).
      outbox: '++seq, &mutationId, [recordType+recordId], status',
      meta: 'key',
    });
    // v2: sociale kaart, local entries added by arrangeurs.
    this.version(2).stores({
      voorzieningen: 'id, categorie, naam, updatedAt',
    });
    // v3: the plan. `&clientId` unique: one plan per client, a second one cannot slip in.
    // `evaluatiedatum` is indexed for the caseload's "evaluatie nodig"; plans without one are not
    // in that index at all, so the scan touches only plans that have a date.
    this.version(3).stores({
      plans: 'id, &clientId, status, evaluatiedatum, updatedAt',
      doelen: 'id, planId',
      naasten: 'id, clientId',
      planItems: 'id, planId, stap',
      planVersies: 'id, planId',
    });
    // v4: sync. `conflicts` is synced (pulled; resolved through the outbox); `openstaand` is the
    // index for "open conflicts" (see ConflictRow). `syncBasis` is device-only. The sync state
    // (cursor, lastSyncedAt, lastError) is a `meta` key, so it needs no table.
    this.version(4).stores({
      conflicts: 'id, recordId, openstaand',
      syncBasis: 'recordId',
    });
    // v5: plan review (issue 6). `casemanagerId` finds the reviews addressed to a casemanager,
    // `clientId` the caseload's review stand; `openstaand` (see ReviewCommentRow) the open comments.
    this.version(5).stores({
      reviews: 'id, planId, clientId, casemanagerId',
      reviewComments: 'id, planId, reviewId, openstaand',
    });
    // v6: names of UZOVI codes not in the shipped list (issue 16, point 4); the id is derived
    // from the code, so `id` is all the index it needs.
    this.version(6).stores({
      zorgverzekeraars: 'id',
    });
    // v7: the caseload's order as an index (storage/sorteersleutel.ts), so its first rows are read
    // without reading every client, and the tombstones in one of their own, so the list's length
    // is the store's count minus theirs (counting an index walks and checks every entry: 28.7 ms
    // for 10,000 clients, the store 5.4 ms). Written on every client write, filled in here.
    this.version(7)
      .stores({
        clients: 'id, *zoekwoorden, achternaam, voornaam, updatedAt, sorteersleutel, verwijderd',
      })
      .upgrade((tx) =>
        tx
          .table<ClientRow, string>('clients')
          .toCollection()
          .modify((rij) => {
            if (rij.deleted) rij.verwijderd = 1;
            // A row without its names fails the schema and is not listed; it must not make the
            // upgrade, and with it the whole database, fail to open.
            else if (typeof rij.achternaam === 'string' && typeof rij.voornaam === 'string')
              rij.sorteersleutel = sorteersleutel(rij);
          }),
      );
  }
}

/** Opens (creating on first use) the database. Tests pass a fresh name per test. */
export function openDb(name = 'arrangeur'): ArrangeurDB {
  return new ArrangeurDB(name);
}
