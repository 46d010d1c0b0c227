/**
 * The one registry of synced record types (issue 11, point 5): per type the schema of the record
 * as a device stores it, the schema of the fields a mutation may carry, the Dutch word the UI
 * uses for it, and how it belongs to a client. Pure (zod and the domain only), shared by device
 * and server. Where each type lives on the device is the storage half (RECORD_TABELLEN in
 * src/storage/db.ts). Validation (validate.ts), the device's parsing at the sync edge
 * (sync/client/tabellen.ts), conflict resolution and the conflict screen's words all read this
 * map, and it is keyed by RecordType, so a new type cannot be added without all of them.
 */
import { z } from 'zod';
import { clientInvoerSchema, clientSchema, recordMetaSchema } from '../../domain/model/client.ts';
import { RECORD_TYPES, type RecordType } from '../../domain/model/record.ts';
import {
  doelSchema,
  doelVeldenSchema,
  naasteSchema,
  naasteVeldenSchema,
  planItemSchema,
  planItemServerVelden,
  planItemVeldenSchema,
  planSchema,
  planVeldenSchema,
  planVersieSchema,
} from '../../domain/plan/model.ts';
import {
  reviewCommentSchema,
  reviewCommentVeldenSchema,
  reviewSchema,
  reviewVeldenSchema,
} from '../../domain/plan/review.ts';
import { voorzieningInvoerSchema, voorzieningSchema } from '../../domain/sociale-kaart/model.ts';
import {
  zorgverzekeraarNaamInvoerSchema,
  zorgverzekeraarNaamSchema,
} from '../../domain/model/zorgverzekeraar.ts';
import { conflictFieldsSchema } from './wire.ts';

/**
 * A conflict as a record: the wire's conflict fields, its client, and the usual record meta.
 * `overwrittenBy` / `winningBy` are user ids (the UI compares them with its user for "Uw
 * waarde"); the server sends the display names along as `…ByNaam`, since the device has no user
 * directory. Optional: a conflict without them still reads.
 */
export const conflictRecordSchema = conflictFieldsSchema
  .extend({
    type: z.literal('conflict'),
    clientId: z.string().nullable(),
    overwrittenByNaam: z.string().optional(),
    winningByNaam: z.string().optional(),
  })
  .and(recordMetaSchema);
export type ConflictRecord = z.output<typeof conflictRecordSchema>;

/** What a registry entry needs of a schema: parse unknown input. */
export interface RecordSchema {
  safeParse(data: unknown): z.ZodSafeParseResult<unknown>;
}

type VeldenSchema = z.ZodObject<z.ZodRawShape>;

/**
 * How a record belongs to a client (the unit of access):
 * - `zelf`: it is the client (its id is the client id);
 * - `veld`: it names its client in a `clientId` field, which must be the client it belongs to;
 * - `via-plan`: through its `planId` (the plan's client);
 * - `via-record`: a conflict belongs to the client of the record it is about;
 * - `geen`: it belongs to no client (a sociale-kaart entry added on a device).
 */
export type ClientKoppeling = 'zelf' | 'veld' | 'via-plan' | 'via-record' | 'geen';

export interface RecordTypeInfo {
  /** The record as a device stores it (fields and record meta). */
  readonly record: RecordSchema;
  /** The fields a mutation may write; null for a conflict (only `resolved` may change). */
  readonly velden: VeldenSchema | null;
  /** What the UI calls one of them ("Naaste"), e.g. above a conflict. */
  readonly label: string;
  readonly client: ClientKoppeling;
}

/** Mirrors the domain's private `aangemaaktOp` (set once on create, sorts lists on every device). */
const aangemaaktOp = { aangemaaktOp: z.string().optional() };

export const RECORD_TYPE_INFO: { readonly [T in RecordType]: RecordTypeInfo } = {
  client: {
    record: clientSchema,
    velden: clientInvoerSchema,
    label: 'Gegevens van de cliënt',
    client: 'zelf',
  },
  naaste: {
    record: naasteSchema,
    velden: naasteVeldenSchema.extend(aangemaaktOp),
    label: 'Naaste',
    client: 'veld',
  },
  plan: {
    record: planSchema,
    velden: planVeldenSchema,
    label: 'Ondersteuningsplan',
    client: 'veld',
  },
  doel: {
    record: doelSchema,
    velden: doelVeldenSchema.extend(aangemaaktOp),
    label: 'Doel in het plan',
    client: 'via-plan',
  },
  planItem: {
    record: planItemSchema,
    velden: planItemVeldenSchema.extend({ ...aangemaaktOp, ...planItemServerVelden }),
    label: 'Onderdeel van het plan',
    client: 'via-plan',
  },
  planVersie: {
    record: planVersieSchema,
    velden: planVersieSchema.def.left.omit({ type: true }),
    label: 'Vastgestelde versie van het plan',
    client: 'via-plan',
  },
  voorziening: {
    record: voorzieningSchema,
    velden: voorzieningInvoerSchema,
    label: 'Sociale kaart',
    client: 'geen',
  },
  conflict: {
    record: conflictRecordSchema,
    velden: null,
    label: 'Keuze bij een conflict',
    client: 'via-record',
  },
  review: {
    record: reviewSchema,
    velden: reviewVeldenSchema,
    label: 'Review van het plan',
    client: 'veld',
  },
  reviewComment: {
    record: reviewCommentSchema,
    velden: reviewCommentVeldenSchema,
    label: 'Opmerking bij de review',
    client: 'via-plan',
  },
  zorgverzekeraar: {
    record: zorgverzekeraarNaamSchema,
    velden: zorgverzekeraarNaamInvoerSchema,
    label: 'Naam van een zorgverzekeraar',
    client: 'geen',
  },
};

/** The registry as a list, in RECORD_TYPES order. */
export const RECORD_TYPE_LIJST: readonly (RecordTypeInfo & { readonly type: RecordType })[] =
  RECORD_TYPES.map((type) => ({ type, ...RECORD_TYPE_INFO[type] }));

/** The types whose records belong to a client through the given link. */
export function typenMetKoppeling(koppeling: ClientKoppeling): readonly RecordType[] {
  return RECORD_TYPES.filter((t) => RECORD_TYPE_INFO[t].client === koppeling);
}

/** The Dutch word for a record type; a type this version does not know is "Onderdeel". */
export function recordLabel(type: string): string {
  return (RECORD_TYPES as readonly string[]).includes(type)
    ? RECORD_TYPE_INFO[type as RecordType].label
    : 'Onderdeel';
}
