/**
 * The ondersteuningsplan on the device: the plan, its doelen, the client's naasten, the plan
 * items and the read-only versions. Each is its own small record (docs/architecture.md, Data), so
 * autosave of one field writes one record and two people editing different parts never collide.
 *
 * What must stay true here:
 * - Input is parsed with the domain schemas before anything is written (docs/style.md 12); stored rows are
 *   parsed again on the way out, so the UI never sees a shape the domain would reject.
 * - Every write and its outbox row happen in ONE Dexie transaction (guarantee 1, docs/style.md 7); a write
 *   that fails halfway leaves nothing behind. Anything computed (routing, ladder) is computed
 *   inside that transaction from what it read, never from a stale copy.
 * - An update mutation carries only the fields that changed; an update that changes nothing writes
 *   nothing.
 * - A vastgesteld plan is read-only: changes go through `nieuwConcept` (issue 4, point 6).
 * - Deletes are tombstones (`deleted: true`), so they sync and win over older edits elsewhere.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { isoDateSchema } from '../../domain/model/dates.ts';
import { planIdVoorClient } from '../../domain/model/ids.ts';
import type { RecordType } from '../../domain/model/record.ts';
import { inzetSchema } from '../../domain/model/inzet.ts';
import { ladderStand } from '../../domain/plan/ladder.ts';
import {
  doelSchema,
  doelVeldenSchema,
  naasteSchema,
  naasteVeldenSchema,
  planItemSchema,
  planItemVeldenSchema,
  planSchema,
  planVeldenSchema,
  planVersieSchema,
  type Doel,
  type DoelInvoer,
  type Naaste,
  type NaasteInvoer,
  type Plan,
  type PlanItem,
  type PlanItemInvoer,
  type PlanVeldenInvoer,
  type PlanVersie,
} from '../../domain/plan/model.ts';
import { probeerRouteerPlanItem, zelfdeBesluit } from '../../domain/plan/routering.ts';
import { reviewSchema } from '../../domain/plan/review.ts';
import {
  isReadOnly,
  maakNieuwConcept,
  reviewStand,
  stelVast,
  VASTSTEL_REDEN_TEKST,
} from '../../domain/plan/status.ts';
import type { ArrangeurDB } from '../db.ts';
import { enqueue } from '../outbox.ts';
import { getClient, type WriteOptions } from './clients.ts';
import { levend, lees, type Schema } from './lezen.ts';
import {
  alleVelden,
  fout,
  fouten,
  gewijzigdeVelden,
  gezienPlafond,
  meta,
  veldenVan,
  zonderUndefined,
} from './velden.ts';

// Reads without routing (the caseload's cold start must not load the rule table).
export { listPlans, plansMetEvaluatie } from './plan-lezen.ts';

export type { WriteOptions };

/**
 * One reason a write was refused. `path` is the dotted field path ('inzet.omvang.eenheid', '' for
 * the whole record) so a form can put the message next to its field. `code` is set where the
 * domain gives one (vaststellen), for a UI that words it itself (docs/style.md 4).
 */
export interface PlanFout {
  path: string;
  message: string;
  code?: string;
}

export type Result<T> = { ok: true; record: T } | { ok: false; issues: PlanFout[] };

/** Plan fields the editor may change. Status, versie and vastgesteldOp move only through
 * `stelPlanVast` / `nieuwConcept`; a plan never moves to another client. */
export type PlanPatch = Partial<
  Omit<PlanVeldenInvoer, 'clientId' | 'status' | 'versie' | 'vastgesteldOp'>
>;

const PLAN_VELDEN = Object.keys(planVeldenSchema.shape);
const DOEL_VELDEN = Object.keys(doelVeldenSchema.shape);
const NAASTE_VELDEN = Object.keys(naasteVeldenSchema.shape);
const ITEM_VELDEN = [...Object.keys(planItemVeldenSchema.shape)];
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

