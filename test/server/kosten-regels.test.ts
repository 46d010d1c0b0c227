/**
 * The coordinator's kept lines and totals (issue 13, point 5; db/kosten-regels.ts) always equal
 * a full pricing of every plan, as the routes computed it per request before: after random
 * pushes (client facts changed, records deleted), tariff changes (new prices and withdrawals)
 * and new vastgestelde versies written beside the push. Each answer of the coordinator routes
 * is compared with the domain functions over a full recomputation.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { overridesAntwoordSchema, regelsAntwoordSchema } from '../../src/domain/kosten/api.ts';
import { overzichtSchema, vereveningSchema } from '../../src/domain/kosten/model.ts';
import { filterRegels, maakOverzicht } from '../../src/domain/kosten/overzicht.ts';
import { bouwRegelsMetBron, maakOverrides } from '../../src/domain/kosten/regels.ts';
import { maakVerevening } from '../../src/domain/kosten/verevening.ts';
import { maakDemoData } from '../../src/domain/demo/records.ts';
import { buildApp } from '../../src/server/app.ts';
import { maakDemoClienten } from '../../src/server/db/demo-data.ts';
import { laadKostenBron } from '../../src/server/db/kosten-bron.ts';
import { kostenHorizon, stroomRegels, werkKostenBij } from '../../src/server/db/kosten-regels.ts';
import { lockRecordWrites, nextRev, writeRecord } from '../../src/server/db/records.ts';
import type { Store } from '../../src/server/db/store.ts';
import { alleTarieven, verwijderTarief, voegTariefToe } from '../../src/server/db/tarieven.ts';
import { regelsCsv } from '../../src/server/routes/coordinator-csv.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { edit, mutation, push, userWithSession, type TestUser } from './fixtures/sync.ts';

const NU = new Date('2026-11-23T10:00:00Z');
const PERIODEN = [
  ['2025-01', '2026-12'],
  ['2026-06', '2026-09'],
] as const;

/** What the routes answered before issue 13: every plan loaded and priced for the question. */
async function volledig(store: Store, van: string, tot: string) {
  const [bron, tarieven] = await Promise.all([laadKostenBron(store, tot), alleTarieven(store)]);
  const lijnen = bouwRegelsMetBron({ plannen: bron.plannen, tarieven, van, tot });
  const regels = lijnen.map((l) => l.regel);
  return {
    overzicht: maakOverzicht(regels, van, tot),
    verevening: maakVerevening(regels, van, tot),
    regels,
    overrides: maakOverrides(lijnen),
  };
}

