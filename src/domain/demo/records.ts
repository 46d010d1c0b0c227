/**
 * The demo content (data.ts) as plain records, ready for the server's record store: the same
 * records a device would have pushed had an arrangeur typed them in, with every field as the
 * device's repositories send it (`null` for "no value", `aangemaaktOp` on doel, naaste and
 * planItem, the routing snapshot on each item with inzet, a planVersie for every vaststelling).
 *
 * Pure: ids come from a seed (the same seed gives the same ids on every machine) and dates from
 * the `now` passed in, so "evaluatie verlopen" stays true whenever the demo is started.
 */
import { clientInvoerSchema, clientSchema, type ClientGegevens } from '../model/client.ts';
import { isoDateSchema, plusDagen, vandaagIn } from '../model/dates.ts';
import type { RecordType } from '../model/record.ts';
import { ladderStand } from '../plan/ladder.ts';
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
  type Naaste,
  type Plan,
  type PlanItem,
} from '../plan/model.ts';
import {
  reviewCommentSchema,
  reviewCommentVeldenSchema,
  reviewSchema,
  reviewVeldenSchema,
  type ReviewBesluit,
} from '../plan/review.ts';
import { routeerPlanItem } from '../plan/routering.ts';
import { maakNieuwConcept, stelVast, stuurTerReview } from '../plan/status.ts';
import {
  BASIS_CLIENTS,
  demoPlan,
  MEER_CLIENTS,
  SCENARIOS,
  type DemoItem,
  type DemoPlan,
} from './data.ts';

/** The seed of the shipped demo: change it and every demo id changes with it. */
export const DEMO_SEED = 'arrangeur-demo-2026';

/** Positions (in the client list) of the clients shared with the casemanager for review. */
const VOOR_REVIEW: readonly number[] = [1, 5, 6]; // Hendrik Jansen, Cor Hoekstra, Sanne Bakker

/**
 * The review round of each shared client (issue 6): one waiting for the casemanager, one she sent
 * back with two comments (one already afgehandeld), one with her akkoord — so both the
 * casemanager's list and the arrangeur's caseload show every state. The plans are ter review.
 */
const REVIEW_STAND: Readonly<Record<number, ReviewBesluit | null>> = {
  1: null,
  5: 'aanpassen',
  6: 'akkoord',
};

export type DemoRecordType = Exclude<RecordType, 'conflict' | 'voorziening' | 'zorgverzekeraar'>;

/** One demo record as the server stores it: the wire fields of its current state. */
export interface DemoRecord {
  readonly id: string;
  readonly type: DemoRecordType;
  /** The client it belongs to (the unit of access): the record's own id for a client. */
  readonly clientId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  /** Who wrote it, when not the arrangeur (`updatedBy` of the options): the casemanager's besluit
   * and comments. */
  readonly updatedBy?: string;
}

export interface DemoData {
  /** In the order to store them: a client first, then her plan and what hangs off it. */
  readonly records: readonly DemoRecord[];
  readonly clientIds: readonly string[];
  /** Clients whose plan has a review round with the casemanager (waiting or decided). */
  readonly reviewClientIds: readonly string[];
  /** Of those, the ones still waiting for her besluit: only these are shared with her. */
  readonly openReviewClientIds: readonly string[];
}

export interface DemoOpties {
  readonly now: Date;
  /** Who "wrote" the records (a user id): the author inside each planVersie snapshot. */
  readonly updatedBy: string;
  readonly seed?: string;
  /**
   * The casemanager who reviews (a real user id, made at server start) and the display names:
   * given, the clients shared for review get their review round; absent, they get none (a review
   * cannot name a user who does not exist).
   */
  readonly review?: {
    readonly casemanagerId: string;
    readonly casemanagerNaam: string;
    readonly arrangeurNaam: string;
  };
}

const PLAN_VELDEN = Object.keys(planVeldenSchema.shape);
const DOEL_VELDEN = [...Object.keys(doelVeldenSchema.shape), 'aangemaaktOp'];
const NAASTE_VELDEN = [...Object.keys(naasteVeldenSchema.shape), 'aangemaaktOp'];
const ITEM_VELDEN = [...Object.keys(planItemVeldenSchema.shape), 'aangemaaktOp'];
const CLIENT_VELDEN = Object.keys(clientInvoerSchema.shape);
const VERSIE_VELDEN = ['planId', 'versie', 'vastgesteldOp', 'inhoud'];
const REVIEW_VELDEN = Object.keys(reviewVeldenSchema.shape);
const COMMENT_VELDEN = Object.keys(reviewCommentVeldenSchema.shape);

