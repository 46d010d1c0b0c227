import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import {
  SESSIE_GLIJDEND_MS,
  SESSIE_MAX_MS,
  controleerWachtwoord,
  hashWachtwoord,
} from '../../src/server/db/accounts.ts';
import { DEMO_GEBRUIKERS, maakDemoGebruikers } from '../../src/server/demo-users.ts';
import { loginResponseSchema } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { WACHTWOORD, login, maakTestGebruiker, testKlok } from './fixtures/gebruikers.ts';

const UUR = 60 * 60 * 1000;

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashWachtwoord('een lang wachtwoord');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain('een lang wachtwoord');
    expect(await controleerWachtwoord('een lang wachtwoord', hash)).toBe(true);
    expect(await controleerWachtwoord('een lang wachtwoorD', hash)).toBe(false);
    expect(await controleerWachtwoord('', hash)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashWachtwoord('hetzelfde-wachtwoord')).not.toBe(
      await hashWachtwoord('hetzelfde-wachtwoord'),
    );
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$10$abc'],
    [
      'absurd cost (a corrupted row must not become a DoS)',
      'scrypt$1073741824$8$1$c2FsdA==$aGFzaA==',
    ],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdA==$aGFzaA=='],
    ['missing salt', 'scrypt$32768$8$1$$aGFzaA=='],
  ])('treats a malformed stored hash (%s) as a mismatch, not an error', async (_naam, hash) => {
    expect(await controleerWachtwoord('wat dan ook', hash)).toBe(false);
  });
});