// ---------------------------------------------------------------------------------------------
// Plan

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
    const plan = planSchema.parse({
      clientId,
      status: 'concept',
      versie: 1,
      akkoord: null,
      // Derived from the client: two devices starting the plan offline make the same record.
      ...meta('plan', planIdVoorClient(clientId), undefined, opts, now),
    });
    await db.plans.add(zonderUndefined(plan));
    await enqueue(db, {
      op: 'create',
      recordType: 'plan',
      recordId: plan.id,
      clientId,
      // Every field, null included (so each has a stamp on the server). When another device
      // started the same plan (same derived id), a value she already wrote that this create
      // overwrites with null is kept as a conflict, never lost.
      fields: alleVelden(PLAN_VELDEN, plan),
      now,
    });
    return plan;
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
    return schrijf(
      db,
      db.plans,
      planSchema,
      'plan',
      plan.clientId,
      PLAN_VELDEN,
      parsed.data,
      plan,
      opts,
      now,
    );
  });
}

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
      const opgeslagen = await schrijf(
        db,
        db.plans,
        planSchema,
        'plan',
        plan.clientId,
        PLAN_VELDEN,
        overgang.plan,
        plan,
        opts,
        now,
      );
      if (!opgeslagen.ok) return opgeslagen;
      const versie = planVersieSchema.parse({
        planId,
        versie: plan.versie,
        vastgesteldOp: vandaag.data,
        inhoud: { plan: opgeslagen.record, doelen, naasten, items },
        ...meta('planVersie', crypto.randomUUID(), undefined, opts, now),
      });
      await db.planVersies.add(versie);
      await enqueue(db, {
        op: 'create',
        recordType: 'planVersie',
        recordId: versie.id,
        clientId: plan.clientId,
        fields: alleVelden(['planId', 'versie', 'vastgesteldOp', 'inhoud'], versie),
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
    return schrijf(
      db,
      db.plans,
      planSchema,
      'plan',
      plan.clientId,
      PLAN_VELDEN,
      overgang.plan,
      plan,
      opts,
      now,
    );
  });
}

/** The snapshots of this plan, oldest version first. */
export async function listPlanVersies(db: ArrangeurDB, planId: string): Promise<PlanVersie[]> {
  const rijen = await db.planVersies.where('planId').equals(planId).toArray();
  return levend(planVersieSchema, rijen).sort((a, b) => a.versie - b.versie);
}

// ---------------------------------------------------------------------------------------------
// Doelen

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
    return schrijf(
      db,
      db.doelen,
      doelSchema,
      'doel',
      plan.record.clientId,
      DOEL_VELDEN,
      gegevens,
      vorige.record,
      opts,
      now,
      id,
    );
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
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.doelen, db.outbox, db.meta], async () => {
    const doel = await bestaandeRij(db.doelen, doelSchema, id);
    if (!doel.ok) return doel;
    const plan = await bewerkbaarPlan(db, doel.record.planId);
    if (!plan.ok) return plan;
    return verwijder(db, db.doelen, 'doel', plan.record.clientId, doel.record, opts, now);
  });
}

/** The living doelen of a plan, in the order they were made. */
export async function listDoelen(db: ArrangeurDB, planId: string): Promise<Doel[]> {
  return opVolgorde(levend(doelSchema, await db.doelen.where('planId').equals(planId).toArray()));
}

// ---------------------------------------------------------------------------------------------
// Naasten

/**
 * Creates or updates a naaste of a client. Naasten belong to the client, not to one plan version,
 * so they stay editable after vaststellen (the snapshot keeps the naasten as they were).
 *
 * Safe offline: the record and its outbox mutation are written locally in one transaction.
 */
export async function saveNaaste(
  db: ArrangeurDB,
  invoer: NaasteInvoer & { id?: string },
  opts: WriteOptions,
): Promise<Result<Naaste>> {
  const { id, ...rest } = invoer;
  const parsed = naasteVeldenSchema.safeParse(rest);
  if (!parsed.success) return fouten(zodFouten(parsed.error));
  const gegevens = parsed.data;
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.clients, db.naasten, db.outbox, db.meta], async () => {
    const vorige = await vorigeRij(db.naasten, naasteSchema, id);
    if (!vorige.ok) return vorige;
    if (vorige.record && vorige.record.clientId !== gegevens.clientId)
      return fout(MELDING.andereClient);
    if (!(await getClient(db, gegevens.clientId))) return fout(MELDING.clientOnbekend, 'clientId');
    return schrijf(
      db,
      db.naasten,
      naasteSchema,
      'naaste',
      gegevens.clientId,
      NAASTE_VELDEN,
      gegevens,
      vorige.record,
      opts,
      now,
      id,
    );
  });
}