/** Builds every demo record. Throws when the data no longer fits the domain (a test runs it). */
export function maakDemoData({ now, updatedBy, seed = DEMO_SEED, review }: DemoOpties): DemoData {
  const id = (sleutel: string) => demoId(seed, sleutel);
  const records: DemoRecord[] = [];
  const clientIds: string[] = [];
  const vandaag = vandaagIn(now);
  const updatedAt = now.toISOString();
  const metaVan = (type: DemoRecordType, recordId: string) => ({
    type,
    id: recordId,
    updatedAt,
    updatedBy,
    deleted: false,
  });
  // One millisecond apart, so every list shows the order written here on every device.
  let volgnummer = 0;
  const aangemaaktOp = () => new Date(now.getTime() + (volgnummer += 1)).toISOString();

  for (const [i, invoer] of [...BASIS_CLIENTS, ...MEER_CLIENTS].entries()) {
    const clientId = id(`client/${i}`);
    clientIds.push(clientId);
    const client = clientInvoerSchema.parse(invoer);
    clientSchema.parse({ ...client, ...metaVan('client', clientId) });
    records.push({ id: clientId, type: 'client', clientId, fields: wire(CLIENT_VELDEN, client) });

    const spec = demoPlan(SCENARIOS[i] ?? 'start', invoer, i);
    if (!spec) continue;
    const start = spec.vastgesteld ? plusDagen(vandaag, -spec.vastgesteld.dagenGeleden) : vandaag;
    const planId = id(`plan/${i}`);

    const doelen: Doel[] = spec.doelen.map((d, j) =>
      doelSchema.parse({
        ...d,
        planId,
        aangemaaktOp: aangemaaktOp(),
        ...metaVan('doel', id(`doel/${i}/${j}`)),
      }),
    );
    const naasten: Naaste[] = spec.naasten.map((n, j) =>
      naasteSchema.parse({
        ...n,
        clientId,
        aangemaaktOp: aangemaaktOp(),
        ...metaVan('naaste', id(`naaste/${i}/${j}`)),
      }),
    );
    const maakItems = (lijst: readonly DemoItem[], van: string, deel: string): PlanItem[] =>
      lijst.map(({ doel, naaste, ...item }, j) => {
        const inzet = item.inzet ? { ...item.inzet, periode: { van } } : undefined;
        const gegevens = planItemVeldenSchema.parse({
          ...item,
          ...(inzet ? { inzet } : {}),
          planId,
          ...(doel !== undefined && doelen[doel] ? { doelId: doelen[doel].id } : {}),
          ...(naaste !== undefined && naasten[naaste] ? { naasteId: naasten[naaste].id } : {}),
        });
        return planItemSchema.parse({
          ...gegevens,
          routering: routering(client, gegevens, vandaag),
          aangemaaktOp: aangemaaktOp(),
          ...metaVan('planItem', id(`item/${i}/${deel}${j}`)),
        });
      });
    const items = maakItems(spec.items, start, '');

    let plan: Plan = planSchema.parse({
      clientId,
      status: 'concept',
      versie: 1,
      akkoord: null,
      ...(spec.hulpvraag ? { hulpvraag: spec.hulpvraag } : {}),
      ...(spec.ladderToelichting ? { ladderToelichting: spec.ladderToelichting } : {}),
      ...metaVan('plan', planId),
    });
    const versies: DemoRecord[] = [];
    let extra: PlanItem[] = [];
    if (spec.vastgesteld) {
      plan = vastgesteld(plan, spec, { i, start, vandaag, doelen, naasten, items });
      const versieId = id(`versie/${i}/1`);
      const versie = planVersieSchema.parse({
        planId,
        versie: plan.versie,
        vastgesteldOp: start,
        inhoud: { plan, doelen, naasten, items },
        ...metaVan('planVersie', versieId),
      });
      versies.push({
        id: versieId,
        type: 'planVersie',
        clientId,
        fields: wire(VERSIE_VELDEN, versie),
      });
      if (spec.herzien) {
        const concept = maakNieuwConcept(plan);
        if (!concept.ok) throw new Error(`Demo: geen nieuw concept voor cliënt ${i}`);
        plan = planSchema.parse(concept.plan);
        extra = maakItems(spec.herzien, plusDagen(vandaag, 14), 'v2-');
      }
    }

    const besluit = REVIEW_STAND[i];
    const reviewRecords: DemoRecord[] = [];
    if (review && besluit !== undefined) {
      const terReview = stuurTerReview(plan);
      if (!terReview.ok) throw new Error(`Demo: plan ${i} kan niet ter review`);
      plan = planSchema.parse(terReview.plan);
      const reviewId = id(`review/${i}`);
      const op = (uren: number) => new Date(now.getTime() - uren * 3_600_000).toISOString();
      const r = reviewSchema.parse({
        planId,
        clientId,
        versie: plan.versie,
        casemanagerId: review.casemanagerId,
        casemanagerNaam: review.casemanagerNaam,
        gevraagdDoorNaam: review.arrangeurNaam,
        gevraagdOp: op(72),
        vraag: 'Wil je meekijken of de inzet past bij wat mevrouw of meneer zelf wil?',
        besluit,
        ...(besluit
          ? {
              besluitOp: op(20),
              besluitToelichting:
                besluit === 'akkoord'
                  ? 'Helder plan, de ladder is goed doorlopen.'
                  : 'Zie mijn opmerkingen; graag nog even naar kijken.',
            }
          : {}),
        ...metaVan('review', reviewId),
      });
      reviewRecords.push({
        ...als('review', r, clientId, REVIEW_VELDEN),
        ...(besluit ? { updatedBy: review.casemanagerId } : {}),
      });
      if (besluit === 'aanpassen') {
        const professioneel = [...items, ...extra].find((it) => it.stap === 'professioneel');
        const opmerkingen = [
          {
            sectie: 'professioneel',
            itemId: professioneel?.id,
            tekst: 'Is dagbesteding nog nodig als de buurvrouw twee keer per week langskomt?',
            afgehandeld: false,
          },
          {
            sectie: 'hulpvraag',
            tekst: 'Schrijf de hulpvraag in de woorden van de cliënt zelf.',
            afgehandeld: true,
          },
        ] as const;
        opmerkingen.forEach((o, j) => {
          const c = reviewCommentSchema.parse({
            ...o,
            reviewId,
            planId,
            auteurId: review.casemanagerId,
            auteurNaam: review.casemanagerNaam,
            aangemaaktOp: op(21 - j),
            ...metaVan('reviewComment', id(`reviewComment/${i}/${j}`)),
          });
          reviewRecords.push({
            ...als('reviewComment', c, clientId, COMMENT_VELDEN),
            updatedBy: o.afgehandeld ? updatedBy : review.casemanagerId,
          });
        });
      }
    }

    records.push({ id: planId, type: 'plan', clientId, fields: wire(PLAN_VELDEN, plan) });
    for (const d of doelen) records.push(als('doel', d, clientId, DOEL_VELDEN));
    for (const n of naasten) records.push(als('naaste', n, clientId, NAASTE_VELDEN));
    for (const item of [...items, ...extra])
      records.push(als('planItem', item, clientId, ITEM_VELDEN));
    records.push(...versies, ...reviewRecords);
  }
  const reviewClientIds = VOOR_REVIEW.map((i) => clientIds[i]).filter((c) => c !== undefined);
  // A review share lasts while the review waits for her besluit (issue 12 point 8): after
  // "aanpassen" or "akkoord" the casemanager no longer reads the client.
  const openReviewClientIds = VOOR_REVIEW.filter((i) => REVIEW_STAND[i] === null)
    .map((i) => clientIds[i])
    .filter((c) => c !== undefined);
  return { records, clientIds, reviewClientIds, openReviewClientIds };
}