describe.each(STORE_KINDS)('kept cost lines on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anja: TestUser;
  let coordinator: TestUser;
  let beheerder: TestUser;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    anja = await userWithSession(t.store, 'arrangeur', 'Anja');
    await t.store.query("UPDATE gebruikers SET gebruikersnaam = 'anja' WHERE id = $1", [anja.id]);
    coordinator = await userWithSession(t.store, 'coordinator', 'Coen');
    beheerder = await userWithSession(t.store, 'beheerder', 'Bea');
    // The demo (through its own writer) and a second demo under another seed, written beside
    // the push as a server-side writer does: records, then werkKostenBij in one transaction.
    expect(await maakDemoClienten(t.store, NU)).toBeGreaterThan(0);
    const tweede = maakDemoData({ now: NU, updatedBy: anja.id, seed: 'kosten-tweede' });
    await t.store.transaction(async (tx) => {
      await lockRecordWrites(tx);
      for (const r of tweede.records) {
        await writeRecord(tx, {
          id: r.id,
          type: r.type,
          clientId: r.clientId,
          fields: r.fields,
          fieldRevs: {},
          rev: await nextRev(tx),
          updatedAt: NU.toISOString(),
          updatedBy: anja.id,
          deleted: false,
        });
      }
      await werkKostenBij(tx, tweede.clientIds);
    });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const get = async (url: string) => {
    const res = await app.inject({ url, headers: { cookie: coordinator.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  async function vergelijk() {
    for (const [van, tot] of PERIODEN) {
      const q = `van=${van}&tot=${tot}`;
      const verwacht = volledig(t.store, van, tot);
      const [o, v, r, ov, cel] = await Promise.all([
        get(`/api/coordinator/overzicht?${q}`),
        get(`/api/coordinator/verevening?${q}`),
        get(`/api/coordinator/regels?${q}`),
        get(`/api/coordinator/overrides?${q}`),
        get(`/api/coordinator/regels?${q}&maand=${tot}&domein=Zvw&financier=7095`),
      ]);
      const w = await verwacht;
      expect(overzichtSchema.parse(o.json()), q).toEqual(w.overzicht);
      expect(vereveningSchema.parse(v.json()), q).toEqual(w.verevening);
      expect(regelsAntwoordSchema.parse(r.json()).regels, q).toEqual(w.regels);
      expect(overridesAntwoordSchema.parse(ov.json()).overrides, q).toEqual(w.overrides);
      expect(regelsAntwoordSchema.parse(cel.json()).regels, q).toEqual(
        filterRegels(w.regels, { maand: tot, domein: 'Zvw', financier: '7095' }),
      );
      // The export streams the same lines, in the same bytes as the whole answer would be.
      const exp = await get(`/api/coordinator/export?soort=regels&formaat=json&${q}`);
      expect(exp.body).toBe(
        JSON.stringify(regelsAntwoordSchema.parse({ van, tot, regels: w.regels }), null, 2),
      );
      const csv = await get(`/api/coordinator/export?soort=regels&formaat=csv&${q}`);
      expect(csv.body).toBe(regelsCsv(w.regels));
    }
  }

  /** The records of a kind the coordinator counts, to pick random targets from. */
  const records = (type: string) =>
    t.store.query<{ id: string; client_id: string; fields: Record<string, unknown> }>(
      `SELECT id::text AS id, client_id::text AS client_id, fields FROM records
       WHERE type = $1 AND deleted = false ORDER BY id`,
      [type],
    );

  type Stap =
    | { soort: 'client'; i: number; gemeente: string; verzekeraar: string; geboren: string }
    | { soort: 'verwijder'; type: 'client' | 'plan' | 'planVersie' | 'naaste'; i: number }
    | { soort: 'tarief'; i: number; bedrag: number; maand: number }
    | { soort: 'intrekken'; i: number }
    | { soort: 'versie'; i: number; maand: number; factor: number };

  const stap: fc.Arbitrary<Stap> = fc.oneof(
    fc.record({
      soort: fc.constant('client' as const),
      i: fc.nat(),
      gemeente: fc.constantFrom('GM0228', 'GM0289', 'GM0200', 'GM0014'),
      verzekeraar: fc.constantFrom('7095', '3311', '0101'),
      geboren: fc.constantFrom('1938-07-14', '2010-02-28', '1961-12-31', '1955-01-01'),
    }),
    fc.record({
      soort: fc.constant('verwijder' as const),
      type: fc.constantFrom(
        'client' as const,
        'plan' as const,
        'planVersie' as const,
        'naaste' as const,
      ),
      i: fc.nat(),
    }),
    fc.record({
      soort: fc.constant('tarief' as const),
      i: fc.nat(),
      bedrag: fc.integer({ min: 0, max: 50_000 }),
      maand: fc.integer({ min: 1, max: 12 }),
    }),
    fc.record({ soort: fc.constant('intrekken' as const), i: fc.nat() }),
    fc.record({
      soort: fc.constant('versie' as const),
      i: fc.nat(),
      maand: fc.integer({ min: 1, max: 12 }),
      factor: fc.integer({ min: 0, max: 3 }),
    }),
  );

  async function voerUit(s: Stap) {
    switch (s.soort) {
      case 'client': {
        const c = await records('client');
        if (c.length === 0) return;
        const r = c[s.i % c.length]!;
        await push(app, anja, [
          edit('client', r.id, undefined, {
            gemeente: s.gemeente,
            zorgverzekeraar: s.verzekeraar,
            geboortedatum: s.geboren,
          }),
        ]);
        return;
      }
      case 'verwijder': {
        const c = await records(s.type);
        if (c.length === 0) return;
        const r = c[s.i % c.length]!;
        // Applied or refused (a vastgesteld plan may not go): either way the lines must follow.
        await push(app, anja, [
          mutation({
            recordType: s.type,
            recordId: r.id as never,
            clientId: r.client_id as never,
            deleted: true,
          } as never),
        ]);
        return;
      }
      case 'tarief': {
        const codes = await t.store.query<{ inzet_code: string; domein: string }>(
          `SELECT DISTINCT inzet_code, domein FROM kosten_regel WHERE domein <> 'geen'
           ORDER BY inzet_code, domein`,
        );
        if (codes.length === 0) return;
        const c = codes[s.i % codes.length]!;
        const jaar = 2027 + (Math.floor(s.i / codes.length) % 3);
        await voegTariefToe(
          t.store,
          {
            inzetCode: c.inzet_code,
            domein: c.domein as 'Zvw',
            financierCode: s.i % 2 === 0 ? null : '7095',
            bedrag: s.bedrag / 100,
            geldigVan: `${jaar - 1}-${String(s.maand).padStart(2, '0')}-01`,
          },
          beheerder.id,
          NU,
        );
        return;
      }
      case 'intrekken': {
        const rijen = await t.store.query<{ id: string }>(
          'SELECT id::text AS id FROM tarieven WHERE NOT demo ORDER BY id',
        );
        if (rijen.length === 0) return;
        await verwijderTarief(t.store, rijen[s.i % rijen.length]!.id, beheerder.id, NU);
        return;
      }
      case 'versie': {
        const v = await records('planVersie');
        if (v.length === 0) return;
        const r = v[s.i % v.length]!;
        const inhoud = r.fields['inhoud'] as { items: Record<string, unknown>[] };
        const items = inhoud.items.map((item) => {
          const inzet = item['inzet'] as { omvang?: { aantal: number } } | undefined;
          return inzet?.omvang
            ? {
                ...item,
                inzet: {
                  ...inzet,
                  omvang: { ...inzet.omvang, aantal: inzet.omvang.aantal * s.factor },
                },
              }
            : item;
        });
        await t.store.transaction(async (tx) => {
          await lockRecordWrites(tx);
          await writeRecord(tx, {
            id: randomUUID(),
            type: 'planVersie',
            clientId: r.client_id,
            fields: {
              ...r.fields,
              versie: Number(r.fields['versie']) + 10,
              vastgesteldOp: `2026-${String(s.maand).padStart(2, '0')}-15`,
              inhoud: { ...inhoud, items },
            },
            fieldRevs: {},
            rev: await nextRev(tx),
            updatedAt: NU.toISOString(),
            updatedBy: anja.id,
            deleted: false,
          });
          await werkKostenBij(tx, [r.client_id]);
        });
        return;
      }
    }
  }

  it('starts equal to a full pricing, with lines to compare', async () => {
    expect(await kostenHorizon(t.store)).toMatch(/^\d{4}-12$/);
    const n = await t.store.query<{ n: number }>('SELECT count(*)::int AS n FROM kosten_regel');
    expect(n[0]!.n).toBeGreaterThan(100);
    await vergelijk();
  });

  it('a push only queues its client; the queue is drained before a read and in the background', async () => {
    // A server whose background drain waits long: what the push itself did is seen alone.
    const traag = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
      kostenWachtMs: 600_000,
    });
    try {
      const [c] = await records('client');
      const id = c!.client_id;
      const geboren = async () =>
        (
          await t.store.query<{ g: string | null }>(
            'SELECT geboortedatum AS g FROM kosten_client WHERE client_id = $1',
            [id],
          )
        )[0]?.g;
      const wachtrij = async () =>
        (
          await t.store.query<{ id: string }>(
            'SELECT client_id::text AS id FROM kosten_wachtrij ORDER BY client_id',
          )
        ).map((r) => r.id);
      const voor = await geboren();
      const nieuw = voor === '1938-07-14' ? '1961-12-31' : '1938-07-14';
      const [r] = await push(traag, anja, [
        edit('client', c!.id, undefined, { geboortedatum: nieuw }),
      ]);
      expect(r?.status).toBe('applied');
      // Not priced inside the push: queued, in the push's transaction.
      expect(await wachtrij()).toEqual([id]);
      expect(await geboren()).toBe(voor);
      // A coordinator read drains first, so it equals a full pricing.
      const res = await traag.inject({
        url: '/api/coordinator/overzicht?van=2026-01&tot=2026-12',
        headers: { cookie: coordinator.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(await wachtrij()).toEqual([]);
      expect(await geboren()).toBe(nieuw);
      // The usual server drains by itself shortly after a push.
      const [r2] = await push(app, anja, [
        edit('client', c!.id, undefined, { geboortedatum: voor }),
      ]);
      expect(r2?.status).toBe('applied');
      await vi.waitFor(async () => expect(await wachtrij()).toEqual([]), { timeout: 10_000 });
      expect(await geboren()).toBe(voor);
      await vergelijk();
    } finally {
      await traag.close();
    }
  });

  it('stays equal after random pushes, tariff changes, new versies and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stap, { minLength: 3, maxLength: 6 }), async (stappen) => {
        for (const s of stappen) await voerUit(s);
        await vergelijk();
      }),
      { numRuns: kind === 'pglite' ? 6 : 4, endOnFailure: true },
    );
  }, 300_000);

  it('streams an export without lines as the whole answer was: the header, or an empty list', async () => {
    const q = 'van=2010-01&tot=2010-12';
    const csv = await get(`/api/coordinator/export?soort=regels&formaat=csv&${q}`);
    expect(csv.body).toBe(regelsCsv([]));
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="wie-betaalt-wat-regels-2010-01-2010-12.csv"',
    );
    const json = await get(`/api/coordinator/export?soort=regels&formaat=json&${q}`);
    expect(json.body).toBe(JSON.stringify({ van: '2010-01', tot: '2010-12', regels: [] }, null, 2));
  });

  it('streams a line export page by page in the order of the whole answer', async () => {
    const f = { van: '2025-01', tot: '2026-12' };
    const groot: string[] = [];
    for await (const p of stroomRegels(t.store, f))
      groot.push(...p.map((o) => `${o.clientId}|${JSON.stringify(o.regel)}`));
    const klein: string[] = [];
    let paginas = 0;
    for await (const p of stroomRegels(t.store, f, 7)) {
      expect(p.length).toBeLessThanOrEqual(7);
      paginas += 1;
      klein.push(...p.map((o) => `${o.clientId}|${JSON.stringify(o.regel)}`));
    }
    expect(paginas).toBeGreaterThan(10);
    expect(klein).toEqual(groot);
  });

  it('prices a period past the kept horizon per request, with the same result', async () => {
    const horizon = await kostenHorizon(t.store);
    const tot = `${Number(horizon.slice(0, 4)) + 1}-03`;
    const van = `${horizon.slice(0, 4)}-06`;
    const o = await get(`/api/coordinator/overzicht?van=${van}&tot=${tot}`);
    expect(overzichtSchema.parse(o.json())).toEqual((await volledig(t.store, van, tot)).overzicht);
  });
});