/**
 * Deletes a naaste (tombstone).
 *
 * Safe offline: the tombstone and its delete mutation are written locally in one transaction.
 */
export async function deleteNaaste(
  db: ArrangeurDB,
  id: string,
  opts: WriteOptions,
): Promise<Result<Naaste>> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.naasten, db.outbox, db.meta], async () => {
    const naaste = await bestaandeRij(db.naasten, naasteSchema, id);
    if (!naaste.ok) return naaste;
    return verwijder(db, db.naasten, 'naaste', naaste.record.clientId, naaste.record, opts, now);
  });
}

/** The living naasten of a client, in the order they were made. */
export async function listNaasten(db: ArrangeurDB, clientId: string): Promise<Naaste[]> {
  return opVolgorde(
    levend(naasteSchema, await db.naasten.where('clientId').equals(clientId).toArray()),
  );
}

// ---------------------------------------------------------------------------------------------
// Plan items

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
  const { id, routering: _genegeerd, ...rest } = invoer;
  const parsed = planItemVeldenSchema.safeParse(rest);
  if (!parsed.success) return fouten(zodFouten(parsed.error));
  const gegevens = parsed.data;
  if (gegevens.override && !gegevens.inzet) return fout(MELDING.overrideZonderInzet, 'override');
  if (gegevens.inzet) {
    // Parsed here first for field-level messages ('inzet.omvang.eenheid'); routing repeats it.
    const inzet = inzetSchema.safeParse(gegevens.inzet);
    if (!inzet.success) return fouten(zodFouten(inzet.error, 'inzet'));
  }
  const now = opts.now ?? new Date();
  const vandaag = opts.vandaag ?? vandaagIn(now);
  return db.transaction(
    'rw',
    [db.plans, db.clients, db.doelen, db.naasten, db.planItems, db.outbox, db.meta],
    async () => {
      const vorige = await vorigeRij(db.planItems, planItemSchema, id);
      if (!vorige.ok) return vorige;
      if (vorige.record && vorige.record.planId !== gegevens.planId) return fout(MELDING.anderPlan);
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
      const oud = vorige.record?.routering;
      const routering =
        routing.routering && oud && zelfdeBesluit(oud, routing.routering)
          ? oud
          : (routing.routering ?? undefined);
      return schrijf(
        db,
        db.planItems,
        planItemSchema,
        'planItem',
        plan.clientId,
        ITEM_VELDEN,
        { ...gegevens, routering },
        vorige.record,
        opts,
        now,
        id,
      );
    },
  );
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
  const now = opts.now ?? new Date();
  return db.transaction('rw', [db.plans, db.planItems, db.outbox, db.meta], async () => {
    const item = await bestaandeRij(db.planItems, planItemSchema, id);
    if (!item.ok) return item;
    const plan = await bewerkbaarPlan(db, item.record.planId);
    if (!plan.ok) return plan;
    return verwijder(db, db.planItems, 'planItem', plan.record.clientId, item.record, opts, now);
  });
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

// ---------------------------------------------------------------------------------------------
// Plumbing

type Meta = {
  id: string;
  rev?: number | undefined;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
};
type Bewaard = Meta & { aangemaaktOp?: string | undefined };
/** A domain schema as the repository uses it: parse in, typed record out. */
type Tabel<R> = Table<R, string>;

/**
 * Writes a create (no `vorige`) or an update with its mutation. Must run inside a transaction
 * that holds `table`, outbox and meta. An update that changes nothing writes nothing. `clientId`
 * is the client the record belongs to (the server's unit of access), taken from the plan or the
 * record itself by the caller.
 */
