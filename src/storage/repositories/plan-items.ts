/**
 * Plan items on the device, with the routing decision of their inzet (see plan.ts for what must
 * stay true for every plan record).
 */
import { vandaagIn } from '../../domain/model/dates.ts';
import { inzetSchema } from '../../domain/model/inzet.ts';
import {
  planItemSchema,
  planItemVeldenSchema,
  type PlanItem,
  type PlanItemInvoer,
} from '../../domain/plan/model.ts';
import { probeerRouteerPlanItem, zelfdeBesluit } from '../../domain/plan/routering.ts';
import type { ArrangeurDB } from '../db.ts';
import { getClient } from './clients.ts';
import { lees, levend } from './lezen.ts';
import { bewerkbaarPlan, MELDING, verwijderUitPlan } from './plan.ts';
import {
  bewaarRecord,
  opVolgorde,
  zodFouten,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import { fout, fouten } from './velden.ts';

/**
 * Creates or updates a plan item and stores the routing decision for its inzet (routering.ts),
 * computed from the client as stored now, on the inzet's start date or else on `vandaag`. Any
 * `routering` in the input is ignored: only routing writes it. An inzet that cannot be routed
 * (unknown code, wrong unit, a date before the rule table) is refused with the reason, and nothing
 * is written. Refused on a vastgesteld plan.
 *
 * Safe offline: routing is pure and runs on the device; the record and its outbox mutation are
 * written locally in one transaction.
 */
export async function savePlanItem(
  db: ArrangeurDB,
  invoer: PlanItemInvoer & { id?: string },
  opts: WriteOptions & { vandaag?: string },
): Promise<Result<PlanItem>> {
  const { routering: _genegeerd, ...rest } = invoer;
  const vandaag = opts.vandaag ?? vandaagIn(opts.now ?? new Date());
  return bewaarRecord(db, {
    table: db.planItems,
    schema: planItemSchema,
    type: 'planItem',
    veldenSchema: planItemVeldenSchema,
    leest: [db.plans, db.clients, db.doelen, db.naasten],
    invoer: rest,
    eigenaar: { veld: 'planId', melding: MELDING.anderPlan },
    vooraf: (gegevens) => {
      if (gegevens.override && !gegevens.inzet)
        return fout(MELDING.overrideZonderInzet, 'override');
      if (!gegevens.inzet) return undefined;
      // Parsed here first for field-level messages ('inzet.omvang.eenheid'); routing repeats it.
      const inzet = inzetSchema.safeParse(gegevens.inzet);
      return inzet.success ? undefined : fouten(zodFouten(inzet.error, 'inzet'));
    },
    toets: async (gegevens, vorige) => {
      const planR = await bewerkbaarPlan(db, gegevens.planId);
      if (!planR.ok) return planR;
      const plan = planR.record;
      if (gegevens.doelId) {
        const doel = await db.doelen.get(gegevens.doelId);
        if (!doel || doel.deleted || doel.planId !== plan.id)
          return fout(MELDING.doelHoortNiet, 'doelId');
      }
      if (gegevens.naasteId) {
        const naaste = await db.naasten.get(gegevens.naasteId);
        if (!naaste || naaste.deleted || naaste.clientId !== plan.clientId)
          return fout(MELDING.naasteHoortNiet, 'naasteId');
      }
      const client = await getClient(db, plan.clientId);
      if (!client) return fout(MELDING.clientOnbekend);
      const routing = probeerRouteerPlanItem(client, gegevens, vandaag);
      if (!routing.ok) return fout(routing.fout, 'inzet');
      const oud = vorige?.routering;
      const routering =
        routing.routering && oud && zelfdeBesluit(oud, routing.routering)
          ? oud
          : (routing.routering ?? undefined);
      return { ok: true, clientId: plan.clientId, gegevens: { ...gegevens, routering } };
    },
    opts,
  });
}

/**
 * Deletes a plan item (tombstone). Refused on a vastgesteld plan.
 *
 * Safe offline: the tombstone and its delete mutation are written locally in one transaction.
 */
export async function deletePlanItem(
  db: ArrangeurDB,
  id: string,
  opts: WriteOptions,
): Promise<Result<PlanItem>> {
  return verwijderUitPlan(db, db.planItems, planItemSchema, 'planItem', id, opts);
}

export async function getPlanItem(db: ArrangeurDB, id: string): Promise<PlanItem | undefined> {
  const rij = await db.planItems.get(id);
  return rij && !rij.deleted ? lees(planItemSchema, rij) : undefined;
}

/** The living items of a plan, in the order they were made (the ladder groups them by `stap`). */
export async function listPlanItems(db: ArrangeurDB, planId: string): Promise<PlanItem[]> {
  return opVolgorde(
    levend(planItemSchema, await db.planItems.where('planId').equals(planId).toArray()),
  );
}
