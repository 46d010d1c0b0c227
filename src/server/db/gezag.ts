/**
 * The server is the authority (issue 12, points 1–3): what a device sends about money and
 * accountability is checked or decided here, with the same pure domain functions the device uses.
 * The push route (routes/sync.ts) calls two functions, once each per mutation:
 *
 * - `gezagVoorMerge`, after the access checks and before the merge: refuses a mutation whose
 *   `createdAt` lies more than 5 minutes after server time (refused, not clamped: a tablet with a
 *   wrong clock should be noticed, and the refusal is retryable once the clock is right), whose
 *   `baseRev` is higher than the record's rev, or whose device id is bound to another user
 *   (table `apparaten`, migration 005); refuses any change or delete of a `planVersie` (written
 *   once), of a doel or plan item of a vastgesteld plan, and of someone else's review comment
 *   (only the author changes or deletes it; the arrangeur may only tick `afgehandeld`). It then
 *   rewrites the mutation: server-only fields a device sent are dropped, and authorship (author,
 *   author name, every timestamp of a review or comment) is set from the session and server time.
 * - `gezagNaMerge`, on the merged record just before it is written: the plan status transition
 *   (status.ts: stuurTerReview, terugNaarConcept, stelVast with the client's akkoord, the ladder
 *   and the review stand as the server holds them, maakNieuwConcept) and a vastgesteld plan's
 *   fields read-only; a plan item's inzet code must be a catalog code and the item is routed again
 *   on the server (domain/plan/routering.ts, the very function the device uses) into the
 *   server-only `serverRoutering`, with a `routeringMelding` when the device's decision differs;
 *   a planVersie's items get the server's decision too (costs read it); when a client's facts
 *   change, the items of her open plans are routed again and written with a 'gewijzigd' note, so
 *   the arrangeur's next pull shows what changed.
 *
 * Records are read through the push transaction's Werkset (db/werkset.ts): what an earlier mutation
 * of the chunk wrote, loaded in bulk; SQL that reads records itself writes the Werkset out first.
 *
 * Refusals are `{ reason, detail }` for the wire's `rejected` (detail in English, for the log and
 * the outbox; the device translates the reason code).
 */
import { vandaagIn } from '../../domain/model/dates.ts';
import { findInzetType } from '../../domain/catalog/index.ts';
import { clientInvoerSchema, type ClientGegevens } from '../../domain/model/client.ts';
import type { IsoDate } from '../../domain/model/dates.ts';
import type { Mutation } from '../../domain/model/record.ts';
import { ladderStand } from '../../domain/plan/ladder.ts';
import {
  SERVER_ITEM_VELDEN,
  type Plan,
  type PlanItem,
  type RouteringMelding,
  type RouteringSnapshot,
} from '../../domain/plan/model.ts';
import { probeerRouteerPlanItem, zelfdeBesluit } from '../../domain/plan/routering.ts';
import type { Review } from '../../domain/plan/review.ts';
import {
  isReadOnly,
  maakNieuwConcept,
  reviewStand,
  stelVast,
  stuurTerReview,
  terugNaarConcept,
} from '../../domain/plan/status.ts';
import type { FieldStamp, MergeResult } from '../../sync/protocol/merge.ts';
import { badString } from '../../sync/protocol/validate.ts';
import type { Gebruiker, RejectReason } from '../../sync/protocol/wire.ts';
import { userNames, type StoredRecord } from './records.ts';
import type { Queryable } from './store.ts';
import type { Werkset } from './werkset.ts';

export interface Weigering {
  readonly reason: RejectReason;
  readonly detail: string;
}

/** How far a mutation's createdAt may lie ahead of the server's clock. */
export const CREATED_AT_MARGE_MS = 5 * 60 * 1000;
const DEVICE_ID_MAX = 100;

/** A device id that can be bound (others are refused without SQL). */
export const isApparaatId = (id: string): boolean => id.length <= DEVICE_ID_MAX && !badString(id);