describe.each(STORE_KINDS)('auth routes on %s', (kind) => {
  let t: TestStore;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await openTestStore(kind);
    await maakTestGebruiker(t.store, { gebruikersnaam: 'anja', naam: 'Anja de Boer' });
    await maakTestGebruiker(t.store, { gebruikersnaam: 'oud', rol: 'casemanager' });
    await t.store.query(`UPDATE gebruikers SET actief = false WHERE gebruikersnaam = 'oud'`);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  afterAll(async () => {
    await t.cleanup();
  });

  async function build(klok = testKlok()) {
    const app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
      nu: klok.nu,
    });
    apps.push(app);
    return app;
  }
  const me = (app: FastifyInstance, cookie?: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });

  it('logs in: an HttpOnly, SameSite=Strict session cookie on /api, and /me knows the user', async () => {
    const app = await build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam: 'anja', wachtwoord: WACHTWOORD },
    });
    expect(res.statusCode).toBe(200);
    const body = loginResponseSchema.parse(res.json());
    expect(body.gebruiker).toMatchObject({
      gebruikersnaam: 'anja',
      naam: 'Anja de Boer',
      rol: 'arrangeur',
    });
    expect(body.verlooptOp).toBe('2026-03-02T21:00:00.000Z');
    expect(res.body).not.toContain('wachtwoord');

    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^arrangeur_sessie=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    expect(setCookie).toContain(`Max-Age=${SESSIE_MAX_MS / 1000}`);
    // Plain http (tests, localhost): no Secure, or the browser would drop the cookie.
    expect(setCookie).not.toContain('Secure');

    const cookie = setCookie.split(';')[0]!;
    const wie = await me(app, cookie);
    expect(wie.statusCode).toBe(200);
    expect(wie.json()).toEqual(body);
  });

  it('stores only the sha256 of the session token, never the token itself', async () => {
    const app = await build();
    const cookie = await login(app, 'anja');
    const token = cookie.split('=')[1]!;
    const rows = await t.store.query<{ id: string }>('SELECT id FROM sessies');
    expect(rows.map((r) => r.id)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const app = await build();
    await login(app, '  ANJA ');
  });

  it.each([
    ['a wrong password', 'anja', 'fout-wachtwoord-123'],
    ['an unknown user', 'niemand', WACHTWOORD],
    ['an inactive account', 'oud', WACHTWOORD],
  ])('answers %s with the same 401 and no cookie', async (_naam, gebruikersnaam, wachtwoord) => {
    const app = await build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam, wachtwoord },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: 'invalid_credentials',
      message: 'Unknown username or wrong password',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['no body', undefined],
    ['an empty object', {}],
    ['no password', { gebruikersnaam: 'anja' }],
    ['an empty username', { gebruikersnaam: '   ', wachtwoord: 'x' }],
    ['a number as username', { gebruikersnaam: 42, wachtwoord: 'x' }],
    ['a password of 201 characters', { gebruikersnaam: 'anja', wachtwoord: 'x'.repeat(201) }],
  ])('refuses a login body with %s as a 400', async (_naam, payload) => {
    const app = await build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      ...(payload === undefined ? {} : { payload }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request' });
  });

  it('refuses malformed JSON as a 400, never a 5xx', async () => {
    const app = await build();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"gebruikersnaam": "anja",',
    });
    expect(res.statusCode).toBe(400);
  });

  it.each([
    ['no cookie', undefined],
    ['a made-up token', 'arrangeur_sessie=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed token', 'arrangeur_sessie=%%%'],
  ])('answers /me with %s as 401 unauthenticated', async (_naam, cookie) => {
    const app = await build();
    const res = await me(app, cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('slides the session on use: 12 h idle ends it, use within 12 h renews it', async () => {
    const klok = testKlok();
    const app = await build(klok);
    const cookie = await login(app, 'anja');
    klok.verzet(11 * UUR);
    expect((await me(app, cookie)).statusCode).toBe(200);
    klok.verzet(11 * UUR); // 22 h after login, 11 h after last use
    const res = await me(app, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().verlooptOp).toBe(
      new Date(klok.nu().getTime() + SESSIE_GLIJDEND_MS).toISOString(),
    );
    klok.verzet(SESSIE_GLIJDEND_MS + 1);
    expect((await me(app, cookie)).statusCode).toBe(401);
  });

  it('ends a session 7 days after login however often it is used', async () => {
    const klok = testKlok();
    const app = await build(klok);
    const cookie = await login(app, 'anja');
    for (let uur = 10; uur < 7 * 24; uur += 10) {
      klok.verzet(10 * UUR);
      expect((await me(app, cookie)).statusCode, `after ${uur} h`).toBe(200);
    }
    klok.verzet(7 * 24 * UUR - 160 * UUR); // exactly 7 days after login
    expect((await me(app, cookie)).statusCode).toBe(401);
  });

  it('refuses a revoked session', async () => {
    const app = await build();
    const cookie = await login(app, 'anja');
    await t.store.query('UPDATE sessies SET ingetrokken_op = $1', ['2026-03-02T09:00:00Z']);
    expect((await me(app, cookie)).statusCode).toBe(401);
  });

  it('refuses the session of a user made inactive after login', async () => {
    const app = await build();
    const g = await maakTestGebruiker(t.store);
    const cookie = await login(app, g.gebruikersnaam);
    await t.store.query('UPDATE gebruikers SET actief = false WHERE id = $1', [g.id]);
    expect((await me(app, cookie)).statusCode).toBe(401);
  });

  it('logs out: revokes the session on the server and clears the cookie', async () => {
    const app = await build();
    const cookie = await login(app, 'anja');
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^arrangeur_sessie=;.*Path=\/api/);
    // The old cookie no longer works, even if the browser kept it.
    expect((await me(app, cookie)).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie },
    });
    expect(again.statusCode).toBe(204);
  });

  it('logs out without a session too (idempotent)', async () => {
    const app = await build();
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(204);
  });

  it('ends the previous session of this browser on a new login', async () => {
    const app = await build();
    const eerste = await login(app, 'anja');
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: eerste },
      payload: { gebruikersnaam: 'anja', wachtwoord: WACHTWOORD },
    });
    expect(res.statusCode).toBe(200);
    expect((await me(app, eerste)).statusCode).toBe(401);
  });

  it('records login and logout in the access log, without client or secret', async () => {
    const app = await build();
    const g = await maakTestGebruiker(t.store);
    const cookie = await login(app, g.gebruikersnaam);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const rows = await t.store.query<{ actie: string; client_id: string | null }>(
      'SELECT actie, client_id FROM toegang_log WHERE gebruiker_id = $1 ORDER BY id',
      [g.id],
    );
    expect(rows).toEqual([
      { actie: 'login', client_id: null },
      { actie: 'logout', client_id: null },
    ]);
  });
});

describe.each(STORE_KINDS)('demo users on %s', (kind) => {
  it('makes one account per role into an empty user table only, and each can log in', async () => {
    const t = await openTestStore(kind);
    try {
      expect(new Set(DEMO_GEBRUIKERS.map((g) => g.rol)).size).toBe(4);
      expect(await maakDemoGebruikers(t.store)).toBe(true);
      expect(await maakDemoGebruikers(t.store)).toBe(false);
      const app = await buildApp({
        store: t.store,
        schemaVersion: t.schemaVersion,
        staticDir: null,
      });
      for (const g of DEMO_GEBRUIKERS) {
        const cookie = await login(app, g.gebruikersnaam, g.wachtwoord);
        const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
        expect(res.json().gebruiker).toMatchObject({ naam: g.naam, rol: g.rol });
      }
      await app.close();
    } finally {
      await t.cleanup();
    }
  });
});
