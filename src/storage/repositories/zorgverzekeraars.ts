/**
 * Names of UZOVI codes the shipped list does not know (domain/model/zorgverzekeraar.ts): given
 * once on a device, synced to the server and every other device like any record. The record and
 * its outbox mutation are written in one transaction (guarantee 1).
 */
import { findZorgverzekeraar } from '../../domain/reference/index.ts';
import {
  zorgverzekeraarId,
  zorgverzekeraarNaamInvoerSchema,
  zorgverzekeraarNaamSchema,
  type ZorgverzekeraarNaam,
  type ZorgverzekeraarNaamInvoer,
} from '../../domain/model/zorgverzekeraar.ts';
import type { ArrangeurDB } from '../db.ts';
import { enqueue } from '../outbox.ts';
import type { InvoerFout, WriteOptions } from './clients.ts';

export type NoemResultaat =
  { ok: true; zorgverzekeraar: ZorgverzekeraarNaam } | { ok: false; issues: InvoerFout[] };

/**
 * Gives an unknown UZOVI code a name (or changes the name). A code of the shipped list keeps its
 * own name: naming it is refused.
 */
export async function noemZorgverzekeraar(
  db: ArrangeurDB,
  invoer: ZorgverzekeraarNaamInvoer,
  options: WriteOptions,
): Promise<NoemResultaat> {
  const parsed = zorgverzekeraarNaamInvoerSchema.safeParse(invoer);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      })),
    };
  }
  const { uzovi, naam } = parsed.data;
  if (findZorgverzekeraar(uzovi)) {
    return {
      ok: false,
      issues: [{ path: ['uzovi'], message: 'Deze zorgverzekeraar staat al in de lijst.' }],
    };
  }
  const now = options.now ?? new Date();
  const id = zorgverzekeraarId(uzovi);
  return db.transaction('rw', [db.zorgverzekeraars, db.outbox, db.meta], async () => {
    const rij = await db.zorgverzekeraars.get(id);
    if (rij && !rij.deleted && rij.naam === naam)
      return { ok: true, zorgverzekeraar: rij } as const;
    const record = zorgverzekeraarNaamSchema.parse({
      type: 'zorgverzekeraar',
      uzovi,
      naam,
      id,
      rev: rij?.rev,
      updatedAt: now.toISOString(),
      updatedBy: options.updatedBy,
      deleted: false,
    });
    await db.zorgverzekeraars.put(record);
    await enqueue(db, {
      op: rij ? 'update' : 'create',
      recordType: 'zorgverzekeraar',
      recordId: id,
      clientId: null,
      baseRev: rij?.rev,
      fields: rij ? { naam } : { uzovi, naam },
      now,
    });
    return { ok: true, zorgverzekeraar: record } as const;
  });
}

/** Every named code on this device, by code. */
export async function zorgverzekeraarNamen(db: ArrangeurDB): Promise<ZorgverzekeraarNaam[]> {
  const rijen = await db.zorgverzekeraars.toArray();
  return rijen
    .filter((r) => !r.deleted)
    .map((r) => zorgverzekeraarNaamSchema.safeParse(r))
    .flatMap((r) => (r.success ? [r.data] : []))
    .sort((a, b) => a.uzovi.localeCompare(b.uzovi));
}
