/**
 * HTTP hardening (issue 12, points 6 and 7): security headers, no-store on /api, the Origin check,
 * TRUST_PROXY and the Secure cookie, the login limit with lockout, and logs without client data.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADRES } from '../../src/server/routes/auth.ts';
import { STORE_KINDS, type TestStore } from '../support/stores.ts';
import { WACHTWOORD, maakTestGebruiker } from './fixtures/gebruikers.ts';
import { logVanger, startApp, stopApp } from './fixtures/app.ts';
import { mutation, newClient, userWithSession } from './fixtures/sync.ts';

const loginBody = (gebruikersnaam: string, wachtwoord: string) => ({
  method: 'POST' as const,
  url: '/api/auth/login',
  payload: { gebruikersnaam, wachtwoord },
});

describe('security headers, no-store and the Origin check', () => {
  let t: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => ({ app, t } = await startApp()));
  afterAll(() => stopApp({ app, t }));

  it('sends a CSP that allows only our own origin, no framing, nosniff and no referrer', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it.each([
    ['GET', '/api/health', 200],
    ['GET', '/api/auth/me', 401],
    ['GET', '/api/bestaat-niet', 404],
    ['POST', '/api/auth/login', 400],
  ] as const)('%s %s (%i) is Cache-Control: no-store', async (method, url, status) => {
    const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a state-changing request from another origin with 403, before anything runs', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost:9999', 'nonsense']) {
      const res = await app.inject({
        ...loginBody('wie', 'wat'),
        headers: { origin, host: 'localhost:3000' },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json()).toMatchObject({ error: 'forbidden_origin' });
    }
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/beheer/tarieven/x',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(del.statusCode).toBe(403);
  });

  it('lets the own origin and clients without an Origin header through', async () => {
    const eigen = await app.inject({
      ...loginBody('wie', 'wat'),
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(eigen.statusCode).toBe(401);
    const zonder = await app.inject(loginBody('wie', 'wat'));
    expect(zonder.statusCode).toBe(401);
    // A GET is never state-changing: no Origin check.
    const get = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(get.statusCode).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('parses true, false and proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'ja graag' })).toThrow(/TRUST_PROXY/);
  });

  it.each([
    [true, 'Secure'],
    [false, 'not Secure'],
  ] as const)('trustProxy %s behind https: the session cookie is %s', async (trust, _wat) => {
    const { app, t } = await startApp({ trustProxy: trust });
    try {
      const g = await maakTestGebruiker(t.store);
      const res = await app.inject({
        ...loginBody(g.gebruikersnaam, WACHTWOORD),
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'arrangeur_sessie');
      expect(cookie?.secure === true).toBe(trust);
    } finally {
      await app.close();
      await t.cleanup();
    }
  });
});

describe('login limit per account and per address', () => {
  let t: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => ({ app, t } = await startApp()));
  afterAll(() => stopApp({ app, t }));

  it(`locks an account after ${LOGIN_MAX_PER_ACCOUNT} failed logins, also for the right password`, async () => {
    const g = await maakTestGebruiker(t.store);
    const adres = '10.1.0.1';
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      const res = await app.inject({
        ...loginBody(g.gebruikersnaam, 'fout'),
        remoteAddress: adres,
      });
      expect(res.statusCode).toBe(401);
    }
    // From another address too: the lock is on the account. Case does not matter.
    for (const [naam, ip] of [
      [g.gebruikersnaam, adres],
      [g.gebruikersnaam.toUpperCase(), '10.1.0.2'],
    ] as const) {
      const res = await app.inject({ ...loginBody(naam, WACHTWOORD), remoteAddress: ip });
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ error: 'too_many_attempts' });
      const wacht = Number(res.headers['retry-after']);
      expect(wacht).toBeGreaterThan(0);
      expect(wacht).toBeLessThanOrEqual(15 * 60);
      expect(res.cookies).toHaveLength(0);
    }
    // Another account from the first address still logs in.
    const ander = await maakTestGebruiker(t.store);
    const ok = await app.inject({
      ...loginBody(ander.gebruikersnaam, WACHTWOORD),
      remoteAddress: adres,
    });
    expect(ok.statusCode).toBe(200);
  });

  it(`locks an address after ${LOGIN_MAX_PER_ADRES} failed logins over any accounts`, async () => {
    const adres = '10.2.0.1';
    for (let i = 0; i < LOGIN_MAX_PER_ADRES; i++) {
      const res = await app.inject({ ...loginBody(`gok-${i}`, 'fout'), remoteAddress: adres });
      expect(res.statusCode).toBe(401);
    }
    const g = await maakTestGebruiker(t.store);
    const res = await app.inject({
      ...loginBody(g.gebruikersnaam, WACHTWOORD),
      remoteAddress: adres,
    });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const elders = await app.inject({
      ...loginBody(g.gebruikersnaam, WACHTWOORD),
      remoteAddress: '10.2.0.2',
    });
    expect(elders.statusCode).toBe(200);
  });

  it('never counts successful logins', async () => {
    const g = await maakTestGebruiker(t.store);
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT + 2; i++) {
      const res = await app.inject({
        ...loginBody(g.gebruikersnaam, WACHTWOORD),
        remoteAddress: '10.3.0.1',
      });
      expect(res.statusCode).toBe(200);
    }
  });
});

describe.each(STORE_KINDS)('logs carry no client data or secrets on %s', (kind) => {
  it('a failing push, hostile input and bad logins leave no planted identifier in the log', async () => {
    const { stream, tekst: log } = logVanger();
    const { app, t } = await startApp({ logger: { level: 'trace', stream } }, kind);
    try {
      const a = await userWithSession(t.store, 'arrangeur', 'Anna');
      const geplant = {
        bsn: '123456782',
        achternaam: 'Zwartvleugel',
        voornaam: 'Hildegonda',
        huisarts: 'Dokter Pimpernel',
        wachtwoord: 'geheim-wachtwoord-Xq7',
      };
      const clientId = randomUUID();
      const velden = {
        bsn: geplant.bsn,
        achternaam: geplant.achternaam,
        voornaam: geplant.voornaam,
        huisarts: geplant.huisarts,
      };
      // The database refuses what the schema let through (the repro of issue 12, point 6):
      // make the store fail on the record write, with the whole record as a parameter.
      const echteTransactie = t.store.transaction.bind(t.store);
      let faal = true;
      t.store.transaction = (fn) =>
        echteTransactie((tx) =>
          fn({
            ...tx,
            query: async (sql: string, params?: unknown[]) => {
              if (faal && sql.includes('INSERT INTO records')) {
                // An invalid cast with the record as a parameter: PostgreSQL's own error text.
                await tx.query('SELECT $1::jsonb::int', [JSON.stringify(params)]);
              }
              return tx.query(sql, params);
            },
            exec: (sql: string) => tx.exec(sql),
          } as never),
        );
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { cookie: a.cookie },
        payload: { deviceId: 'tablet-1', mutations: [newClient(clientId, velden)] },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
      faal = false;
      t.store.transaction = echteTransactie;

      // Hostile input in many shapes.
      const vijandig = [
        { deviceId: `x\u0000${geplant.bsn}`, mutations: [newClient(randomUUID(), velden)] },
        {
          deviceId: 'tablet-1',
          mutations: [
            mutation({
              recordType: 'client',
              recordId: randomUUID() as never,
              fields: { ...velden, huisarts: `${geplant.huisarts}\ud800` },
            }),
          ],
        },
        { deviceId: 'tablet-1', mutations: [{ ...newClient(randomUUID(), velden), extra: 1 }] },
      ];
      for (const payload of vijandig) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { cookie: a.cookie },
          payload,
        });
        expect(r.statusCode).toBeLessThan(500);
      }
      const login = await app.inject(loginBody(geplant.achternaam, geplant.wachtwoord));
      expect(login.statusCode).toBe(401);

      expect(log()).toContain('push: mutation not stored'); // the failure was logged…
      for (const [naam, waarde] of Object.entries(geplant)) {
        expect(log().includes(waarde), `${naam} in the log`).toBe(false); // …without data
      }
      expect(log()).not.toMatch(/scrypt\$/);
      expect(log()).not.toContain(a.cookie.split('=')[1]!);
      expect(log()).not.toContain('"params"');
    } finally {
      await app.close();
      await t.cleanup();
    }
  });
});
