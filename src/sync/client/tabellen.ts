/**
 * Where each synced record type lives on the device and which domain schema reads it: the one
 * map the pull (apply.ts), the push (basis revisions) and conflict resolution share, so a new
 * record type is added in one place.
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import { clientSchema, recordMetaSchema } from '../../domain/model/client.ts';
import { parseMetHerstel } from '../../domain/model/herstel.ts';
import type { RecordType } from '../../domain/model/record.ts';
import {
  doelSchema,
  naasteSchema,
  planItemSchema,
  planSchema,
  planVersieSchema,
} from '../../domain/plan/model.ts';
import { reviewCommentSchema, reviewSchema } from '../../domain/plan/review.ts';
import { voorzieningSchema } from '../../domain/sociale-kaart/model.ts';
import type { ArrangeurDB, ConflictRow, ReviewCommentRow } from '../../storage/db.ts';
import { clientNaarRij } from '../../storage/repositories/clients.ts';
import { zonderUndefined } from '../../storage/repositories/velden.ts';
import { conflictFieldsSchema } from '../protocol/wire.ts';

/** A stored synced row as the sync client handles it: fields plus the record meta. */
export type Rij = Record<string, unknown> & { id: string; rev?: number; deleted?: boolean };

/**
 * A conflict as a record: the wire's conflict fields, its client, and the usual record meta.
 * `overwrittenBy` / `winningBy` are user ids (the UI compares them with its user for "Uw
 * waarde"); the server sends the display names along as `…ByNaam`, since the device has no user
 * directory. Optional: a conflict without them still reads.
 */
export { parseMetHerstel };

export const conflictRecordSchema = conflictFieldsSchema
  .extend({
    type: z.literal('conflict'),
    clientId: z.string().nullable(),
    overwrittenByNaam: z.string().optional(),
    winningByNaam: z.string().optional(),
  })
  .and(recordMetaSchema);
export type ConflictRecord = z.output<typeof conflictRecordSchema>;

interface Schema {
  safeParse(data: unknown): z.ZodSafeParseResult<unknown>;
}

export const SCHEMA: Record<RecordType, Schema> = {
  client: clientSchema,
  naaste: naasteSchema,
  plan: planSchema,
  doel: doelSchema,
  planItem: planItemSchema,
  planVersie: planVersieSchema,
  voorziening: voorzieningSchema,
  conflict: conflictRecordSchema,
  review: reviewSchema,
  reviewComment: reviewCommentSchema,
};

export function tabel(db: ArrangeurDB, type: RecordType): Table<Rij, string> {
  const tabellen = {
    client: db.clients,
    naaste: db.naasten,
    plan: db.plans,
    doel: db.doelen,
    planItem: db.planItems,
    planVersie: db.planVersies,
    voorziening: db.voorzieningen,
    conflict: db.conflicts,
    review: db.reviews,
    reviewComment: db.reviewComments,
  } as const;
  return tabellen[type] as unknown as Table<Rij, string>;
}

/** Every table a pull page or a conflict resolution may write, for the transaction scope. */
export function syncTabellen(db: ArrangeurDB): Table[] {
  return [
    db.clients,
    db.naasten,
    db.plans,
    db.doelen,
    db.planItems,
    db.planVersies,
    db.voorzieningen,
    db.conflicts,
    db.reviews,
    db.reviewComments,
  ];
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