const weiger = (reason: RejectReason, detail: string): { weiger: Weigering } => ({
  weiger: { reason, detail },
});

// ---------------------------------------------------------------------------------------------
// Before the merge

/**
 * Checks a mutation against server time, the stored record and the device binding, and rewrites
 * what the server decides (see the file header). Call after the access checks.
 */
export async function gezagVoorMerge(
  w: Werkset,
  g: Gebruiker,
  m: Mutation,
  existing: StoredRecord | null,
  now: Date,
): Promise<{ weiger: Weigering } | { mutation: Mutation }> {
  const gemaakt = Date.parse(m.createdAt);
  if (!(gemaakt <= now.getTime() + CREATED_AT_MARGE_MS)) {
    return weiger('invalid', 'createdAt: later than server time');
  }
  if (existing && m.baseRev !== undefined && m.baseRev > existing.rev) {
    return weiger('invalid', "baseRev: higher than the record's revision");
  }
  const apparaat = await bindApparaat(w, g, m.deviceId);
  if (apparaat) return weiger('forbidden', apparaat);

  if (m.recordType === 'planVersie' && existing) {
    return weiger('invalid', 'planVersie: a vastgestelde version is never changed or deleted');
  }
  if (m.recordType === 'doel' || m.recordType === 'planItem') {
    const planId = existing?.fields['planId'] ?? m.fields['planId'];
    const plan = await planVan(w, planId);
    if (plan && isReadOnly({ status: plan.fields['status'] as Plan['status'] })) {
      return weiger('invalid', 'plan: vastgesteld, its doelen and items are read-only');
    }
  }
  if (m.recordType === 'reviewComment' && existing && existing.fields['auteurId'] !== g.id) {
    if (m.deleted) return weiger('forbidden', 'only the author may delete her comment');
    const anders = Object.keys(m.fields).filter(
      (k) => k !== 'afgehandeld' && m.fields[k] !== existing.fields[k],
    );
    if (anders.length > 0) {
      return weiger('forbidden', `only the author may change her comment: ${anders.join(', ')}`);
    }
  }
  return { mutation: await herschrijf(w.tx, g, m, existing, now) };
}

/**
 * Device ids known to be bound to a user, per session user object (one per request): a binding is
 * never changed or removed (migration 005), so a batch asks the database once per device id.
 */
const gebondenAan = new WeakMap<Gebruiker, Set<string>>();

/**
 * The user a device id is bound to; binds it to `g` on first use. @returns why not, or null.
 * A push chunk binds its device ids in its read statement already (db/push-deel.ts leesDeel), so
 * this asks the database only for an id bound to someone else (or bound by another push since).
 */
async function bindApparaat(w: Werkset, g: Gebruiker, deviceId: string): Promise<string | null> {
  if (!isApparaatId(deviceId)) return 'deviceId: invalid';
  const bekend = gebondenAan.get(g);
  // Bound to `g` in this transaction already (committed or not): no need to ask again.
  if (bekend?.has(deviceId) || w.apparaten.has(deviceId)) return null;
  const tx = w.tx;
  const eigenaar = async () =>
    (
      await tx.query<{ gebruiker_id: string }>(
        'SELECT gebruiker_id::text AS gebruiker_id FROM apparaten WHERE device_id = $1',
        [deviceId],
      )
    )[0]?.gebruiker_id;
  // Usually known already: one query. The first push of a device registers it.
  let id = await eigenaar();
  // Committed before this transaction began (not made by it, which may still roll back).
  const vastgelegd = id !== undefined;
  if (id === undefined) {
    await tx.query(
      `INSERT INTO apparaten (device_id, gebruiker_id) VALUES ($1, $2)
       ON CONFLICT (device_id) DO NOTHING`,
      [deviceId, g.id],
    );
    id = await eigenaar();
  }
  if (id !== g.id) return 'deviceId: registered to another user';
  w.apparaten.add(deviceId);
  // Remembered only when committed already: a first push that rolls back leaves no binding, so
  // the next mutation must make it again.
  if (vastgelegd) {
    if (bekend) bekend.add(deviceId);
    else gebondenAan.set(g, new Set([deviceId]));
  }
  return null;
}

