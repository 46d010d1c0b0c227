/**
 * The one IndexedDB database of the app, with its whole version history (STYLE 9 and 18).
 *
 * Synced tables hold records as ARCHITECTURE.md "Data" describes them (device-made UUID `id`,
 * `type`, fields, `rev` once synced, `updatedAt`, `updatedBy`, `deleted` tombstone). Local-only
 * tables never leave the device: the outbox (changes not yet accepted by the server) and meta
 * (device id, persistence outcome, sync cursor later).
 *
 * Rule: a released `version(n)` is never edited. A change of schema is a new `version(n + 1)`
 * with an `.upgrade()` when existing rows need a new shape.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Client } from '../domain/model/client.ts';
import type { Mutation } from '../domain/model/record.ts';
import type { Doel, Naaste, Plan, PlanItem, PlanVersie } from '../domain/plan/model.ts';
import type { Voorziening } from '../domain/sociale-kaart/model.ts';

/** A client as stored: the domain record plus the words the name search uses (never synced). */
export type ClientRow = Client & { zoekwoorden: string[] };

/** `create`/`update`/`delete` tells a person reading the outbox what happened; the wire needs only the mutation. */
export type OutboxOp = 'create' | 'update' | 'delete';
/**
 * `pending`: waiting for push. `rejected`: the server refused it; the row stays (with the reason)
 * so the user sees it and nothing is silently dropped (guarantee 5). An accepted row is removed.
 */
export type OutboxStatus = 'pending' | 'rejected';

export interface OutboxRow extends Mutation {
  /** Local order of changes; push sends them in this order. Absent until Dexie assigns it. */
  seq?: number;
  op: OutboxOp;
  status: OutboxStatus;
  rejectReason?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** Tables that sync with the server. Everything else in this database stays on the device. */
export const SYNCED_TABLES = [
  'clients',
  'voorzieningen',
  'plans',
  'doelen',
  'naasten',
  'planItems',
  'planVersies',
] as const;
export const LOCAL_ONLY_TABLES = ['outbox', 'meta'] as const;

export class ArrangeurDB extends Dexie {
  clients!: Table<ClientRow, string>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  meta!: Table<MetaRow, string>;
  /** Local sociale-kaart entries (the shipped catalog lives in code, not here). */
  voorzieningen!: Table<Voorziening, string>;
  /** The ondersteuningsplan as separate small records (ARCHITECTURE.md, Data). */
  plans!: Table<Plan, string>;
  doelen!: Table<Doel, string>;
  naasten!: Table<Naaste, string>;
  planItems!: Table<PlanItem, string>;
  /** Read-only snapshots of vastgestelde plans; written once, never updated. */
  planVersies!: Table<PlanVersie, string>;

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
  }
}

/** Opens (creating on first use) the database. Tests pass a fresh name per test. */
export function openDb(name = 'arrangeur'): ArrangeurDB {
  return new ArrangeurDB(name);
}
