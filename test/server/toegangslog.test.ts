/**
 * Issue 12, point 9, on both stores: the access log is append-only (a database trigger refuses
 * UPDATE, DELETE and TRUNCATE), carries who, role, action, client, when, device, source address
 * and outcome; failed logins and a beheerder's reads of caseloads are logged; a push's log row
 * commits with its mutation or not at all; the beheerder reads it per client or per user over a
 * period, as JSON or CSV, and that read is logged too.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { toegangslogAntwoordSchema } from '../../src/server/routes/beheer.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { login, maakTestGebruiker } from './fixtures/gebruikers.ts';
import {
  eigenApparaat,
  count,
  newClient,
  newNaaste,
  push,
  pushOk,
  userWithSession,
  type TestUser,
} from './fixtures/sync.ts';

interface LogRij {
  gebruiker_id: string | null;
  rol: string | null;
  actie: string;
  client_id: string | null;
  aantal: number;
  apparaat: string | null;
  adres: string | null;
  uitkomst: string;
}

describe.each(STORE_KINDS)('access log on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let anja: TestUser;
  let beheerCookie: string;
  let beheerderId: string;
  const client = randomUUID();

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
    });
    anja = await userWithSession(t.store, 'arrangeur', 'Anja');
    beheerderId = (await maakTestGebruiker(t.store, { gebruikersnaam: 'bea', rol: 'beheerder' }))
      .id;
    beheerCookie = await login(app, 'bea');
    await pushOk(app, anja, newClient(client));
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const rijen = (waar: string, params: unknown[]) =>
    t.store.query<LogRij>(
      `SELECT gebruiker_id, rol, actie, client_id, aantal, apparaat, adres, uitkomst
       FROM toegang_log WHERE ${waar} ORDER BY id`,
      params,
    );
  const beheer = (url: string, cookie = beheerCookie) =>
    app.inject({ method: 'GET', url, headers: { cookie } });

  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    const voor = await count(t.store, 'toegang_log');
    expect(voor).toBeGreaterThan(0);
    await expect(t.store.query("UPDATE toegang_log SET actie = 'niets'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.store.query('DELETE FROM toegang_log')).rejects.toThrow(/append-only/);
    await expect(t.store.query('TRUNCATE toegang_log')).rejects.toThrow(/append-only/);
    expect(await count(t.store, 'toegang_log')).toBe(voor);
  });

  it('a push and a pull carry role, device, source address and outcome', async () => {
    const bert = await userWithSession(t.store, 'arrangeur', 'Bert');
    const vanBert = randomUUID();
    await pushOk(app, bert, newClient(vanBert));
    const [ok, geweigerd] = await push(
      app,
      anja,
      [newNaaste(client), newNaaste(vanBert)],
      'tablet-anja-7',
    );
    expect(ok).toMatchObject({ status: 'applied' });
    expect(geweigerd).toMatchObject({ status: 'rejected' });
    const res = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&deviceId=tablet-anja-7',
      headers: { cookie: anja.cookie },
    });
    expect(res.statusCode).toBe(200);
    const log = await rijen("gebruiker_id = $1 AND actie IN ('push', 'pull') AND client_id = $2", [
      anja.id,
      client,
    ]);
    expect(log.at(-2)).toMatchObject({
      actie: 'push',
      rol: 'arrangeur',
      // The push fixture binds a device id to its user (issue 12 point 3).
      apparaat: eigenApparaat(anja, 'tablet-anja-7'),
      adres: '127.0.0.1',
      uitkomst: 'ok',
    });
    expect(log.at(-1)).toMatchObject({
      actie: 'pull',
      rol: 'arrangeur',
      apparaat: 'tablet-anja-7',
      adres: '127.0.0.1',
      uitkomst: 'ok',
      aantal: 2,
    });
    const refused = await rijen("gebruiker_id = $1 AND actie = 'push:geweigerd'", [anja.id]);
    expect(refused.at(-1)).toMatchObject({
      client_id: vanBert,
      uitkomst: 'geweigerd',
      apparaat: eigenApparaat(anja, 'tablet-anja-7'),
    });
  });

  it('a push’s log row commits with its mutation: when the log cannot be written, nothing is', async () => {
    const naaste = newNaaste(client);
    await t.store.exec(`
      CREATE FUNCTION test_geen_push_log() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.actie = 'push' THEN RAISE EXCEPTION 'log kapot'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_geen_push_log BEFORE INSERT ON toegang_log
        FOR EACH ROW EXECUTE FUNCTION test_geen_push_log();`);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: anja.cookie },
        payload: { deviceId: 'tablet-1', mutations: [naaste] },
      });
      // The mutation's transaction rolls back as a whole: it is answered `rejected` (the rest of a
      // batch would go on) and neither the record nor its answer is stored.
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ results: [{ status: 'rejected' }] });
      expect(await count(t.store, 'records WHERE id = $1', [naaste.recordId])).toBe(0);
      expect(
        await count(t.store, 'applied_mutations WHERE mutation_id = $1', [naaste.mutationId]),
      ).toBe(0);
    } finally {
      await t.store.exec(`DROP TRIGGER test_geen_push_log ON toegang_log;
        DROP FUNCTION test_geen_push_log();`);
    }
    // Sent again once the log works: applied, and logged.
    await pushOk(app, anja, naaste);
    expect(await count(t.store, 'records WHERE id = $1', [naaste.recordId])).toBe(1);
  });

  it('logs a failed login, against the account when the name exists, never the typed name', async () => {
    const fout = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam: 'bea', wachtwoord: 'niet-het-goede-wachtwoord' },
    });
    expect(fout.statusCode).toBe(401);
    const onbekend = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam: 'geheim-wachtwoord-per-ongeluk', wachtwoord: 'x' },
    });
    expect(onbekend.statusCode).toBe(401);
    const log = await rijen("actie = 'login' AND uitkomst = 'geweigerd'", []);
    expect(log).toEqual([
      expect.objectContaining({ gebruiker_id: beheerderId, rol: 'beheerder', adres: '127.0.0.1' }),
      expect.objectContaining({ gebruiker_id: null, rol: null, adres: '127.0.0.1' }),
    ]);
    const alles = JSON.stringify(await t.store.query('SELECT * FROM toegang_log'));
    expect(alles).not.toContain('geheim-wachtwoord-per-ongeluk');
  });

  it('logs a beheerder’s read of the caseloads, per client listed', async () => {
    const res = await beheer('/api/beheer/gebruikers');
    expect(res.statusCode).toBe(200);
    const log = await rijen("gebruiker_id = $1 AND actie = 'beheer:caseloads-gelezen'", [
      beheerderId,
    ]);
    const caseloads = await t.store.query<{ client_id: string }>('SELECT client_id FROM caseload');
    expect(log.map((r) => r.client_id).sort()).toEqual(caseloads.map((r) => r.client_id).sort());
    expect(log.find((r) => r.client_id === client)).toMatchObject({
      rol: 'beheerder',
      aantal: 1,
      uitkomst: 'ok',
      adres: '127.0.0.1',
    });
  });

  describe('GET /api/beheer/toegangslog', () => {
    // The log's time is the database's (now()), not the app's test clock.
    const dag = 24 * 60 * 60 * 1000;
    const periode = `van=${new Date(Date.now() - dag).toISOString()}&tot=${new Date(Date.now() + dag).toISOString()}`;

    it('per client over a period, and the read itself is logged', async () => {
      const res = await beheer(`/api/beheer/toegangslog?clientId=${client}&${periode}`);
      expect(res.statusCode, res.body).toBe(200);
      const { regels, meer } = toegangslogAntwoordSchema.parse(res.json());
      expect(meer).toBe(false);
      expect(regels.length).toBeGreaterThan(3);
      for (const r of regels) expect(r.clientId).toBe(client);
      expect(regels.map((r) => r.actie)).toEqual(expect.arrayContaining(['push', 'pull']));
      expect(regels.find((r) => r.actie === 'pull')).toMatchObject({
        gebruikerId: anja.id,
        gebruikersnaam: anja.gebruikersnaam,
        rol: 'arrangeur',
        apparaat: 'tablet-anja-7',
        adres: '127.0.0.1',
        uitkomst: 'ok',
      });
      // Oldest first.
      expect(regels.map((r) => r.op)).toEqual([...regels.map((r) => r.op)].sort());
      const gelezen = await rijen("gebruiker_id = $1 AND actie = 'beheer:toegangslog-gelezen'", [
        beheerderId,
      ]);
      expect(gelezen.at(-1)).toMatchObject({ client_id: client, aantal: regels.length });

      // Another period: nothing.
      const leeg = await beheer(
        `/api/beheer/toegangslog?clientId=${client}&van=2025-01-01&tot=2025-02-01`,
      );
      expect(leeg.json()).toEqual({ regels: [], meer: false });
    });

    it('per user: what she did', async () => {
      const res = await beheer(`/api/beheer/toegangslog?gebruikerId=${anja.id}&${periode}`);
      const { regels } = toegangslogAntwoordSchema.parse(res.json());
      expect(regels.length).toBeGreaterThan(0);
      for (const r of regels) expect(r.gebruikerId).toBe(anja.id);
    });

    it('as CSV for Excel: BOM, semicolons, a header, the same rows', async () => {
      const json = toegangslogAntwoordSchema.parse(
        (await beheer(`/api/beheer/toegangslog?clientId=${client}&${periode}`)).json(),
      );
      const res = await beheer(`/api/beheer/toegangslog?clientId=${client}&${periode}&formaat=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const parsed = Papa.parse<string[]>(res.body.slice(1).trim(), { delimiter: ';' });
      const [kop, ...data] = parsed.data;
      expect(kop).toEqual([
        'tijdstip',
        'gebruiker-id',
        'gebruikersnaam',
        'rol',
        'actie',
        'client-id',
        'aantal',
        'apparaat',
        'adres',
        'uitkomst',
        'betreft gebruiker-id',
      ]);
      // The JSON read above is itself a new row for this client, so the CSV has one more.
      expect(data.length).toBe(json.regels.length + 1);
      expect(data[0]?.[0]).toBe(json.regels[0]?.op);
      expect(data.every((r) => r[5] === client)).toBe(true);
      expect(
        await count(
          t.store,
          "toegang_log WHERE actie = 'beheer:toegangslog-export' AND client_id = $1",
          [client],
        ),
      ).toBe(1);
    });

    it.each([
      ['no id', `?${periode}`],
      ['both ids', `?clientId=${randomUUID()}&gebruikerId=${randomUUID()}&${periode}`],
      ['a name instead of an id', `?clientId=jansen&${periode}`],
      ['van after tot', `?clientId=${randomUUID()}&van=2026-12-01&tot=2026-11-01`],
      ['more than a year', `?clientId=${randomUUID()}&van=2024-01-01&tot=2026-01-01`],
      ['no period', `?clientId=${randomUUID()}`],
      ['an unknown parameter', `?clientId=${randomUUID()}&${periode}&bsn=123`],
    ])('answers 400 to %s', async (_naam, qs) => {
      expect((await beheer(`/api/beheer/toegangslog${qs}`)).statusCode).toBe(400);
    });

    it('is for a beheerder only', async () => {
      const url = `/api/beheer/toegangslog?clientId=${client}&${periode}`;
      expect((await beheer(url, anja.cookie)).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    });
  });
});
