/**
 * The plan record on the device. A plan, its doelen, the client's naasten, the plan items and the
 * read-only versions are each their own small record (docs/architecture.md, Data), so autosave of
 * one field writes one record and two people editing different parts never collide. Each record
 * type has its own repository file (plan.ts, doelen.ts, naasten.ts, plan-items.ts,
 * plan-versies.ts); plans.ts gathers them for the screens.
 *
 * What must stay true here:
 * - Input is parsed with the domain schemas before anything is written (docs/style.md 12); stored
 *   rows are parsed again on the way out, so the UI never sees a shape the domain would reject.
 * - Every write and its outbox row happen in ONE Dexie transaction through `schrijfRecord`
 *   (guarantee 1, docs/style.md 7); a write that fails halfway leaves nothing behind. Anything
 *   computed (routing, ladder) is computed inside that transaction from what it read.
 * - A vastgesteld plan is read-only: changes go through `nieuwConcept` (issue 4, point 6).
 */
import { planIdVoorClient } from '../../domain/model/ids.ts';
import {
  planSchema,
  planVeldenSchema,
  type Plan,
  type PlanVeldenInvoer,
} from '../../domain/plan/model.ts';
import { isReadOnly } from '../../domain/plan/status.ts';
import type { ArrangeurDB } from '../db.ts';
import { getClient } from './clients.ts';
import { lees } from './lezen.ts';
import type { Table } from 'dexie';
import type { RecordType } from '../../domain/model/record.ts';
import type { Schema } from './lezen.ts';
import {
  schrijfRecord,
  verwijderBewaard,
  zodFouten,
  type Meta,
  type Result,
  type WriteOptions,
} from './schrijven.ts';
import { fout, fouten, veldenVan } from './velden.ts';

/** Plan fields the editor may change. Status, versie and vastgesteldOp move only through
 * `stelPlanVast` / `nieuwConcept`; a plan never moves to another client. */
export type PlanPatch = Partial<
  Omit<PlanVeldenInvoer, 'clientId' | 'status' | 'versie' | 'vastgesteldOp'>
>;

export const PLAN_VELDEN = Object.keys(planVeldenSchema.shape);
const VASTE_PLAN_VELDEN = ['clientId', 'status', 'versie', 'vastgesteldOp'];

export const MELDING = {
  planOnbekend: 'Dit plan bestaat niet.',
  clientOnbekend: 'Deze cliënt bestaat niet (meer).',
  alleenLezen:
    'Dit plan is vastgesteld en kan niet meer veranderen. Maak een nieuw concept om iets aan te passen.',
  verwijderd: 'Dit onderdeel is verwijderd.',
  nietGevonden: 'Dit onderdeel bestaat niet.',
  anderPlan: 'Dit onderdeel hoort bij een ander plan.',
  andereClient: 'Deze naaste hoort bij een andere cliënt.',
  doelHoortNiet: 'Kies een doel uit dit plan.',
  naasteHoortNiet: 'Kies een naaste van deze cliënt.',
  overrideZonderInzet: 'Een andere financiering kiezen kan alleen bij een inzet.',
  alConcept: 'Dit plan is al een concept.',
  vastVeld: 'Dit veld verandert alleen via vaststellen of een nieuw concept.',
} as const;

/**
 * The client's plan; when she has none yet, a new concept (versie 1) is made. One plan per client:
 * the unique `clientId` index makes a second one impossible on this device. Throws when the
 * client does not exist, since a plan without a client is a programming error, not user input.
 *
 * Safe offline: a new plan and its create mutation are written locally in one transaction; its id
 * is derived from the client's (planIdVoorClient), so a plan started on two devices offline is
 * one record on the server. An existing plan is only read.
 */
