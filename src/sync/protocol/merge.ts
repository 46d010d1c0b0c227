/**
 * The per-field merge (docs/architecture.md, Sync guarantee 3). Pure: no I/O, no clock — the server
 * passes the new revision, the author and the time in. The server applies mutations one at a time
 * in its own order (the `rev` sequence); this function decides what one mutation does to one record.
 *
 * What must stay true:
 * - Server order decides, never device clocks: the mutation applied later wins a field.
 * - No edit is silently lost: a value that is overwritten by a write that did not see it comes back
 *   as a conflict (the overwritten value, who wrote it and when, and the winning value).
 * - Different fields never conflict: only the fields a mutation carries are touched.
 * - Writing the value a field already has changes nothing and is no conflict, so replaying a
 *   mutation directly after itself is a no-op even without the applied-ids set.
 *
 * "Did the writer see the value it overwrites?" is answered per field with a stamp
 * (`FieldStamp`): the value was seen when it was written at or before the mutation's `baseRev`
 * (the server revision the device last pulled), or by the same device — a device pushes in its
 * own order, so it always knew its own earlier writes. Without a `baseRev` (a record the device
 * never pulled) every differing field counts as unseen.
 *
 * Deletion (tombstone) against a concurrent edit — the tombstone wins, the edit is kept:
 * - edit applied after the delete: the record stays deleted and unchanged (the wire has no
 *   undelete); every field value that differs from the tombstone's comes back as a conflict
 *   (kind `edit-after-delete`, winningValue null = "deleted").
 * - delete applied after an edit the deleting device had not seen: the record is deleted, its
 *   fields keep every value (a tombstone is never emptied), and each unseen field comes back as a
 *   conflict (kind `delete-after-edit`, winningValue null), so the editor learns her edit went with
 *   the deletion.
 * Either order, the concurrent edit is visible as a conflict; the final state is a tombstone.
 */
import type { Mutation } from './mutation.ts';

/** Who last wrote a field, at which server revision, from which device, when. */
export interface FieldStamp {
  readonly rev: number;
  /** User id of the author. */
  readonly by: string;
  /** ISO time of the write, for display only — never used to order. */
  readonly at: string;
  readonly device: string;
}
export type FieldStamps = Readonly<Record<string, FieldStamp>>;

/** A stored record as the merge sees it. */
export interface MergeCurrent {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly fieldRevs: FieldStamps;
  readonly rev: number;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly deleted: boolean;
}

export type MergeMutation = Pick<Mutation, 'deviceId' | 'baseRev' | 'fields' | 'deleted'>;

export interface MergeContext {
  /** The revision this write gets if it changes the record (a fresh value of the server sequence). */
  readonly newRev: number;
  /** User id of the authenticated author (the server's, never the device's claim). */
  readonly by: string;
  readonly at: string;
}

export type ConflictKind = 'concurrent-edit' | 'edit-after-delete' | 'delete-after-edit';

/** One value that lost on server order; the server keeps it as a `conflict` record. */
export interface MergeConflict {
  readonly kind: ConflictKind;
  readonly field: string;
  readonly overwrittenValue: unknown;
  readonly overwrittenBy: string;
  readonly overwrittenAt: string;
  /** The device that wrote the overwritten value ('' when not known), so a person with two
   * tablets sees which one typed what (issue 11, point 4). */
  readonly overwrittenDevice: string;
  /** null for a deletion that won. */
  readonly winningValue: unknown;
  readonly winningBy: string;
  readonly winningAt: string;
  readonly winningDevice: string;
}

export interface MergeResult {
  readonly fields: Record<string, unknown>;
  readonly fieldRevs: Record<string, FieldStamp>;
  readonly deleted: boolean;
  /** Fields whose value this mutation changed (sorted). Empty + same `deleted` → nothing to write. */
  readonly changedFields: readonly string[];
  /** Whether the record must be written with `newRev`: a field changed or it became deleted. */
  readonly changed: boolean;
  readonly conflicts: readonly MergeConflict[];
}

/**
 * Applies one mutation to a record (`current` null: the record is new).
 * @returns the next state and the values that lost; never throws for any JSON input.
 */
