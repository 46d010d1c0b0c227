/**
 * Conflicts on the device (docs/architecture.md, Sync 3): the server keeps the value a later write
 * overwrote as a `conflict` record; it arrives with the pull and stays open until someone
 * chooses. The choice is itself an ordinary synced change, so every device (and the server)
 * learns it the same way as any edit.
 *
 * Wording for the UI: the record now holds the `winning` value. `behouden` keeps it; `andere`
 * writes the `overwritten` value back. Which of the two is "Uw waarde" depends on who is looking
 * (compare the user ids `overwrittenBy` / `winningBy` with the user); the other is "Waarde van
 * <overwrittenByNaam | winningByNaam>, <…At>".
 */
import type { ArrangeurDB, ConflictRow } from '../../storage/db.ts';
import { enqueue } from '../../storage/outbox.ts';
import { recordTypeSchema } from '../../domain/model/record.ts';
import {
  conflictRecordSchema,
  naarOpslag,
  parseMetHerstel,
  SCHEMA,
  syncTabellen,
  tabel,
  zonderLokaleSleutels,
} from './tabellen.ts';

/** The Dutch word for a record type (the registry's label), for the conflicts screen. */
export { recordLabel } from '../protocol/record-typen.ts';

export type ConflictKeuze = 'behouden' | 'andere';

export type ResolveResult = { ok: true } | { ok: false; reden: string };

export const CONFLICT_MELDING = {
  onbekend: 'Dit conflict bestaat niet (meer) op dit apparaat.',
  alOpgelost: 'Dit conflict is al opgelost.',
  recordWeg: 'Het onderdeel van dit conflict staat niet (meer) op dit apparaat.',
  ongeldig: 'De andere waarde past niet meer in dit onderdeel en kan niet worden teruggezet.',
} as const;

/** Open conflicts, oldest first, parsed at the edge (a malformed row is hidden, not deleted). */
export async function listOpenConflicts(db: ArrangeurDB): Promise<ConflictRow[]> {
  const rijen = await db.conflicts.where('openstaand').equals(1).toArray();
  return rijen
    .filter((r) => !r.deleted && conflictRecordSchema.safeParse(r).success)
    .sort((a, b) => a.winningAt.localeCompare(b.winningAt) || a.id.localeCompare(b.id));
}

/** Open conflicts of one record (to mark its fields in an editor). */
export async function conflictsVanRecord(
  db: ArrangeurDB,
  recordId: string,
): Promise<ConflictRow[]> {
  const rijen = await db.conflicts.where('recordId').equals(recordId).toArray();
  return rijen.filter((r) => r.openstaand === 1 && !r.deleted);
}

export async function openConflictCount(db: ArrangeurDB): Promise<number> {
  return db.conflicts.where('openstaand').equals(1).count();
}

/**
 * Resolves a conflict: marks it resolved (a mutation on the conflict record) and, for `andere`,
 * writes the overwritten value back into the record's field (a mutation on that record, sent
 * first). The record is checked against its domain schema before anything is written; all of it
 * happens in one transaction or not at all.
 *
 * Safe offline: both changes and their outbox rows are written locally in one transaction and
 * pushed whenever the device is online; the field write merges on the server like any edit.
 */
export async function resolveConflict(
  db: ArrangeurDB,
  conflictId: string,
  keuze: ConflictKeuze,
  opts: { updatedBy: string; now?: Date },
): Promise<ResolveResult> {
  const now = opts.now ?? new Date();
  const stempel = { updatedAt: now.toISOString(), updatedBy: opts.updatedBy };
  return db.transaction(
    'rw',
    // Every synced table (from the registry): the record of any type may be written back.
    [...syncTabellen(db), db.outbox, db.meta],
    async (): Promise<ResolveResult> => {
      const conflict = await db.conflicts.get(conflictId);
      if (!conflict || conflict.deleted) return { ok: false, reden: CONFLICT_MELDING.onbekend };
      if (conflict.resolved) return { ok: false, reden: CONFLICT_MELDING.alOpgelost };

      if (keuze === 'andere') {
        const type = recordTypeSchema.safeParse(conflict.recordType);
        if (!type.success || type.data === 'conflict') {
          return { ok: false, reden: CONFLICT_MELDING.recordWeg };
        }
        const table = tabel(db, type.data);
        const rij = await table.get(conflict.recordId);
        if (!rij || rij.deleted) return { ok: false, reden: CONFLICT_MELDING.recordWeg };
        const kandidaat: Record<string, unknown> = {
          ...zonderLokaleSleutels(rij),
          [conflict.field]: conflict.overwrittenValue,
          ...stempel,
        };
        const parsed = parseMetHerstel(SCHEMA[type.data], kandidaat);
        if (!parsed.success) return { ok: false, reden: CONFLICT_MELDING.ongeldig };
        await table.put(naarOpslag(type.data, parsed.data));
        await enqueue(db, {
          op: 'update',
          recordType: type.data,
          recordId: conflict.recordId,
          clientId: conflict.clientId,
          baseRev: rij.rev,
          fields: { [conflict.field]: conflict.overwrittenValue ?? null },
          now,
        });
      }

      await db.conflicts.put({ ...conflict, ...stempel, resolved: true, openstaand: 0 });
      await enqueue(db, {
        op: 'update',
        recordType: 'conflict',
        recordId: conflict.id,
        clientId: conflict.clientId,
        baseRev: conflict.rev,
        fields: { resolved: true },
        now,
      });
      return { ok: true };
    },
  );
}
