/**
 * Where each synced record type lives on the device and which domain schema reads it: the one
 * map the pull (apply.ts), the push (basis revisions) and conflict resolution share, so a new
 * record type is added in one place.
 */
import type { Table } from 'dexie';
import { RECORD_TYPES, type RecordType } from '../../domain/model/record.ts';
import { parseMetHerstel } from '../../domain/model/herstel.ts';
import {
  RECORD_TABELLEN,
  SYNCED_TABLES,
  type ArrangeurDB,
  type ConflictRow,
  type ReviewCommentRow,
} from '../../storage/db.ts';
import { clientNaarRij } from '../../storage/repositories/clients.ts';
import { zonderUndefined } from '../../storage/repositories/velden.ts';
import { RECORD_TYPE_INFO, type RecordSchema } from '../protocol/record-typen.ts';

export { conflictRecordSchema, type ConflictRecord } from '../protocol/record-typen.ts';

/** A stored synced row as the sync client handles it: fields plus the record meta. */
export type Rij = Record<string, unknown> & { id: string; rev?: number; deleted?: boolean };

export { parseMetHerstel };

type Schema = RecordSchema;

/** The domain schema each record type is read with (from the registry). */
export const SCHEMA: Record<RecordType, Schema> = Object.fromEntries(
  RECORD_TYPES.map((t) => [t, RECORD_TYPE_INFO[t].record]),
) as Record<RecordType, Schema>;

/** The device table of a record type (from the registry's storage half). */
export function tabel(db: ArrangeurDB, type: RecordType): Table<Rij, string> {
  return db.table(RECORD_TABELLEN[type]) as unknown as Table<Rij, string>;
}

/** Every table a pull page or a conflict resolution may write, for the transaction scope. */
export function syncTabellen(db: ArrangeurDB): Table[] {
  return SYNCED_TABLES.map((naam) => db.table(naam));
}

/**
 * The row to store for a parsed record: clients get their search words, conflicts and review
 * comments their `openstaand` index key.
 */
export function naarOpslag(type: RecordType, record: unknown): Rij {
  if (type === 'client') return clientNaarRij(record as Parameters<typeof clientNaarRij>[0]) as Rij;
  const rij = zonderUndefined(record as Rij);
  if (type === 'conflict') {
    const c = rij as unknown as ConflictRow;
    return { ...rij, openstaand: c.resolved ? 0 : 1 };
  }
  if (type === 'reviewComment') {
    const c = rij as unknown as ReviewCommentRow;
    return { ...rij, openstaand: c.afgehandeld ? 0 : 1 };
  }
  return rij;
}

/** A stored row without the device-only keys, as the start of a merge with server fields. */
export function zonderLokaleSleutels(rij: Rij): Record<string, unknown> {
  const { zoekwoorden: _z, openstaand: _o, ...rest } = rij;
  return rest;
}