export function mergeMutation(
  current: MergeCurrent | null,
  mutation: MergeMutation,
  ctx: MergeContext,
): MergeResult {
  const writer: FieldStamp = {
    rev: ctx.newRev,
    by: ctx.by,
    at: ctx.at,
    device: mutation.deviceId,
  };
  const incoming = Object.entries(mutation.fields);

  if (current === null) {
    // A new record: every field is written by this mutation; there is nothing to overwrite.
    return {
      fields: Object.fromEntries(incoming),
      fieldRevs: Object.fromEntries(incoming.map(([f]) => [f, writer])),
      deleted: mutation.deleted === true,
      changedFields: incoming.map(([f]) => f).sort(),
      changed: true,
      conflicts: [],
    };
  }

  const baseRev = mutation.baseRev ?? 0;
  const stampOf = (field: string): FieldStamp =>
    // A field without a stamp (written before stamps existed) counts as written with the record's
    // last change: conservative, it can only report a conflict too many, never one too few.
    current.fieldRevs[field] ?? {
      rev: current.rev,
      by: current.updatedBy,
      at: current.updatedAt,
      device: '',
    };
  const unseen = (stamp: FieldStamp) => stamp.rev > baseRev && stamp.device !== mutation.deviceId;
  const valueOf = (field: string): unknown =>
    Object.hasOwn(current.fields, field) ? current.fields[field] : null;

  if (current.deleted) {
    // The tombstone wins and stays as it is; what the edit tried to write is kept as conflicts.
    const conflicts: MergeConflict[] = incoming
      .filter(([f, value]) => !sameValue(valueOf(f), value))
      .map(([f, value]) => ({
        kind: 'edit-after-delete',
        field: f,
        overwrittenValue: value,
        overwrittenBy: ctx.by,
        overwrittenAt: ctx.at,
        overwrittenDevice: mutation.deviceId,
        winningValue: null,
        winningBy: current.updatedBy,
        winningAt: current.updatedAt,
        winningDevice: '',
      }));
    return {
      fields: { ...current.fields },
      fieldRevs: { ...current.fieldRevs },
      deleted: true,
      changedFields: [],
      changed: false,
      conflicts,
    };
  }

  // Object.fromEntries/defineProperty-free copies: a field literally named "__proto__" stays a
  // plain own property instead of changing the object's prototype.
  const fields = new Map(Object.entries(current.fields));
  const fieldRevs = new Map(Object.entries(current.fieldRevs));
  const changedFields: string[] = [];
  const conflicts: MergeConflict[] = [];

  for (const [field, value] of incoming) {
    const existing = valueOf(field);
    if (sameValue(existing, value)) continue;
    const stamp = stampOf(field);
    if (unseen(stamp)) {
      conflicts.push({
        kind: 'concurrent-edit',
        field,
        overwrittenValue: existing,
        overwrittenBy: stamp.by,
        overwrittenAt: stamp.at,
        overwrittenDevice: stamp.device,
        winningValue: value,
        winningBy: ctx.by,
        winningAt: ctx.at,
        winningDevice: mutation.deviceId,
      });
    }
    fields.set(field, value);
    fieldRevs.set(field, writer);
    changedFields.push(field);
  }

  const deletes = mutation.deleted === true;
  if (deletes) {
    const touched = new Set(changedFields);
    for (const [field, value] of fields) {
      if (touched.has(field) || value === null) continue;
      const stamp = stampOf(field);
      if (!unseen(stamp)) continue;
      conflicts.push({
        kind: 'delete-after-edit',
        field,
        overwrittenValue: value,
        overwrittenBy: stamp.by,
        overwrittenAt: stamp.at,
        overwrittenDevice: stamp.device,
        winningValue: null,
        winningBy: ctx.by,
        winningAt: ctx.at,
        winningDevice: mutation.deviceId,
      });
    }
  }

  return {
    fields: Object.fromEntries(fields),
    fieldRevs: Object.fromEntries(fieldRevs),
    deleted: deletes,
    changedFields: changedFields.sort(),
    changed: changedFields.length > 0 || deletes,
    conflicts,
  };
}

/**
 * Structural equality of JSON values as jsonb stores them: object key order does not matter,
 * array order does, and absent / undefined / null are the same "no value" (the device sends null
 * for a cleared field).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a ?? null) === (b ?? null);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameValue(v, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}
