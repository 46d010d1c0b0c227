/**
 * One field of the plan record as an autosave form of its own (hulpvraag, ladderToelichting,
 * akkoord, evaluatiedatum): each saves only its field with an update of the plan, reports to the
 * screen's "Opgeslagen", follows the stored plan, and is read-only when the plan is.
 */
import type { z } from 'zod';
import { updatePlan, type PlanPatch } from '../../../storage/repositories/plans.ts';
import { useAutosaveForm } from '../../hooks/useAutosave.ts';
import { useDb, useUserId } from '../../hooks/useDb.tsx';
import { useOpslagMelder } from './opslag.tsx';
import type { StapData } from './PlanEditorScreen.tsx';

export function usePlanVeldForm<
  K extends keyof PlanPatch & string,
  V,
  S extends z.ZodType<Partial<Record<K, unknown>>>,
>(data: StapData, veld: K, schema: S, beginwaarde: V) {
  const db = useDb();
  const updatedBy = useUserId();
  const melder = useOpslagMelder();
  return useAutosaveForm<Record<K, V>, S>(
    schema,
    { [veld]: beginwaarde } as Record<K, V>,
    (v, { gezien }) =>
      updatePlan(db, data.plan.id, { [veld]: v[veld] } as PlanPatch, { updatedBy, gezien }),
    { ...melder, disabled: data.alleenLezen, bron: { record: data.plan } },
  );
}
