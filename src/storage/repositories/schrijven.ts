/**
 * The one repository writer: a record and its outbox row, written together (guarantee 1,
 * docs/architecture.md). Every repository (clients, plans, doelen, naasten, plan items, reviews,
 * comments, the sociale kaart) writes through `schrijfRecord` / `verwijderRecord`, so the rules
 * below hold in one place:
 * - must run inside a Dexie transaction that holds the record's table, the outbox and meta
 *   (`enqueue` refuses otherwise);
 * - a create carries every field (absent → `null`), an update only the fields that changed, and an
 *   update that changes nothing writes nothing;
 * - the stored record is parsed with its domain schema before it is written;
 * - deletes are tombstones (`deleted: true`), so they sync and win over older edits elsewhere.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import type { RecordType } from '../../domain/model/record.ts';
import type { ArrangeurDB } from '../db.ts';
import { enqueue } from '../outbox.ts';
import { lees, type Schema } from './lezen.ts';
import {
  alleVelden,
  fout,
  fouten,
  gewijzigdeVelden,
  gezienPlafond,
  meta,
  zonderUndefined,
} from './velden.ts';

export interface WriteOptions {
  /** Who makes the change (user id); the server overrules it with the authenticated user. */
  updatedBy: string;
  /** Defaults to the device clock; only used for `updatedAt`, never for merge order. */
  now?: Date;
  /**
   * What the form showed per field when the user changed it (issue 11, point 2): a field whose
   * stored value has changed since (a synced value arrived while she typed) is written with the
   * revision the form showed as the base, so the server keeps the other value as a conflict.
   */
  gezien?: Gezien;
}

/** Per field: the value a form showed and the record's `rev` at that moment. */
export type Gezien = Readonly<
  Record<string, { readonly waarde: unknown; readonly rev: number | undefined }>
>;

/**
 * One reason a write was refused. `path` is the dotted field path ('inzet.omvang.eenheid', '' for
 * the whole record) so a form can put the message next to its field. `code` is set where the
 * domain gives one (vaststellen), for a UI that words it itself (docs/style.md 4).
 */
export interface PlanFout {
  path: string;
  message: string;
  code?: string;
}

export type Result<T> = { ok: true; record: T } | { ok: false; issues: PlanFout[] };

/** One reason a form's input was refused, with the path of its field (clients, sociale kaart). */
export interface InvoerFout {
  path: (string | number)[];
  message: string;
}

/** A zod error as `InvoerFout`s. */
export function invoerFouten(error: z.ZodError): InvoerFout[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}

/** The record meta every stored record carries. */
export type Meta = {
  id: string;
  rev?: number | undefined;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
};
export type Bewaard = Meta & { aangemaaktOp?: string | undefined };

/** What `schrijfRecord` writes: one record of one type, new (no `vorige`) or changed. */
export interface Schrijfopdracht<R extends Meta, Rij = R> {
  table: Table<Rij, string>;
  schema: Schema<R>;
  type: RecordType;
  /** The client the record belongs to (the server's unit of access); null for none. */
  clientId: string | null;
  /** The record's own fields: all of them go with a create. */
  velden: readonly string[];
  /** The fields an update may carry (default: `velden`). */
  wijzigbaar?: readonly string[] | undefined;
  /** The record's new field values. */
  gegevens: object;
  /** The stored record; undefined for a create. */
  vorige: R | undefined;
  /** The id of a new record (default: a device-made UUID). */
  id?: string | undefined;
  /** Fields fixed by the type (`herkomst: 'lokaal'`): in the record, and in the create. */
  vast?: Record<string, unknown> | undefined;
  /** Sets `aangemaaktOp` once, on the create, so every device sorts the same way. */
  aanmaakmoment?: boolean | undefined;
  /** The stored row of a record (search words, index mirrors); default: without undefined keys. */
  naarRij?: ((record: R) => Rij) | undefined;
  opts: WriteOptions;
  now: Date;
}

/** The record as written, and whether anything was written at all. */
export interface Geschreven<R> {
  record: R;
  gewijzigd: boolean;
}

