/**
 * Tariff routes (issue 6, point 2), on both stores: demo rows shipped by migration 004, read by
 * coordinator and beheerder, changed by the beheerder only — a new price closes the previous row
 * of its series, the latest row can be withdrawn (the previous reopens), the past is never
 * rewritten.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INZET_CATALOGUS } from '../../src/domain/catalog/index.ts';
import { tarievenAntwoordSchema } from '../../src/domain/kosten/api.ts';
import { tariefSchema, type Tarief } from '../../src/domain/kosten/model.ts';
import { buildApp } from '../../src/server/app.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { userWithSession, type TestUser } from './fixtures/sync.ts';

describe.each(STORE_KINDS)('tariff routes on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let beheerder: TestUser;
  let coordinator: TestUser;
  let arrangeur: TestUser;
  let casemanager: TestUser;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    beheerder = await userWithSession(t.store, 'beheerder', 'Bea');
    coordinator = await userWithSession(t.store, 'coordinator', 'Coen');
    arrangeur = await userWithSession(t.store, 'arrangeur', 'Anja');
    casemanager = await userWithSession(t.store, 'casemanager', 'Carla');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const lees = async (user: TestUser = coordinator): Promise<Tarief[]> => {
    const res = await app.inject({ url: '/api/tarieven', headers: { cookie: user.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return tarievenAntwoordSchema.parse(res.json()).tarieven;
  };
  const post = (body: unknown, user: TestUser = beheerder) =>
    app.inject({
      method: 'POST',
      url: '/api/beheer/tarieven',
      headers: { cookie: user.cookie },
      payload: body as Record<string, unknown>,
    });
  const del = (id: string, user: TestUser = beheerder) =>
    app.inject({
      method: 'DELETE',
      url: `/api/beheer/tarieven/${id}`,
      headers: { cookie: user.cookie },
    });
  const reeks = (ts: Tarief[], inzetCode: string, domein: string, financierCode: string | null) =>
    ts.filter(
      (x) => x.inzetCode === inzetCode && x.domein === domein && x.financierCode === financierCode,
    );

  it('ships demo tariffs, labelled demo, for every paid inzet type of the catalog', async () => {
    const tarieven = await lees();
    expect(
      tarieven.every((x) => x.demo && x.geldigVan === '2015-01-01' && x.geldigTot === undefined),
    ).toBe(true);
    const codes = new Set(tarieven.map((x) => x.inzetCode));
    for (const i of INZET_CATALOGUS) {
      if (i.categorie === 'informele-hulp') expect(codes.has(i.code), i.code).toBe(false);
      else expect(codes.has(i.code), i.code).toBe(true);
    }
    expect(reeks(tarieven, 'VP-WONDZORG', 'Zvw', null)[0]?.bedrag).toBe(80);
    expect(reeks(tarieven, 'HH-SCHOONMAAK', 'Wmo', null)[0]).toMatchObject({
      bedrag: 35,
      volumeEenheid: 'uur',
    });
    expect(reeks(tarieven, 'DB-OUDEREN', 'Wmo', null)[0]).toMatchObject({
      bedrag: 60,
      volumeEenheid: 'dagdeel',
    });
    expect(reeks(tarieven, 'PA-ALARM', 'Wmo', null)[0]?.volumeEenheid).toBe('maand');
  });

  it('lets coordinator and beheerder read, nobody else', async () => {
    expect((await lees(beheerder)).length).toBeGreaterThan(100);
    for (const user of [arrangeur, casemanager]) {
      const res = await app.inject({ url: '/api/tarieven', headers: { cookie: user.cookie } });
      expect(res.statusCode).toBe(403);
    }
    expect((await app.inject({ url: '/api/tarieven' })).statusCode).toBe(401);
  });

  it('adds a price from a date and ends the previous one the day before', async () => {
    const res = await post({
      inzetCode: 'PV-ADL',
      domein: 'Zvw',
      financierCode: null,
      bedrag: 64.5,
      geldigVan: '2027-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const nieuw = tariefSchema.parse(res.json());
    expect(nieuw).toMatchObject({
      bedrag: 64.5,
      demo: false,
      volumeEenheid: 'uur',
      geldigVan: '2027-01-01',
    });
    expect(nieuw.geldigTot).toBeUndefined();
    const r = reeks(await lees(), 'PV-ADL', 'Zvw', null);
    expect(r.map((x) => [x.geldigVan, x.geldigTot ?? null, x.bedrag])).toEqual([
      ['2015-01-01', '2026-12-31', 62],
      ['2027-01-01', null, 64.5],
    ]);
    const log = await t.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM toegang_log WHERE gebruiker_id = $1 AND actie = 'beheer:tarief-toegevoegd' AND client_id IS NULL",
      [beheerder.id],
    );
    expect(log[0]!.n).toBe(1);
  });

  it('starts a financier-specific series next to the default', async () => {
    const res = await post({
      inzetCode: 'PV-ADL',
      domein: 'Zvw',
      financierCode: '7095',
      bedrag: 61,
      geldigVan: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const ts = await lees();
    expect(reeks(ts, 'PV-ADL', 'Zvw', '7095')).toHaveLength(1);
    expect(reeks(ts, 'PV-ADL', 'Zvw', null)).toHaveLength(2);
  });

  it('refuses a price that does not start after the latest one with 409', async () => {
    for (const geldigVan of ['2027-01-01', '2026-06-01']) {
      const res = await post({
        inzetCode: 'PV-ADL',
        domein: 'Zvw',
        financierCode: null,
        bedrag: 70,
        geldigVan,
      });
      expect(res.statusCode, geldigVan).toBe(409);
      expect(res.json().message).toMatch(/must start after 2027-01-01/);
    }
    expect(reeks(await lees(), 'PV-ADL', 'Zvw', null)).toHaveLength(2);
  });

  it('refuses invalid input with 400 and other roles with 403', async () => {
    const goed = {
      inzetCode: 'HH-SCHOONMAAK',
      domein: 'Wmo',
      financierCode: null,
      bedrag: 36,
      geldigVan: '2027-01-01',
    };
    for (const fout of [
      { ...goed, inzetCode: 'BESTAAT-NIET' },
      { ...goed, bedrag: 36.125 },
      { ...goed, bedrag: -1 },
      { ...goed, domein: 'geen' },
      { ...goed, geldigVan: '2027-02-30' },
      { ...goed, extra: true },
    ]) {
      expect((await post(fout)).statusCode, JSON.stringify(fout)).toBe(400);
    }
    for (const user of [coordinator, arrangeur, casemanager]) {
      expect((await post(goed, user)).statusCode).toBe(403);
    }
    expect(
      (await app.inject({ method: 'POST', url: '/api/beheer/tarieven', payload: goed })).statusCode,
    ).toBe(401);
  });

  it('withdraws only the latest price of a series and reopens the one before', async () => {
    const r = reeks(await lees(), 'PV-ADL', 'Zvw', null);
    const [oud, laatste] = r as [Tarief, Tarief];
    expect((await del(oud.id)).statusCode).toBe(409);
    expect((await del(laatste.id, coordinator)).statusCode).toBe(403);
    const res = await del(laatste.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      verwijderd: laatste.id,
      heropend: { id: oud.id, bedrag: 62 },
    });
    const na = reeks(await lees(), 'PV-ADL', 'Zvw', null);
    expect(na).toHaveLength(1);
    expect(na[0]!.geldigTot).toBeUndefined();
    expect((await del(laatste.id)).statusCode).toBe(404);
    expect((await del('niet-een-uuid')).statusCode).toBe(400);
    // A series of one: withdrawn, nothing to reopen.
    const vgz = reeks(await lees(), 'PV-ADL', 'Zvw', '7095')[0]!;
    const weg = await del(vgz.id);
    expect(weg.json()).toEqual({ verwijderd: vgz.id, heropend: null });
  });
});