export async function getOrCreatePlan(
  db: ArrangeurDB,
  clientId: string,
  opts: WriteOptions,
): Promise<Plan> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.clients, db.outbox, db.meta], async () => {
    const bestaand = await db.plans.where('clientId').equals(clientId).first();
    if (bestaand) {
      const plan = lees(planSchema, bestaand);
      if (plan) return plan;
      throw new Error(`Het plan van cliënt ${clientId} voldoet niet aan het schema.`);
    }
    if (!(await getClient(db, clientId))) throw new Error(MELDING.clientOnbekend);
    // Every field, null included (so each has a stamp on the server). When another device
    // started the same plan (same derived id), a value she already wrote that this create
    // overwrites with null is kept as a conflict, never lost.
    const { record } = await schrijfRecord(db, {
      table: db.plans,
      schema: planSchema,
      type: 'plan',
      clientId,
      velden: PLAN_VELDEN,
      gegevens: { clientId, status: 'concept', versie: 1, akkoord: null },
      vorige: undefined,
      // Derived from the client: two devices starting the plan offline make the same record.
      id: planIdVoorClient(clientId),
      opts,
      now,
    });
    return record;
  });
}

export async function getPlan(db: ArrangeurDB, id: string): Promise<Plan | undefined> {
  const rij = await db.plans.get(id);
  return rij && !rij.deleted ? lees(planSchema, rij) : undefined;
}

export async function getPlanForClient(
  db: ArrangeurDB,
  clientId: string,
): Promise<Plan | undefined> {
  const rij = await db.plans.where('clientId').equals(clientId).first();
  return rij && !rij.deleted ? lees(planSchema, rij) : undefined;
}

/**
 * Changes plan fields (hulpvraag, ladderToelichting, akkoord, evaluatiedatum). The merged record
 * is validated as a whole; a vastgesteld plan refuses every change.
 *
 * Safe offline: the record and an update mutation with only the changed fields are written
 * locally in one transaction; the per-field mutation merges on the server with edits from other
 * devices.
 */
export async function updatePlan(
  db: ArrangeurDB,
  planId: string,
  patch: PlanPatch,
  opts: WriteOptions,
): Promise<Result<Plan>> {
  const vast = Object.keys(patch).filter((k) => VASTE_PLAN_VELDEN.includes(k));
  if (vast.length > 0) return fouten(vast.map((path) => ({ path, message: MELDING.vastVeld })));
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.outbox, db.meta], async () => {
    const vorige = await bewerkbaarPlan(db, planId);
    if (!vorige.ok) return vorige;
    const plan = vorige.record;
    const parsed = planVeldenSchema.safeParse({ ...veldenVan(PLAN_VELDEN, plan), ...patch });
    if (!parsed.success) return fouten(zodFouten(parsed.error));
    return schrijfPlan(db, plan, parsed.data, opts, now);
  });
}

/** Writes the plan's new fields with its update mutation. In a transaction (plans, outbox, meta). */
export async function schrijfPlan(
  db: ArrangeurDB,
  plan: Plan,
  gegevens: object,
  opts: WriteOptions,
  now: Date,
  wijzigbaar?: readonly string[],
): Promise<{ ok: true; record: Plan }> {
  const { record } = await schrijfRecord(db, {
    table: db.plans,
    schema: planSchema,
    type: 'plan',
    clientId: plan.clientId,
    velden: PLAN_VELDEN,
    wijzigbaar,
    gegevens,
    vorige: plan,
    opts,
    now,
  });
  return { ok: true, record };
}

/** The plan, if it exists and may change. */
export async function bewerkbaarPlan(db: ArrangeurDB, planId: string): Promise<Result<Plan>> {
  const plan = await getPlan(db, planId);
  if (!plan) return fout(MELDING.planOnbekend, 'planId');
  if (isReadOnly(plan)) return fout(MELDING.alleenLezen);
  return { ok: true, record: plan };
}

/**
 * Deletes a record of a plan (a doel, a plan item) as a tombstone with its delete mutation, in one
 * transaction. Refused on a vastgesteld plan.
 */
export async function verwijderUitPlan<R extends Meta & { planId: string }>(
  db: ArrangeurDB,
  table: Table<R, string>,
  schema: Schema<R>,
  type: RecordType,
  id: string,
  opts: WriteOptions,
): Promise<Result<R>> {
  return verwijderBewaard(db, {
    table,
    schema,
    type,
    id,
    leest: [db.plans],
    toets: async ({ planId }) => {
      const plan = await bewerkbaarPlan(db, planId);
      return plan.ok ? { ok: true, clientId: plan.record.clientId } : plan;
    },
    opts,
  });
}
