/**
 * Doelen of a plan on the device (see plan.ts for what must stay true for every plan record).
 */
import {
  doelSchema,
  doelVeldenSchema,
  type Doel,
  type DoelInvoer,
} from '../../domain/plan/model.ts';
import type { ArrangeurDB } from '../db.ts';
import { levend } from './lezen.ts';
import { bewerkbaarPlan, MELDING, verwijderUitPlan } from './plan.ts';
import {
  opVolgorde,
  schrijfRecord,
  vorigeRij,
  zodFouten,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import { fout, fouten } from './velden.ts';

const DOEL_VELDEN = Object.keys(doelVeldenSchema.shape);

/**
 * Creates a doel (no `id`, or an `id` not yet stored) or updates one. Refused on a vastgesteld
 * plan.
 *
 * Safe offline: the record and its outbox mutation (all fields on create, changed fields on
 * update) are written locally in one transaction; the id is a device-made UUID.
 */
export async function saveDoel(
  db: ArrangeurDB,
  invoer: DoelInvoer & { id?: string },
  opts: WriteOptions,
): Promise<Result<Doel>> {
  const { id, ...rest } = invoer;
  const parsed = doelVeldenSchema.safeParse(rest);
  if (!parsed.success) return fouten(zodFouten(parsed.error));
  const gegevens = parsed.data;
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.doelen, db.outbox, db.meta], async () => {
    const vorige = await vorigeRij(db.doelen, doelSchema, id);
    if (!vorige.ok) return vorige;
    if (vorige.record && vorige.record.planId !== gegevens.planId) return fout(MELDING.anderPlan);
    const plan = await bewerkbaarPlan(db, gegevens.planId);
    if (!plan.ok) return plan;
    const { record } = await schrijfRecord(db, {
      table: db.doelen,
      schema: doelSchema,
      type: 'doel',
      clientId: plan.record.clientId,
      velden: DOEL_VELDEN,
      gegevens,
      vorige: vorige.record,
      id,
      aanmaakmoment: true,
      opts,
      now,
    });
    return { ok: true, record };
  });
}

/**
 * Deletes a doel (tombstone). Refused on a vastgesteld plan. Items that named this doel keep the
 * id; readers treat a link to a deleted doel as no link (another device may link concurrently, so
 * a dangling link must be tolerated anyway).
 *
 * Safe offline: the tombstone and its delete mutation are written locally in one transaction.
 */
export async function deleteDoel(
  db: ArrangeurDB,
  id: string,
  opts: WriteOptions,
): Promise<Result<Doel>> {
  return verwijderUitPlan(db, db.doelen, doelSchema, 'doel', id, opts);
}

/** The living doelen of a plan, in the order they were made. */
export async function listDoelen(db: ArrangeurDB, planId: string): Promise<Doel[]> {
  return opVolgorde(levend(doelSchema, await db.doelen.where('planId').equals(planId).toArray()));
}