/** Server-set fields: what the device sent for them is replaced or dropped. */
async function herschrijf(
  tx: Queryable,
  g: Gebruiker,
  m: Mutation,
  existing: StoredRecord | null,
  now: Date,
): Promise<Mutation> {
  const nieuw = !existing;
  const fields = { ...m.fields };
  const nu = now.toISOString();
  const zonder = (...namen: string[]) => {
    for (const n of namen) delete fields[n];
  };
  if (m.recordType === 'planItem') zonder(...SERVER_ITEM_VELDEN);
  if (m.recordType === 'reviewComment') {
    if (nieuw && !m.deleted) {
      // auteurId itself is checked (reviewRegel refuses another id): a forged author is refused,
      // not silently renamed.
      fields['auteurNaam'] = g.naam;
      fields['aangemaaktOp'] = nu;
    } else zonder('auteurNaam', 'aangemaaktOp');
  }
  if (m.recordType === 'review') {
    if (nieuw && !m.deleted) {
      fields['gevraagdDoorNaam'] = g.naam;
      fields['gevraagdOp'] = nu;
      const cm = fields['casemanagerId'];
      const naam = typeof cm === 'string' ? (await userNames(tx, [cm])).get(cm) : undefined;
      if (naam !== undefined) fields['casemanagerNaam'] = naam;
    } else zonder('gevraagdDoorNaam', 'gevraagdOp', 'casemanagerNaam');
    zonder('besluitOp');
    // A besluit gets the server's time; clearing it clears the time.
    if ('besluit' in fields) fields['besluitOp'] = fields['besluit'] == null ? null : nu;
  }
  return { ...m, fields };
}

// ---------------------------------------------------------------------------------------------
// After the merge

export type GemergedRecord = Pick<
  MergeResult,
  'fields' | 'fieldRevs' | 'deleted' | 'changed' | 'changedFields'
>;

/**
 * Checks the merged record and adds what the server decides (see the file header). May write
 * other records (items routed again after a client's facts changed): call it last, right before
 * the record itself is written, inside the push transaction holding the record-write lock.
 */
export async function gezagNaMerge(
  w: Werkset,
  g: Gebruiker,
  m: Mutation,
  existing: StoredRecord | null,
  merged: GemergedRecord,
  clientId: string | null,
  now: Date,
  newRev: number,
): Promise<{ weiger: Weigering } | { merged: GemergedRecord }> {
  if (m.recordType === 'plan') {
    const why = await planOvergang(w, m.recordId, existing, merged, clientId, now);
    return why ? weiger('invalid', why) : { merged };
  }
  if (m.recordType === 'planItem' && !merged.deleted) {
    const uitkomst = await routeerItem(w, existing, merged.fields, clientId, now);
    if (typeof uitkomst === 'string') return weiger('invalid', uitkomst);
    return { merged: zetServerVelden(merged, existing, uitkomst, g, newRev, now) };
  }
  if (m.recordType === 'planVersie' && !existing && !merged.deleted) {
    const uitkomst = await versieVanServer(w, merged.fields, clientId, now);
    if (typeof uitkomst === 'string') return weiger('invalid', uitkomst);
    return { merged: { ...merged, fields: uitkomst } };
  }
  if (m.recordType === 'client' && existing && !merged.deleted && clientId !== null) {
    const feiten = ['geboortedatum', 'gemeente', 'zorgverzekeraar', 'wlzIndicatie'];
    if (merged.changedFields.some((f) => feiten.includes(f))) {
      await routeerOpenPlannenOpnieuw(w, g, clientId, merged.fields, now);
    }
  }
  return { merged };
}

// --- plan status ---

const STATUS_VELDEN = ['status', 'versie', 'akkoord', 'vastgesteldOp'];

