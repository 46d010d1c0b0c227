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
import { bewaarRecord, opVolgorde, type Result, type WriteOptions } from './schrijven.ts';

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
  return bewaarRecord(db, {
    table: db.doelen,
    schema: doelSchema,
    type: 'doel',
    veldenSchema: doelVeldenSchema,
    leest: [db.plans],
    invoer,
    eigenaar: { veld: 'planId', melding: MELDING.anderPlan },
    toets: async (gegevens) => {
      const plan = await bewerkbaarPlan(db, gegevens.planId);
      return plan.ok ? { ok: true, clientId: plan.record.clientId } : plan;
    },
    opts,
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
