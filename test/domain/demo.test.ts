import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DEMO_SEED, demoId, maakDemoData, type DemoRecord } from '../../src/domain/demo/records.ts';
import { clientInvoerSchema, clientSchema } from '../../src/domain/model/client.ts';
import {
  doelSchema,
  doelVeldenSchema,
  LADDER_STAPPEN,
  naasteSchema,
  naasteVeldenSchema,
  planItemSchema,
  planItemVeldenSchema,
  planSchema,
  planVeldenSchema,
  planVersieSchema,
  type Naaste,
  type Plan,
  type PlanItem,
} from '../../src/domain/plan/model.ts';
import {
  reviewCommentSchema,
  reviewCommentVeldenSchema,
  reviewSchema,
  reviewVeldenSchema,
  type Review,
  type ReviewComment,
} from '../../src/domain/plan/review.ts';
import { effectiefDomein } from '../../src/domain/plan/routering.ts';
import { evaluatieStatus, reviewStand } from '../../src/domain/plan/status.ts';

const NU = new Date('2026-11-23T09:00:00Z');
const VANDAAG = '2026-11-23';
const AUTEUR = '00000000-0000-4000-8000-00000000a11a';

/** The domain schema of each type, and the fields schema whose shape says where null is a value. */
const SCHEMAS = {
  client: [clientSchema, clientInvoerSchema],
  plan: [planSchema, planVeldenSchema],
  doel: [doelSchema, doelVeldenSchema],
  naaste: [naasteSchema, naasteVeldenSchema],
  planItem: [planItemSchema, planItemVeldenSchema],
  planVersie: [planVersieSchema, null],
  review: [reviewSchema, reviewVeldenSchema],
  reviewComment: [reviewCommentSchema, reviewCommentVeldenSchema],
} as const;

/** A wire record read back as a domain record: `null` means absent except where null is a value. */
function lees(r: DemoRecord): unknown {
  const [schema, velden] = SCHEMAS[r.type];
  const shape: Record<string, z.ZodType> = velden ? velden.shape : {};
  const fields = Object.fromEntries(
    Object.entries(r.fields).filter(([k, v]) => v !== null || shape[k]?.safeParse(null).success),
  );
  return schema.parse({
    ...fields,
    type: r.type,
    id: r.id,
    updatedAt: NU.toISOString(),
    updatedBy: AUTEUR,
  });
}

const demo = maakDemoData({ now: NU, updatedBy: AUTEUR });
const van = <T>(type: DemoRecord['type']) =>
  demo.records.filter((r) => r.type === type).map((r) => lees(r) as T);