async function schrijf<R extends Bewaard>(
  db: ArrangeurDB,
  table: Tabel<R>,
  schema: Schema<R>,
  type: RecordType,
  clientId: string,
  veldnamen: readonly string[],
  gegevens: object,
  vorige: R | undefined,
  opts: WriteOptions,
  now: Date,
  id: string = vorige?.id ?? crypto.randomUUID(),
): Promise<Result<R>> {
  const fields = vorige
    ? gewijzigdeVelden(veldnamen, vorige, gegevens)
    : alleVelden(veldnamen, gegevens);
  if (vorige && Object.keys(fields).length === 0) return { ok: true, record: vorige };
  // aangemaaktOp is set once and sent with the create, so every device sorts the same way.
  const heeftAanmaak = type !== 'plan' && type !== 'planVersie';
  const aangemaaktOp = heeftAanmaak
    ? vorige
      ? vorige.aangemaaktOp
      : now.toISOString()
    : undefined;
  if (!vorige && aangemaaktOp) fields['aangemaaktOp'] = aangemaaktOp;
  const record = schema.parse({
    ...gegevens,
    ...(aangemaaktOp ? { aangemaaktOp } : {}),
    ...meta(type, id, vorige, opts, now),
  });
  await table.put(zonderUndefined(record));
  await enqueue(db, {
    op: vorige ? 'update' : 'create',
    recordType: type,
    recordId: id,
    clientId,
    baseRev: vorige?.rev,
    gezienRev: gezienPlafond(opts.gezien, Object.keys(fields), vorige),
    fields,
    now,
  });
  return { ok: true, record };
}

async function verwijder<R extends Meta>(
  db: ArrangeurDB,
  table: Tabel<R>,
  type: RecordType,
  clientId: string,
  rij: R,
  opts: WriteOptions,
  now: Date,
): Promise<Result<R>> {
  const record = { ...rij, deleted: true, updatedAt: now.toISOString(), updatedBy: opts.updatedBy };
  await table.put(record);
  await enqueue(db, {
    op: 'delete',
    recordType: type,
    recordId: rij.id,
    clientId,
    baseRev: rij.rev,
    fields: {},
    deleted: true,
    now,
  });
  return { ok: true, record };
}

/** The plan, if it exists and may change. */
async function bewerkbaarPlan(db: ArrangeurDB, planId: string): Promise<Result<Plan>> {
  const plan = await getPlan(db, planId);
  if (!plan) return fout(MELDING.planOnbekend, 'planId');
  if (isReadOnly(plan)) return fout(MELDING.alleenLezen);
  return { ok: true, record: plan };
}

/** The stored record an `id` points at: none for a new record, refused when it was deleted. */
async function vorigeRij<R extends Meta>(
  table: Tabel<R>,
  schema: Schema<R>,
  id: string | undefined,
): Promise<Result<R | undefined>> {
  if (id === undefined) return { ok: true, record: undefined };
  const rij = await table.get(id);
  if (!rij) return { ok: true, record: undefined };
  if (rij.deleted) return fout(MELDING.verwijderd);
  const record = lees(schema, rij);
  // An unreadable stored row is not overwritten: a later schema version migrates it.
  if (!record) return fout(MELDING.nietGevonden);
  return { ok: true, record };
}

async function bestaandeRij<R extends Meta>(
  table: Tabel<R>,
  schema: Schema<R>,
  id: string,
): Promise<Result<R>> {
  const rij = await table.get(id);
  if (!rij || rij.deleted) return fout(MELDING.nietGevonden);
  const record = lees(schema, rij);
  return record ? { ok: true, record } : fout(MELDING.nietGevonden);
}

/**
 * The read edge: a stored row becomes a domain record only through its schema. A row that fails
 * is not shown but also not touched, so nothing is lost.
 */

function opVolgorde<R extends Bewaard>(rijen: R[]): R[] {
  return rijen.sort(
    (a, b) =>
      (a.aangemaaktOp ?? a.updatedAt).localeCompare(b.aangemaaktOp ?? b.updatedAt) ||
      a.id.localeCompare(b.id),
  );
}

function zodFouten(error: z.ZodError, prefix?: string): PlanFout[] {
  return error.issues.map((i) => ({
    path: [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

/** Today in the Netherlands as YYYY-MM-DD: the default peildatum for an inzet without a start. */
export function vandaagIn(nu: Date): string {
  return NL_DATUM.format(nu);
}
// Made once: building an Intl formatter costs about a millisecond, too much per autosave.
const NL_DATUM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' });