/** The routing snapshot of an item with inzet; an inzet that cannot be routed is a data error. */
function routering(client: ClientGegevens, item: Pick<PlanItem, 'inzet'>, vandaag: string) {
  if (!item.inzet) return undefined;
  const snapshot = routeerPlanItem(client, item, vandaag);
  if (!snapshot) throw new Error(`Demo: inzet ${item.inzet.code} is niet te routeren`);
  return snapshot;
}

/** The plan with the client's akkoord and an evaluatiedatum, vastgesteld on `start`. */
function vastgesteld(
  plan: Plan,
  spec: DemoPlan,
  c: {
    i: number;
    start: string;
    vandaag: string;
    doelen: Doel[];
    naasten: Naaste[];
    items: PlanItem[];
  },
): Plan {
  const dagen = spec.vastgesteld?.evaluatieOverDagen ?? 0;
  const metAkkoord = planSchema.parse({
    ...plan,
    akkoord: {
      datum: c.start,
      wijze: c.i % 2 ? 'handtekening' : 'mondeling',
      door: 'client',
    },
    evaluatiedatum: plusDagen(c.vandaag, dagen),
  });
  const stand = ladderStand({
    plan: metAkkoord,
    doelen: c.doelen,
    items: c.items,
    naasten: c.naasten,
  });
  const overgang = stelVast(metAkkoord, isoDateSchema.parse(c.start), stand);
  if (!overgang.ok)
    throw new Error(`Demo: plan ${c.i} niet vast te stellen: ${overgang.redenen.join(', ')}`);
  return planSchema.parse(overgang.plan);
}

const als = (
  type: DemoRecordType,
  record: { id: string },
  clientId: string,
  velden: readonly string[],
): DemoRecord => ({ id: record.id, type, clientId, fields: wire(velden, record) });

/** The listed fields as the wire carries them: absent becomes `null`, nothing `undefined` inside. */
function wire(velden: readonly string[], waarde: object): Record<string, unknown> {
  const w = waarde as Record<string, unknown>;
  return Object.fromEntries(velden.map((v) => [v, json(w[v] ?? null)]));
}

/** A JSON-safe copy (drops `undefined` keys, as the store would). */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/**
 * A UUID (version 4 layout) derived from the seed and a key: the same on every machine, distinct
 * for distinct keys (128-bit hash, cyrb128).
 */
export function demoId(seed: string, sleutel: string): string {
  const s = `${seed}/${sleutel}`;
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const hex = [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