async function planOvergang(
  w: Werkset,
  planId: string,
  existing: StoredRecord | null,
  merged: GemergedRecord,
  clientId: string | null,
  now: Date,
): Promise<string | null> {
  const vorig = existing && !existing.deleted ? (existing.fields as Partial<Plan>) : null;
  const volgend = merged.fields as Partial<Plan>;
  if (vorig && isReadOnly({ status: vorig.status ?? 'concept' })) {
    if (merged.deleted) return 'plan: a vastgesteld plan is not deleted';
    const veranderd = Object.keys(merged.fields).filter(
      (k) => !gelijk(merged.fields[k], existing?.fields[k]),
    );
    if (veranderd.length === 0) return null;
    const anders = veranderd.filter((k) => !STATUS_VELDEN.includes(k));
    if (anders.length > 0) return `plan: vastgesteld, read-only (${anders.join(', ')})`;
    // The one way out: a new concept (versie + 1, akkoord cleared).
    const nieuw = maakNieuwConcept(vorig as Plan);
    if (!nieuw.ok) return 'status: not a valid transition';
    const verwacht = nieuw.plan;
    const klopt =
      volgend.status === verwacht.status &&
      volgend.versie === verwacht.versie &&
      (volgend.akkoord ?? null) === null &&
      (volgend.vastgesteldOp ?? null) === null;
    return klopt ? null : 'status: a vastgesteld plan only becomes a new concept (versie + 1)';
  }
  if (merged.deleted) return null;
  const van = vorig?.status ?? 'concept';
  const naar = volgend.status;
  if (vorig && volgend.versie !== vorig.versie) return 'versie: changes only with a new concept';
  if (naar === van) return null;
  if (naar === 'ter-review')
    return stuurTerReview({ status: van }).ok ? null : 'status: not from ' + van;
  if (naar === 'concept') {
    return terugNaarConcept({ status: van }).ok ? null : `status: not from ${van} to concept`;
  }
  if (naar === 'vastgesteld') {
    const stand = await planStand(w, planId, clientId, volgend);
    const overgang = stelVast(
      { ...(volgend as Plan), status: van },
      vandaagIn(now) as IsoDate,
      stand.ladder,
      stand.review,
    );
    return overgang.ok ? null : `status: cannot vaststellen (${overgang.redenen.join(', ')})`;
  }
  return `status: not from ${van} to ${String(naar)}`;
}

/** The ladder and review stand of a plan as the server holds it. */
async function planStand(
  w: Werkset,
  planId: string,
  clientId: string | null,
  plan: Partial<Plan>,
): Promise<{
  ladder: ReturnType<typeof ladderStand>;
  review: ReturnType<typeof reviewStand>;
}> {
  // The query reads records: the chunk's writes go first.
  await w.schrijf();
  const rows = clientId
    ? await w.tx.query<{ id: string; type: string; fields: Record<string, unknown> }>(
        `SELECT id::text AS id, type, fields FROM records
           WHERE client_id = $1 AND deleted = false AND type IN ('doel', 'planItem', 'naaste', 'review')
             AND (type = 'naaste' OR fields->>'planId' = $2)`,
        [clientId, planId],
      )
    : [];
  const van = (type: string) => rows.filter((r) => r.type === type);
  const ladder = ladderStand({
    plan: {
      hulpvraag: plan.hulpvraag,
      ladderToelichting: plan.ladderToelichting,
      akkoord: plan.akkoord ?? null,
    },
    doelen: van('doel').map(() => ({})),
    items: van('planItem').map((r) => ({ stap: r.fields['stap'] as PlanItem['stap'] })),
    naasten: van('naaste').map(() => ({})),
  });
  const reviews = van('review').map(
    (r) => ({ ...r.fields, id: r.id, type: 'review', deleted: false }) as unknown as Review,
  );
  return { ladder, review: reviewStand(reviews, [], plan.versie ?? 1, plan.status) };
}

// --- routing ---

/** The routing facts of a stored client record, as the device reads them (clientInvoerSchema). */
function clientGegevens(
  fields: Readonly<Record<string, unknown>> | undefined,
): ClientGegevens | null {
  if (!fields) return null;
  const p = clientInvoerSchema.safeParse(fields);
  return p.success ? p.data : null;
}

