/**
 * The login limits across processes (issue 14): failed logins and wrong second-factor codes are
 * counted in the database (migration 011), so two server instances on one store share them. Two
 * apps on one store stand in for two processes (nothing but the database is shared between them).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { leesPogingen, telPoging } from '../../src/server/db/login-pogingen.ts';
import { LOGIN_MAX_PER_ACCOUNT, LOGIN_MAX_PER_ADRES } from '../../src/server/routes/auth.ts';
import { TF_MAX_POGINGEN } from '../../src/server/routes/tweede-factor.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { WACHTWOORD, maakTestGebruiker, testKlok } from './fixtures/gebruikers.ts';

const loginBody = (gebruikersnaam: string, wachtwoord: string, remoteAddress: string) => ({
  method: 'POST' as const,
  url: '/api/auth/login',
  payload: { gebruikersnaam, wachtwoord },
  remoteAddress,
});

describe.each(STORE_KINDS)('login limits shared by two server instances on %s', (kind) => {
  let t: TestStore;
  let apps: [FastifyInstance, FastifyInstance];
  const klok = testKlok();

  beforeAll(async () => {
    t = await openTestStore(kind);
    const maak = () =>
      buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null, nu: klok.nu });
    apps = [await maak(), await maak()];
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await t.cleanup();
  });

  it(`locks an account after ${LOGIN_MAX_PER_ACCOUNT} failures spread over both instances`, async () => {
    const g = await maakTestGebruiker(t.store);
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      const res = await apps[i % 2]!.inject(loginBody(g.gebruikersnaam, 'fout', '10.9.0.1'));
      expect(res.statusCode).toBe(401);
    }
    for (const app of apps) {
      const res = await app.inject(loginBody(g.gebruikersnaam, WACHTWOORD, '10.9.0.2'));
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The window ends for both instances alike.
    klok.verzet(15 * 60 * 1000 + 1);
    const res = await apps[1].inject(loginBody(g.gebruikersnaam, WACHTWOORD, '10.9.0.2'));
    expect(res.statusCode).toBe(200);
  });

  it(`locks an address after ${LOGIN_MAX_PER_ADRES} failures spread over both instances`, async () => {
    for (let i = 0; i < LOGIN_MAX_PER_ADRES; i++) {
      const res = await apps[i % 2]!.inject(loginBody(`gok-${i}`, 'fout', '10.9.1.1'));
      expect(res.statusCode).toBe(401);
    }
    const g = await maakTestGebruiker(t.store);
    const res = await apps[0].inject(loginBody(g.gebruikersnaam, WACHTWOORD, '10.9.1.1'));
    expect(res.statusCode).toBe(429);
  });

  it(`limits wrong second-factor codes over both instances (${TF_MAX_POGINGEN})`, async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const login = await apps[0].inject(loginBody(cor.gebruikersnaam, WACHTWOORD, '10.9.2.1'));
    const c = login.cookies.find((k) => k.name === 'arrangeur_sessie');
    const cookie = `arrangeur_sessie=${c?.value}`;
    const begin = await apps[1].inject({
      method: 'POST',
      url: '/api/auth/start/tweede-factor/begin',
      headers: { cookie },
    });
    expect(begin.statusCode, begin.body).toBe(200);
    const code = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/start/tweede-factor/bevestig',
        headers: { cookie },
        payload: { code: '000000' },
      });
    let laatste = 0;
    for (let i = 0; i <= TF_MAX_POGINGEN; i++) laatste = (await code(apps[i % 2]!)).statusCode;
    expect(laatste).toBe(429);
  });

  it('stores neither the typed name nor the address, only a hash of the key', async () => {
    const nu = klok.nu();
    await telPoging(t.store, 'account:iemand-met-een-naam', nu, 60_000);
    const rows = await t.store.query('SELECT * FROM login_pogingen');
    const tekst = JSON.stringify(rows);
    expect(tekst).not.toContain('iemand-met-een-naam');
    expect(tekst).not.toContain('10.9.');
    expect((await leesPogingen(t.store, 'account:iemand-met-een-naam', nu, 60_000)).current).toBe(
      1,
    );
    expect(
      (
        await leesPogingen(
          t.store,
          'account:iemand-met-een-naam',
          new Date(nu.getTime() + 60_000),
          60_000,
        )
      ).current,
    ).toBe(0);
  });
});
