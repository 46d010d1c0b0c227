/**
 * The ondersteuningsplan on the device, gathered for the screens: one repository per record type
 * (plan.ts, doelen.ts, naasten.ts, plan-items.ts, plan-versies.ts), each writing through the one
 * writer in schrijven.ts (a record and its outbox row together). See plan.ts for what must stay
 * true.
 */
export { listPlans, plansMetEvaluatie } from './plan-lezen.ts';
export {
  bewerkbaarPlan,
  getOrCreatePlan,
  getPlan,
  getPlanForClient,
  MELDING,
  updatePlan,
  type PlanPatch,
} from './plan.ts';
export { deleteDoel, listDoelen, saveDoel } from './doelen.ts';
export { deleteNaaste, listNaasten, saveNaaste } from './naasten.ts';
export { deletePlanItem, getPlanItem, listPlanItems, savePlanItem } from './plan-items.ts';
export { listPlanVersies, nieuwConcept, stelPlanVast } from './plan-versies.ts';
export type { PlanFout, Result, WriteOptions } from './schrijven.ts';
