/**
 * Issue 12, point 8 on the server, on both stores: the password policy on create, reset and
 * change; changing your own password; a beheerder deactivating a user (no login, sessions end at
 * once) and resetting a password; taking away access to a client sends a revocation in the next
 * pull, once.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { wachtwoordBezwaar } from '../../src/server/db/accounts.ts';
import { DEMO_GEBRUIKERS, maakDemoGebruikers } from '../../src/server/demo-users.ts';
import type { Gebruiker } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { WACHTWOORD, login, maakTestGebruiker } from './fixtures/gebruikers.ts';
import { count, newClient, pull, pullAll, pushOk, userWithSession } from './fixtures/sync.ts';

describe('password policy (wachtwoordBezwaar)', () => {
  it('takes 12 characters as the minimum', () => {
    expect(wachtwoordBezwaar('kort-maar-ok', 'x')).toBeNull();
    expect(wachtwoordBezwaar('kort-maar-o', 'x')).toBe('te-kort');
  });
  it.each([
    ['elf-tekens!', 'anja', 'te-kort'],
    ['demo-anja-2026', 'anja', 'bevat-gebruikersnaam'],
    ['mijn-ANJA-wachtwoord', 'Anja', 'bevat-gebruikersnaam'],
    ['wachtwoord123', 'bea', 'te-bekend'],
    ['Wachtwoord2026!', 'bea', 'te-bekend'],
    ['Welkom 2026 !!!', 'bea', 'te-bekend'],
    ['QWERTYUIOP12', 'bea', 'te-bekend'],
    ['123456789012', 'bea', 'te-bekend'],
    ['zomerzomer2026', 'bea', null], // two words: not on the list as such
    ['aaaaaaaaaaaaaaaa', 'bea', 'te-bekend'],
    ['abababababababab', 'bea', 'te-bekend'],
    [WACHTWOORD, 'bea', null],
    ['x'.repeat(201), 'bea', 'te-lang'],
  ] as const)('%s for %s: %s', (pw, naam, bezwaar) => {
    expect(wachtwoordBezwaar(pw, naam)).toBe(bezwaar);
  });
});

describe.each(STORE_KINDS)('accounts on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let beheerder: Gebruiker;
  let beheerCookie: string;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    beheerder = await maakTestGebruiker(t.store, { gebruikersnaam: 'beheer', rol: 'beheerder' });
    beheerCookie = await login(app, 'beheer');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const me = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const probeer = (gebruikersnaam: string, wachtwoord: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { gebruikersnaam, wachtwoord } });
  const beheer = (method: 'POST' | 'PUT', url: string, payload: object) =>
    app.inject({ method, url, payload, headers: { cookie: beheerCookie } });

  it('the seeded demo users keep their published passwords (exempt from the policy)', async () => {
    // A store with users already gets no demo users; use a fresh one.
    const leeg = await openTestStore(kind);
    try {
      expect(await maakDemoGebruikers(leeg.store)).toBe(true);
      const demoApp = await buildApp({
        store: leeg.store,
        schemaVersion: leeg.schemaVersion,
        staticDir: null,
      });
      for (const d of DEMO_GEBRUIKERS) {
        expect(wachtwoordBezwaar(d.wachtwoord, d.gebruikersnaam)).not.toBeNull();
        const res = await demoApp.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { gebruikersnaam: d.gebruikersnaam, wachtwoord: d.wachtwoord },
        });
        expect(res.statusCode, d.gebruikersnaam).toBe(200);
      }
      await demoApp.close();
    } finally {
      await leeg.cleanup();
    }
  });

  it('a beheerder cannot create a user with a weak password', async () => {
    for (const [gebruikersnaam, wachtwoord] of [
      ['dirk', 'welkom123456'],
      ['dirk', 'dirk-zijn-wachtwoord'],
      ['dirk', 'Password1234!'],
    ]) {
      const res = await beheer('POST', '/api/beheer/gebruikers', {
        gebruikersnaam,
        naam: 'Dirk',
        rol: 'arrangeur',
        wachtwoord,
      });
      expect(res.statusCode, wachtwoord).toBe(400);
      // As every 400: the refused field is named in `fouten` and in the message, never its value.
      expect(res.json()).toMatchObject({
        error: 'weak_password',
        fouten: [{ veld: 'body.wachtwoord' }],
        message: expect.stringContaining('body.wachtwoord'),
      });
      expect(res.body).not.toContain(wachtwoord);
    }
    expect(await count(t.store, "gebruikers WHERE gebruikersnaam = 'dirk'")).toBe(0);
  });

  it('changes her own password: old one needed, policy applies, her other sessions end', async () => {
    await maakTestGebruiker(t.store, { gebruikersnaam: 'eva' });
    const hier = await login(app, 'eva');
    const elders = await login(app, 'eva');
    const wijzig = (huidig: string, nieuw: string, cookie = hier) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/wachtwoord',
        payload: { huidig, nieuw },
        headers: { cookie },
      });

    expect((await wijzig('fout-wachtwoord-123', 'een-nieuw-lang-geheim')).statusCode).toBe(403);
    expect((await wijzig(WACHTWOORD, 'eva-is-de-baas-2026')).json()).toMatchObject({
      error: 'weak_password',
    });
    expect((await wijzig(WACHTWOORD, 'wachtwoord2026')).statusCode).toBe(400);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/wachtwoord',
          payload: { huidig: WACHTWOORD, nieuw: 'een-nieuw-lang-geheim' },
        })
      ).statusCode,
    ).toBe(401);

    const ok = await wijzig(WACHTWOORD, 'een-nieuw-lang-geheim');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ sessiesBeeindigd: 1 });
    expect((await me(hier)).statusCode).toBe(200);
    expect((await me(elders)).statusCode).toBe(401);
    expect((await probeer('eva', WACHTWOORD)).statusCode).toBe(401);
    expect((await probeer('eva', 'een-nieuw-lang-geheim')).statusCode).toBe(200);
  });

  it.each(['arrangeur', 'casemanager', 'coordinator', 'beheerder'] as const)(
    'POST /auth/wachtwoord is open to every role with a session: %s',
    async (rol) => {
      const naam = `wissel-${rol}`;
      await maakTestGebruiker(t.store, { gebruikersnaam: naam, rol });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/wachtwoord',
        payload: { huidig: WACHTWOORD, nieuw: 'een-nieuw-lang-geheim' },
        headers: { cookie: await login(app, naam) },
      });
      expect(res.statusCode, res.body).toBe(200);
    },
  );

  it('a deactivated user cannot log in and her sessions end at once; reactivated she can', async () => {
    const fien = await maakTestGebruiker(t.store, { gebruikersnaam: 'fien' });
    const sessie = await login(app, 'fien');
    const uit = await beheer('PUT', `/api/beheer/gebruikers/${fien.id}/actief`, { actief: false });
    expect(uit.statusCode, uit.body).toBe(200);
    expect(uit.json()).toEqual({ actief: false, ingetrokken: 1 });
    expect((await me(sessie)).statusCode).toBe(401);
    expect((await probeer('fien', WACHTWOORD)).statusCode).toBe(401);

    const aan = await beheer('PUT', `/api/beheer/gebruikers/${fien.id}/actief`, { actief: true });
    expect(aan.json()).toEqual({ actief: true, ingetrokken: 0 });
    expect((await me(sessie)).statusCode).toBe(401); // the old session stays ended
    expect((await probeer('fien', WACHTWOORD)).statusCode).toBe(200);

    const zelf = await beheer('PUT', `/api/beheer/gebruikers/${beheerder.id}/actief`, {
      actief: false,
    });
    expect(zelf.statusCode).toBe(409);
    const onbekend = await beheer('PUT', `/api/beheer/gebruikers/${randomUUID()}/actief`, {
      actief: false,
    });
    expect(onbekend.statusCode).toBe(404);
    expect(
      await count(
        t.store,
        "toegang_log WHERE gebruiker_id = $1 AND actie = 'beheer:gebruiker-gedeactiveerd' AND betreft_gebruiker_id = $2",
        [beheerder.id, fien.id],
      ),
    ).toBe(1);
  });

  it('a beheerder resets a password: policy applies, her sessions end, the new one works', async () => {
    const gijs = await maakTestGebruiker(t.store, { gebruikersnaam: 'gijs' });
    const sessie = await login(app, 'gijs');
    const url = `/api/beheer/gebruikers/${gijs.id}/wachtwoord`;
    expect((await beheer('POST', url, { wachtwoord: 'gijs-1234567890' })).statusCode).toBe(400);
    expect((await beheer('POST', url, { wachtwoord: 'kort' })).statusCode).toBe(400);
    const res = await beheer('POST', url, { wachtwoord: 'tijdelijk-lang-geheim-7' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ingetrokken: 1 });
    expect((await me(sessie)).statusCode).toBe(401);
    expect((await probeer('gijs', WACHTWOORD)).statusCode).toBe(401);
    expect((await probeer('gijs', 'tijdelijk-lang-geheim-7')).statusCode).toBe(200);
    const onbekend = `/api/beheer/gebruikers/${randomUUID()}/wachtwoord`;
    expect(
      (await beheer('POST', onbekend, { wachtwoord: 'tijdelijk-lang-geheim-7' })).statusCode,
    ).toBe(404);
  });

  it('taking a client out of a caseload sends a revocation in her next pull, once', async () => {
    const hanna = await userWithSession(t.store, 'arrangeur', 'Hanna');
    const weg = randomUUID();
    const blijft = randomUUID();
    await pushOk(app, hanna, newClient(weg));
    await pushOk(app, hanna, newClient(blijft));
    const cursor = (await pull(app, hanna, 0)).nextCursor;

    const res = await beheer('PUT', '/api/beheer/caseload', {
      gebruikerId: hanna.id,
      clientId: weg,
      toewijzen: false,
    });
    expect(res.statusCode).toBe(200);
    const na = await pull(app, hanna, cursor);
    expect(na.ingetrokken).toEqual([weg]);
    expect(na.records).toEqual([]);
    expect(na.nextCursor).toBeGreaterThan(cursor);
    expect(await pull(app, hanna, na.nextCursor)).toMatchObject({ ingetrokken: [], records: [] });
    // Another user's pull never mentions it.
    const ander = await userWithSession(t.store, 'arrangeur', 'Ander');
    expect((await pull(app, ander, 0)).ingetrokken).toEqual([]);
    // Given back: no revocation, and her records come again.
    await beheer('PUT', '/api/beheer/caseload', {
      gebruikerId: hanna.id,
      clientId: weg,
      toewijzen: true,
    });
    const terug = await pull(app, hanna, cursor);
    expect(terug.ingetrokken).toEqual([]);
    expect(terug.records.map((r) => r.id)).toContain(weg);
    expect((await pullAll(app, hanna)).map((r) => r.id)).toEqual(
      expect.arrayContaining([weg, blijft]),
    );
  });

  it('ending a review share through beheer revokes the client for the casemanager', async () => {
    const ida = await userWithSession(t.store, 'arrangeur', 'Ida');
    const cm = await userWithSession(t.store, 'casemanager', 'Jet');
    const client = randomUUID();
    await pushOk(app, ida, newClient(client));
    await beheer('PUT', '/api/beheer/review-deling', {
      casemanagerId: cm.id,
      clientId: client,
      delen: true,
    });
    const eerst = await pull(app, cm, 0);
    expect(eerst.records.map((r) => r.id)).toContain(client);
    await beheer('PUT', '/api/beheer/review-deling', {
      casemanagerId: cm.id,
      clientId: client,
      delen: false,
    });
    const na = await pull(app, cm, eerst.nextCursor);
    expect(na.ingetrokken).toEqual([client]);
  });
});