/** Writes a create or an update with its mutation; see the rules at the top of this file. */
export async function schrijfRecord<R extends Bewaard, Rij = R>(
  db: ArrangeurDB,
  o: Schrijfopdracht<R, Rij>,
): Promise<Geschreven<R>> {
  const { vorige, now } = o;
  const id = vorige?.id ?? o.id ?? crypto.randomUUID();
  const fields = vorige
    ? gewijzigdeVelden(o.wijzigbaar ?? o.velden, vorige, o.gegevens)
    : { ...alleVelden(o.velden, o.gegevens), ...o.vast };
  if (vorige && Object.keys(fields).length === 0) return { record: vorige, gewijzigd: false };
  const aangemaaktOp = o.aanmaakmoment ? (vorige?.aangemaaktOp ?? now.toISOString()) : undefined;
  if (!vorige && aangemaaktOp) fields['aangemaaktOp'] = aangemaaktOp;
  const record = o.schema.parse({
    ...o.gegevens,
    ...o.vast,
    ...(aangemaaktOp ? { aangemaaktOp } : {}),
    ...meta(o.type, id, vorige, o.opts, now),
  });
  await o.table.put(naarRij(o.naarRij, record));
  await enqueue(db, {
    op: vorige ? 'update' : 'create',
    recordType: o.type,
    recordId: id,
    clientId: o.clientId,
    baseRev: vorige?.rev,
    gezienRev: gezienPlafond(o.opts.gezien, Object.keys(fields), vorige),
    fields,
    now,
  });
  return { record, gewijzigd: true };
}

/** What `verwijderRecord` writes: the tombstone of a stored record. */
export interface Verwijderopdracht<R extends Meta, Rij = R> {
  table: Table<Rij, string>;
  type: RecordType;
  clientId: string | null;
  rij: R;
  naarRij?: ((record: R) => Rij) | undefined;
  opts: WriteOptions;
  now: Date;
}

/** Writes the tombstone of a record and its delete mutation. */
export async function verwijderRecord<R extends Meta, Rij = R>(
  db: ArrangeurDB,
  o: Verwijderopdracht<R, Rij>,
): Promise<R> {
  const record: R = {
    ...o.rij,
    deleted: true,
    updatedAt: o.now.toISOString(),
    updatedBy: o.opts.updatedBy,
  };
  await o.table.put(o.naarRij ? o.naarRij(record) : (record as unknown as Rij));
  await enqueue(db, {
    op: 'delete',
    recordType: o.type,
    recordId: o.rij.id,
    clientId: o.clientId,
    baseRev: o.rij.rev,
    fields: {},
    deleted: true,
    now: o.now,
  });
  return record;
}

function naarRij<R extends object, Rij>(omzetten: ((r: R) => Rij) | undefined, record: R): Rij {
  return omzetten ? omzetten(record) : (zonderUndefined(record) as unknown as Rij);
}

/** A refused write: the reasons, each with the path of its field. */
export type Weigering = { ok: false; issues: PlanFout[] };

/**
 * What `bewaarRecord` saves: a form's input for one record, a create (no `id`, or an `id` not yet
 * stored) or an update. The steps are the same for every record a form edits (doelen, naasten,
 * plan items): parse the fields, read the stored record in the transaction, refuse a move to
 * another owner, run the record's own checks, write record and outbox row together.
 */
export interface Bewaaropdracht<S extends z.ZodObject, R extends Bewaard> {
  table: Table<R, string>;
  schema: Schema<R>;
  type: RecordType;
  /** The record's own fields: parses the input, and its keys go with a create. */
  veldenSchema: S;
  /** The tables the checks read; the record's table, the outbox and meta are added. */
  leest: readonly Table[];
  invoer: object & { id?: string | undefined };
  /** The field that ties the record to its owner (planId, clientId): an update may not change it. */
  eigenaar: { veld: keyof z.output<S> & keyof R & string; melding: string };
  /** Refusals the parsed input shows by itself, before anything is read. */
  vooraf?: ((gegevens: z.output<S>) => Weigering | undefined) | undefined;
  /** The checks against what is stored: the client the record belongs to, and what to write. */
  toets: (
    gegevens: z.output<S>,
    vorige: R | undefined,
  ) => Promise<Weigering | { ok: true; clientId: string; gegevens?: object }>;
  opts: WriteOptions;
}

