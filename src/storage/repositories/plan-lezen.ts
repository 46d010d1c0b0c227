/**
 * Plan reads that need no routing code: kept apart from plans.ts so that the caseload (the first
 * screen after a cold start) does not load the routing rule table and the inzet catalog.
 */
import { planSchema, type Plan } from '../../domain/plan/model.ts';
import type { ArrangeurDB } from '../db.ts';
import { levend } from './lezen.ts';

/** Every living plan on the device (the caseload's status column reads them in one query). */
export async function listPlans(db: ArrangeurDB): Promise<Plan[]> {
  return levend(planSchema, await db.plans.toArray());
}

/**
 * Plans that have an evaluatiedatum, earliest first: the caseload decides with
 * `evaluatieStatus(plan, vandaag)` which are due. Reads the index only, so plans without a date
 * cost nothing.
 */
export async function plansMetEvaluatie(db: ArrangeurDB): Promise<Plan[]> {
  return levend(planSchema, await db.plans.orderBy('evaluatiedatum').toArray());
}
