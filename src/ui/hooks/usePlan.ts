/**
 * Live queries over the plan repositories (docs/style.md 9): screens read the plan through these hooks and
 * write through the storage functions, never through Dexie directly. Each hook answers
 * `undefined` while loading, so a screen can tell "loading" from "empty".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Doel, Naaste, Plan, PlanItem, PlanVersie } from '../../domain/plan/model.ts';
import {
  getPlan,
  getPlanForClient,
  listDoelen,
  listNaasten,
  listPlanItems,
  listPlanVersies,
} from '../../storage/repositories/plans.ts';
import { useDb } from './useDb.tsx';

/** The client's plan; `null` when the client has none yet. */
export function usePlanForClient(clientId: string | undefined): Plan | null | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (clientId === undefined ? null : ((await getPlanForClient(db, clientId)) ?? null)),
    [db, clientId],
  );
}

/** One plan by id; `null` when it does not exist. */
export function usePlan(planId: string | undefined): Plan | null | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (planId === undefined ? null : ((await getPlan(db, planId)) ?? null)),
    [db, planId],
  );
}

export function useDoelen(planId: string | undefined): Doel[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (planId === undefined ? [] : listDoelen(db, planId)),
    [db, planId],
  );
}

export function useNaasten(clientId: string | undefined): Naaste[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (clientId === undefined ? [] : listNaasten(db, clientId)),
    [db, clientId],
  );
}

export function usePlanItems(planId: string | undefined): PlanItem[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (planId === undefined ? [] : listPlanItems(db, planId)),
    [db, planId],
  );
}

export function usePlanVersies(planId: string | undefined): PlanVersie[] | undefined {
  const db = useDb();
  return useLiveQuery(
    async () => (planId === undefined ? [] : listPlanVersies(db, planId)),
    [db, planId],
  );
}