async function clientVan(w: Werkset, clientId: string | null): Promise<ClientGegevens | null> {
  if (clientId === null) return null;
  const r = await w.record(clientId);
  return r && r.type === 'client' && !r.deleted ? clientGegevens(r.fields) : null;
}

async function planVan(w: Werkset, planId: unknown): Promise<StoredRecord | null> {
  const r = await w.record(planId);
  return r && r.type === 'plan' && !r.deleted ? r : null;
}

/**
 * The server's routing of an item's inzet. @returns the snapshot (null: no inzet, or the client
 * is not on the server yet), or why the item is refused (not a catalog code, not routable).
 */
async function routeerItem(
  w: Werkset,
  existing: StoredRecord | null,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
  now: Date,
): Promise<RouteringSnapshot | null | string> {
  const inzet = fields['inzet'] as PlanItem['inzet'] | null | undefined;
  if (!inzet) return null;
  if (!findInzetType(inzet.code)) return 'inzet.code: not a catalog code';
  const client = await clientVan(w, clientId);
  if (!client) return null;
  const uitkomst = probeerRouteerPlanItem(client, { inzet }, vandaagIn(now));
  if (!uitkomst.ok) return `inzet: ${uitkomst.fout}`;
  const oud = existing?.fields['serverRoutering'] as RouteringSnapshot | null | undefined;
  const nieuw = uitkomst.routering;
  return nieuw && oud && zelfdeBesluit(oud, nieuw) ? oud : nieuw;
}

/** The melding for an item: what the device decided against what the server did. */
function melding(
  device: RouteringSnapshot | null | undefined,
  server: RouteringSnapshot | null,
  vorige: RouteringMelding | null | undefined,
  now: Date,
): RouteringMelding | null {
  if (!server) return null;
  if (device && zelfdeBesluit(device, server)) return null;
  // A 'gewijzigd' note stays until the device agrees; an 'afwijkend' one keeps its time.
  if (vorige) return vorige;
  return { soort: 'afwijkend', op: now.toISOString(), vorig: null };
}

function zetServerVelden(
  merged: GemergedRecord,
  existing: StoredRecord | null,
  server: RouteringSnapshot | null,
  g: Gebruiker,
  newRev: number,
  now: Date,
): GemergedRecord {
  const device = merged.fields['routering'] as RouteringSnapshot | undefined;
  const vorige = existing?.fields['routeringMelding'] as RouteringMelding | null | undefined;
  const waarden: Record<string, unknown> = {
    serverRoutering: server,
    routeringMelding: melding(device, server, vorige, now),
  };
  const fields = { ...merged.fields };
  const fieldRevs = { ...merged.fieldRevs };
  const stamp: FieldStamp = { rev: newRev, by: g.id, at: now.toISOString(), device: '' };
  const veranderd: string[] = [];
  for (const [k, v] of Object.entries(waarden)) {
    if (gelijk(v, existing?.fields[k] ?? null)) continue;
    fields[k] = v;
    fieldRevs[k] = stamp;
    veranderd.push(k);
  }
  if (veranderd.length === 0) return merged;
  return {
    ...merged,
    fields,
    fieldRevs,
    changed: true,
    changedFields: [...new Set([...merged.changedFields, ...veranderd])].sort(),
  };
}

/**
 * A new planVersie: its plan must be on the server, vastgesteld at this versie, and each item in
 * the snapshot gets the server's routing (the coordinator's costs read it).
 */