describe('demo data', () => {
  it('parses with the domain schemas, with unique ids, each record under its own client', () => {
    for (const r of demo.records) expect(() => lees(r), `${r.type} ${r.id}`).not.toThrow();
    expect(new Set(demo.records.map((r) => r.id)).size).toBe(demo.records.length);
    for (const r of demo.records) expect(demo.clientIds).toContain(r.clientId);
    for (const r of demo.records.filter((x) => x.type === 'client')) expect(r.clientId).toBe(r.id);
    // Wire form: every field present, "no value" as null, nothing undefined.
    for (const r of demo.records) expect(Object.values(r.fields)).not.toContain(undefined);
  });

  it('has 25–35 clients, a few shared for review, no BSN', () => {
    expect(demo.clientIds.length).toBeGreaterThanOrEqual(25);
    expect(demo.clientIds.length).toBeLessThanOrEqual(35);
    expect(demo.reviewClientIds.length).toBeGreaterThanOrEqual(2);
    expect(demo.reviewClientIds.length).toBeLessThanOrEqual(3);
    for (const id of demo.reviewClientIds) expect(demo.clientIds).toContain(id);
    for (const r of demo.records.filter((x) => x.type === 'client'))
      expect(r.fields['bsn']).toBeNull();
  });

  it('gives plans in every state, with evaluations due relative to now', () => {
    const plannen = van<Plan>('plan');
    expect(plannen.length).toBeGreaterThanOrEqual(25);
    expect(new Set(plannen.map((p) => `${p.status}/${p.versie}`))).toEqual(
      new Set(['concept/1', 'vastgesteld/1', 'concept/2']),
    );
    for (const p of plannen.filter((x) => x.status === 'vastgesteld')) {
      expect(p.akkoord?.datum).toBe(p.vastgesteldOp);
      expect(p.evaluatiedatum).toBeDefined();
    }
    expect(new Set(plannen.map((p) => evaluatieStatus(p, VANDAAG)))).toEqual(
      new Set(['geen', 'binnenkort', 'verlopen']),
    );
    // Relative to now: a year later the same demo still has every state.
    const later = maakDemoData({ now: new Date('2027-11-23T09:00:00Z'), updatedBy: AUTEUR });
    const laterPlannen = later.records.filter((r) => r.type === 'plan').map((r) => lees(r) as Plan);
    expect(new Set(laterPlannen.map((p) => evaluatieStatus(p, '2027-11-23')))).toEqual(
      new Set(['geen', 'binnenkort', 'verlopen']),
    );

    // Every plan that was ever vastgesteld has its snapshot, of the version then agreed.
    const versies = demo.records.filter((r) => r.type === 'planVersie');
    for (const p of plannen.filter((x) => x.status === 'vastgesteld' || x.versie > 1)) {
      const eigen = versies.filter((v) => v.fields['planId'] === p.id);
      expect(eigen).toHaveLength(1);
      expect(eigen[0]?.fields['versie']).toBe(1);
    }
    expect(versies).toHaveLength(
      plannen.filter((p) => p.status !== 'concept' || p.versie > 1).length,
    );
  });

  it('puts items on every rung, routed to Zvw, Wmo, Wlz and Jeugdwet, with an override', () => {
    const items = van<PlanItem>('planItem');
    expect(new Set(items.map((i) => i.stap))).toEqual(new Set(LADDER_STAPPEN));
    for (const i of items) expect(i.routering !== undefined).toBe(i.inzet !== undefined);
    const domeinen = new Set(items.map((i) => i.routering?.domein).filter(Boolean));
    for (const d of ['Wmo', 'Zvw', 'Wlz', 'Jeugdwet']) expect(domeinen).toContain(d);
    const overschreven = items.filter((i) => i.override);
    expect(overschreven.length).toBeGreaterThan(0);
    expect(overschreven.every((i) => effectiefDomein(i) !== i.routering?.domein)).toBe(true);
    // Links stay within the plan and the client.
    const plannen = new Map(van<Plan>('plan').map((p) => [p.id, p]));
    const naasten = new Map(van<Naaste>('naaste').map((n) => [n.id, n]));
    const doelen = new Map(
      demo.records.filter((r) => r.type === 'doel').map((r) => [r.id, r.fields['planId']]),
    );
    for (const i of items) {
      expect(plannen.has(i.planId)).toBe(true);
      if (i.doelId) expect(doelen.get(i.doelId)).toBe(i.planId);
      if (i.naasteId)
        expect(naasten.get(i.naasteId)?.clientId).toBe(plannen.get(i.planId)?.clientId);
    }
  });

  it('has naasten with every belasting', () => {
    expect(new Set(van<Naaste>('naaste').map((n) => n.belasting))).toEqual(
      new Set(['licht', 'gemiddeld', 'zwaar', 'overbelast']),
    );
  });

  it('makes the same ids from the same seed, other ids from another', () => {
    const nog = maakDemoData({ now: new Date('2027-01-01T00:00:00Z'), updatedBy: 'x' });
    expect(nog.records.map((r) => r.id)).toEqual(demo.records.map((r) => r.id));
    const ander = maakDemoData({ now: NU, updatedBy: AUTEUR, seed: 'ander' });
    expect(ander.clientIds.some((id) => demo.clientIds.includes(id))).toBe(false);
    expect(demoId(DEMO_SEED, 'client/0')).toBe(demo.clientIds[0]);
    expect(demoId('a', 'b')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('demo review rounds (issue 6)', () => {
  const CARLA = '00000000-0000-4000-8000-0000000c0a1a';
  const metReview = maakDemoData({
    now: NU,
    updatedBy: AUTEUR,
    review: { casemanagerId: CARLA, casemanagerNaam: 'Carla Visser', arrangeurNaam: 'Anja' },
  });
  const soort = <T>(type: DemoRecord['type']) =>
    metReview.records.filter((r) => r.type === type).map((r) => lees(r) as T);

  it('are only made when a real casemanager is named', () => {
    expect(demo.records.filter((r) => r.type === 'review' || r.type === 'reviewComment')).toEqual(
      [],
    );
    for (const r of metReview.records) expect(() => lees(r), `${r.type} ${r.id}`).not.toThrow();
    expect(new Set(metReview.records.map((r) => r.id)).size).toBe(metReview.records.length);
  });

  it('gives each shared client one review to carla: waiting, aanpassen, akkoord', () => {
    const reviews = soort<Review>('review');
    expect(reviews.map((r) => r.clientId).sort()).toEqual([...metReview.reviewClientIds].sort());
    expect(reviews.map((r) => r.besluit).sort()).toEqual(['aanpassen', 'akkoord', null].sort());
    const plannen = new Map(soort<Plan>('plan').map((p) => [p.id, p]));
    const comments = soort<ReviewComment>('reviewComment');
    const stand = new Map<string | null, ReturnType<typeof reviewStand>>();
    for (const r of reviews) {
      expect(r.casemanagerId).toBe(CARLA);
      const plan = plannen.get(r.planId);
      expect(plan?.clientId).toBe(r.clientId);
      expect(plan?.status).toBe('ter-review');
      expect(r.versie).toBe(plan?.versie);
      stand.set(
        r.besluit,
        reviewStand(
          reviews.filter((x) => x.planId === r.planId),
          comments.filter((c) => c.planId === r.planId),
          r.versie,
          'ter-review',
        ),
      );
    }
    expect(stand.get(null)?.status).toBe('wacht');
    expect(stand.get('aanpassen')).toMatchObject({ status: 'aanpassen', open: 1 });
    expect(stand.get('akkoord')).toMatchObject({ status: 'akkoord', open: 0 });
    // Two comments by carla on the aanpassen round: one open on an item of the plan, one handled.
    const aanpassen = reviews.find((r) => r.besluit === 'aanpassen')!;
    expect(comments).toHaveLength(2);
    expect(comments.map((c) => c.afgehandeld).sort()).toEqual([false, true]);
    const items = new Map(soort<PlanItem>('planItem').map((i) => [i.id, i]));
    for (const c of comments) {
      expect(c).toMatchObject({
        reviewId: aanpassen.id,
        planId: aanpassen.planId,
        auteurId: CARLA,
      });
    }
    const open = comments.find((c) => !c.afgehandeld)!;
    expect(items.get(open.itemId!)?.planId).toBe(aanpassen.planId);
    // The casemanager's own writes carry her id; the arrangeur's handling carries hers.
    const byId = new Map(metReview.records.map((r) => [r.id, r]));
    expect(byId.get(aanpassen.id)?.updatedBy).toBe(CARLA);
    expect(byId.get(open.id)?.updatedBy).toBe(CARLA);
    expect(byId.get(reviews.find((r) => r.besluit === null)!.id)?.updatedBy).toBeUndefined();
  });
});
