/**
 * Plan overview hooks for the caseload. Kept apart from usePlan.ts because these read through
 * plan-lezen.ts, which does not pull the routing rules into the caseload's (cold start) chunk.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Plan } from '../../domain/plan/model.ts';
import { listPlans, plansMetEvaluatie } from '../../storage/repositories/plan-lezen.ts';
import { useDb } from './useDb.tsx';

/** Plans that have an evaluatiedatum (the caseload marks the due ones). */
export function usePlansMetEvaluatie(): Plan[] | undefined {
  const db = useDb();
  return useLiveQuery(() => plansMetEvaluatie(db), [db]);
}

/** Every living plan by client id, for the caseload's status column (one query, not one per row). */
export function usePlannenPerClient(): ReadonlyMap<string, Plan> | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const plannen = await listPlans(db);
    return new Map(plannen.map((p) => [p.clientId, p]));
  }, [db]);
}