async function versieVanServer(
  w: Werkset,
  fields: Readonly<Record<string, unknown>>,
  clientId: string | null,
  now: Date,
): Promise<Record<string, unknown> | string> {
  const planId = fields['planId'];
  const plan = await planVan(w, planId);
  if (!plan) return 'planId: the plan is not on the server';
  if (!isReadOnly({ status: plan.fields['status'] as Plan['status'] })) {
    return 'planVersie: the plan is not vastgesteld';
  }
  if (plan.fields['versie'] !== fields['versie']) return 'versie: not the vastgestelde versie';
  const client = await clientVan(w, clientId);
  const inhoud = fields['inhoud'] as { items?: unknown[] } & Record<string, unknown>;
  const items: unknown[] = [];
  for (const raw of inhoud.items ?? []) {
    const item = { ...(raw as Record<string, unknown>) };
    const inzet = item['inzet'] as PlanItem['inzet'] | undefined;
    for (const k of SERVER_ITEM_VELDEN) delete item[k];
    if (inzet) {
      if (!findInzetType(inzet.code)) return 'inhoud.items: inzet.code not a catalog code';
      const peildatum = typeof fields['vastgesteldOp'] === 'string' ? fields['vastgesteldOp'] : '';
      const uitkomst = client
        ? probeerRouteerPlanItem(client, { inzet }, peildatum || vandaagIn(now))
        : null;
      if (uitkomst && !uitkomst.ok) return `inhoud.items: ${uitkomst.fout}`;
      const server = uitkomst?.ok ? uitkomst.routering : null;
      item['serverRoutering'] = server;
      const device = item['routering'] as RouteringSnapshot | undefined;
      item['routeringMelding'] = melding(device, server, null, now);
    }
    items.push(item);
  }
  return { ...fields, inhoud: { ...inhoud, items } };
}

/**
 * The client's routing facts changed: every item with an inzet in her open plans (not
 * vastgesteld) is routed again; an item whose decision changed is written with the new decision
 * and a 'gewijzigd' note naming the previous one.
 */
async function routeerOpenPlannenOpnieuw(
  w: Werkset,
  g: Gebruiker,
  clientId: string,
  clientFields: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  const client = clientGegevens(clientFields);
  if (!client) return;
  // The query reads records: the chunk's writes go first; the items are then locked in one go.
  await w.schrijf();
  const rows = await w.tx.query<{ id: string }>(
    `SELECT i.id::text AS id FROM records i
     JOIN records p ON p.id::text = i.fields->>'planId' AND p.type = 'plan'
     WHERE i.client_id = $1 AND i.type = 'planItem' AND i.deleted = false AND i.fields ? 'inzet'
       AND p.fields->>'status' NOT IN ('vastgesteld', 'geevalueerd')
     ORDER BY i.id`,
    [clientId],
  );
  const nu = now.toISOString();
  await w.laad(rows.map((r) => r.id));
  for (const { id } of rows) {
    const item = await w.record(id);
    const inzet = item?.fields['inzet'] as PlanItem['inzet'] | undefined;
    if (!item || !inzet || !findInzetType(inzet.code)) continue;
    const uitkomst = probeerRouteerPlanItem(client, { inzet }, vandaagIn(now));
    const nieuw = uitkomst.ok ? uitkomst.routering : null;
    const oud =
      (item.fields['serverRoutering'] as RouteringSnapshot | null | undefined) ??
      (item.fields['routering'] as RouteringSnapshot | undefined) ??
      null;
    if (nieuw && oud && zelfdeBesluit(oud, nieuw)) continue;
    if (!nieuw && !oud) continue;
    // Taken after the item's lock (w.laad above): its revs keep growing.
    const rev = await w.losseRev();
    const stamp: FieldStamp = { rev, by: g.id, at: nu, device: '' };
    const routeringMelding: RouteringMelding = { soort: 'gewijzigd', op: nu, vorig: oud };
    w.zet({
      ...item,
      fields: { ...item.fields, serverRoutering: nieuw, routeringMelding },
      fieldRevs: { ...item.fieldRevs, serverRoutering: stamp, routeringMelding: stamp },
      rev,
      updatedAt: nu,
    });
  }
}

// --- helpers ---

/** Equal as JSON values, whatever the key order (jsonb stores keys in its own order). */
const gelijk = (a: unknown, b: unknown): boolean => canoniek(a ?? null) === canoniek(b ?? null);
const canoniek = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