/** Parses, checks and writes one record from a form (see `Bewaaropdracht`); safe offline. */
export async function bewaarRecord<S extends z.ZodObject, R extends Bewaard>(
  db: ArrangeurDB,
  o: Bewaaropdracht<S, R>,
): Promise<Result<R>> {
  const { id, ...rest } = o.invoer;
  const parsed = o.veldenSchema.safeParse(rest);
  if (!parsed.success) return fouten(zodFouten(parsed.error));
  const gegevens = parsed.data;
  const vooraf = o.vooraf?.(gegevens);
  if (vooraf) return vooraf;
  const now = o.opts.now ?? new Date();
  return db.transaction('rw', [...o.leest, o.table, db.outbox, db.meta], async () => {
    const vorige = await vorigeRij(o.table, o.schema, id);
    if (!vorige.ok) return vorige;
    const { veld, melding } = o.eigenaar;
    if (vorige.record && vorige.record[veld] !== gegevens[veld]) return fout(melding);
    const toets = await o.toets(gegevens, vorige.record);
    if (!toets.ok) return toets;
    const { record } = await schrijfRecord(db, {
      table: o.table,
      schema: o.schema,
      type: o.type,
      clientId: toets.clientId,
      velden: Object.keys(o.veldenSchema.shape),
      gegevens: toets.gegevens ?? gegevens,
      vorige: vorige.record,
      id,
      aanmaakmoment: true,
      opts: o.opts,
      now,
    });
    return { ok: true, record };
  });
}

/** What `verwijderBewaard` deletes: a living stored record, after the record's own checks. */
export interface Wisopdracht<R extends Meta, Rij extends Meta = R> {
  table: Table<Rij, string>;
  schema: Schema<R>;
  type: RecordType;
  id: string;
  /** The refusal when no living record has this id (default `RIJ_MELDING.nietGevonden`). */
  nietGevonden?: string | undefined;
  /** The tables the checks read; the record's table, the outbox and meta are added. */
  leest: readonly Table[];
  /** The checks against what is stored; gives the client the record belongs to. */
  toets: (rij: R) => Promise<Weigering | { ok: true; clientId: string }>;
  naarRij?: ((record: R) => Rij) | undefined;
  opts: WriteOptions;
}

/** Writes the tombstone of a living record and its delete mutation in one transaction. */
export async function verwijderBewaard<R extends Meta, Rij extends Meta = R>(
  db: ArrangeurDB,
  o: Wisopdracht<R, Rij>,
): Promise<Result<R>> {
  const now = o.opts.now ?? new Date();
  return db.transaction('rw', [...o.leest, o.table, db.outbox, db.meta], async () => {
    const opgeslagen = await o.table.get(o.id);
    const rij = opgeslagen && !opgeslagen.deleted ? lees(o.schema, opgeslagen) : undefined;
    if (!rij) return fout(o.nietGevonden ?? RIJ_MELDING.nietGevonden);
    const toets = await o.toets(rij);
    if (!toets.ok) return toets;
    const record = await verwijderRecord(db, {
      table: o.table,
      type: o.type,
      clientId: toets.clientId,
      rij,
      naarRij: o.naarRij,
      opts: o.opts,
      now,
    });
    return { ok: true, record };
  });
}

/** Messages of the shared lookups below. */
export const RIJ_MELDING = {
  verwijderd: 'Dit onderdeel is verwijderd.',
  nietGevonden: 'Dit onderdeel bestaat niet.',
} as const;

/** The stored record an `id` points at: none for a new record, refused when it was deleted. */
export async function vorigeRij<R extends Meta>(
  table: Table<R, string>,
  schema: Schema<R>,
  id: string | undefined,
  melding: { verwijderd: string; nietGevonden: string } = RIJ_MELDING,
): Promise<Result<R | undefined>> {
  if (id === undefined) return { ok: true, record: undefined };
  const rij = await table.get(id);
  if (!rij) return { ok: true, record: undefined };
  if (rij.deleted) return fout(melding.verwijderd);
  const record = lees(schema, rij);
  // An unreadable stored row is not overwritten: a later schema version migrates it.
  if (!record) return fout(melding.nietGevonden);
  return { ok: true, record };
}

/** Records in the order they were made (device-independent: aangemaaktOp, then id). */
export function opVolgorde<R extends Bewaard>(rijen: R[]): R[] {
  return rijen.sort(
    (a, b) =>
      (a.aangemaaktOp ?? a.updatedAt).localeCompare(b.aangemaaktOp ?? b.updatedAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * A zod error as refusals per dotted path, optionally under `prefix`; `meldingen` words a
 * field whose schema has no Dutch text of its own (keyed by the first path segment).
 */
export function zodFouten(
  error: z.ZodError,
  prefix?: string,
  meldingen: Readonly<Record<string, string>> = {},
): PlanFout[] {
  return error.issues.map((i) => ({
    path: [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.'),
    message: meldingen[String(i.path[0] ?? '')] ?? i.message,
  }));
}
