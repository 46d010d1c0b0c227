/**
 * Vaststellen and the read-only plan versions on the device (see plan.ts for what must stay true
 * for every plan record).
 */
import { isoDateSchema } from '../../domain/model/dates.ts';
import { ladderStand } from '../../domain/plan/ladder.ts';
import { planVersieSchema, type Plan, type PlanVersie } from '../../domain/plan/model.ts';
import { reviewSchema } from '../../domain/plan/review.ts';
import {
  maakNieuwConcept,
  reviewStand,
  stelVast,
  VASTSTEL_REDEN_TEKST,
} from '../../domain/plan/status.ts';
import type { ArrangeurDB } from '../db.ts';
import { listDoelen } from './doelen.ts';
import { levend } from './lezen.ts';
import { listNaasten } from './naasten.ts';
import { getPlan, MELDING, schrijfPlan } from './plan.ts';
import { listPlanItems } from './plan-items.ts';
import { schrijfRecord, zodFouten, type Result, type WriteOptions } from './schrijven.ts';
import { fout, fouten } from './velden.ts';

const VERSIE_VELDEN = ['planId', 'versie', 'vastgesteldOp', 'inhoud'];

/**
 * concept (or ter-review once the latest review of this versie says akkoord) → vastgesteld on
 * `vandaag`: needs the client's akkoord (datum, wijze, door), an
 * evaluatiedatum, and the ladder reason when professional inzet skips a rung (status.ts). Writes
 * the plan's new status and a read-only `planVersie` snapshot of the plan with its doelen, naasten
 * and items.
 *
 * Safe offline: the plan update, the snapshot and both outbox mutations are written locally in
 * one transaction, so there is never a vastgesteld plan without its snapshot or the reverse.
 */
export async function stelPlanVast(
  db: ArrangeurDB,
  planId: string,
  opts: WriteOptions & { vandaag: string },
): Promise<Result<Plan>> {
  const vandaag = isoDateSchema.safeParse(opts.vandaag);
  if (!vandaag.success) return fouten(zodFouten(vandaag.error, 'vandaag'));
  const now = opts.now ?? new Date();
  return db.transaction(
    'rw',
    [db.plans, db.doelen, db.naasten, db.planItems, db.planVersies, db.reviews, db.outbox, db.meta],
    async () => {
      const plan = await getPlan(db, planId);
      if (!plan) return fout(MELDING.planOnbekend);
      const [doelen, naasten, items, reviews] = await Promise.all([
        listDoelen(db, planId),
        listNaasten(db, plan.clientId),
        listPlanItems(db, planId),
        db.reviews.where('planId').equals(planId).toArray(),
      ]);
      // A plan ter review may be vastgesteld once the reviewer said akkoord on this versie.
      const review = reviewStand(levend(reviewSchema, reviews), [], plan.versie, plan.status);
      const overgang = stelVast(
        plan,
        vandaag.data,
        ladderStand({ plan, doelen, items, naasten }),
        review,
      );
      if (!overgang.ok) {
        return fouten(
          overgang.redenen.map((code) => ({
            path: VASTSTEL_REDEN_TEKST[code].veld,
            message: VASTSTEL_REDEN_TEKST[code].tekst,
            code,
          })),
        );
      }
      const opgeslagen = await schrijfPlan(db, plan, overgang.plan, opts, now);
      await schrijfRecord(db, {
        table: db.planVersies,
        schema: planVersieSchema,
        type: 'planVersie',
        clientId: plan.clientId,
        velden: VERSIE_VELDEN,
        gegevens: {
          planId,
          versie: plan.versie,
          vastgesteldOp: vandaag.data,
          inhoud: { plan: opgeslagen.record, doelen, naasten, items },
        },
        vorige: undefined,
        opts,
        now,
      });
      return opgeslagen;
    },
  );
}

/**
 * A vastgesteld plan becomes a new concept (versie + 1, akkoord cleared) so it can change again.
 * The snapshot of the previous version stays as it was.
 *
 * Safe offline: the plan and an update mutation with only the changed fields are written locally
 * in one transaction.
 */
export async function nieuwConcept(
  db: ArrangeurDB,
  planId: string,
  opts: WriteOptions,
): Promise<Result<Plan>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.outbox, db.meta], async () => {
    const plan = await getPlan(db, planId);
    if (!plan) return fout(MELDING.planOnbekend);
    const overgang = maakNieuwConcept(plan);
    if (!overgang.ok)
      return fouten([{ path: 'status', message: MELDING.alConcept, code: 'al-concept' }]);
    return schrijfPlan(db, plan, overgang.plan, opts, now);
  });
}

/** The snapshots of this plan, oldest version first. */
export async function listPlanVersies(db: ArrangeurDB, planId: string): Promise<PlanVersie[]> {
  const rijen = await db.planVersies.where('planId').equals(planId).toArray();
  return levend(planVersieSchema, rijen).sort((a, b) => a.versie - b.versie);
}
