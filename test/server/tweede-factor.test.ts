/**
 * Second factor and start password (issue 14, points 2 and 4), on PGlite and PostgreSQL. The
 * server's clock is injected (testKlok), and the codes are computed with otpauth from the secret
 * the enrolment answer shows, as a person's authenticator app would.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { zetMoetWachtwoordWijzigen } from '../../src/server/db/beheer.ts';
import {
  isVersleuteld,
  maakTotp,
  ontsleutelGeheim,
  totpStap,
  versleutelGeheim,
  versleutelOudeGeheimen,
  zetBevestigdGeheim,
  zetTotpSleutel,
} from '../../src/server/db/tweede-factor.ts';
import type { Gebruiker } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { WACHTWOORD, login, maakTestGebruiker, testKlok } from './fixtures/gebruikers.ts';

const GEHEIM = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SLEUTEL = Buffer.alloc(32, 7);

describe('totpStap (RFC 6238 with otpauth)', () => {
  const t0 = new Date('2026-03-02T09:00:10.000Z');
  const code = (d: Date) => maakTotp(GEHEIM).generate({ timestamp: d.getTime() });
  const stap = Math.floor(t0.getTime() / 30_000);

  it('accepts the code of now and of one step either side, and says which step', () => {
    expect(totpStap(GEHEIM, code(t0), t0)).toBe(stap);
    expect(totpStap(GEHEIM, code(new Date(t0.getTime() - 30_000)), t0)).toBe(stap - 1);
    expect(totpStap(GEHEIM, code(new Date(t0.getTime() + 30_000)), t0)).toBe(stap + 1);
  });
  it('refuses a code two steps away, a wrong code and anything not six digits', () => {
    expect(totpStap(GEHEIM, code(new Date(t0.getTime() - 60_000)), t0)).toBeNull();
    expect(totpStap(GEHEIM, code(new Date(t0.getTime() + 90_000)), t0)).toBeNull();
    const goed = code(t0);
    const fout = String((Number(goed) + 1) % 1_000_000).padStart(6, '0');
    expect(totpStap(GEHEIM, fout, t0)).toBeNull();
    expect(totpStap(GEHEIM, `${goed}0`, t0)).toBeNull();
    expect(totpStap(GEHEIM, 'abcdef', t0)).toBeNull();
  });
  it('ignores spaces a person types', () => {
    const goed = code(t0);
    expect(totpStap(GEHEIM, `${goed.slice(0, 3)} ${goed.slice(3)}`, t0)).toBe(stap);
  });
});

describe('the secret at rest (AES-256-GCM)', () => {
  const id = '7d3f1c2a-0000-4000-8000-0000000000aa';
  it('round-trips, never holds the secret plain, and a new IV each time', () => {
    const a = versleutelGeheim(GEHEIM, id);
    const b = versleutelGeheim(GEHEIM, id);
    expect(a).not.toBe(b);
    expect(a).not.toContain(GEHEIM);
    expect(isVersleuteld(a)).toBe(true);
    expect(ontsleutelGeheim(a, id)).toBe(GEHEIM);
  });
  it('refuses a plain value, another user, an altered value and another key', () => {
    const a = versleutelGeheim(GEHEIM, id);
    expect(() => ontsleutelGeheim(GEHEIM, id)).toThrow();
    expect(() => ontsleutelGeheim(a, '7d3f1c2a-0000-4000-8000-0000000000bb')).toThrow();
    const laatste = a.at(-2) === 'A' ? 'B' : 'A';
    expect(() => ontsleutelGeheim(`${a.slice(0, -2)}${laatste}${a.at(-1)}`, id)).toThrow();
    zetTotpSleutel(Buffer.alloc(32, 8));
    expect(() => ontsleutelGeheim(a, id)).toThrow();
  });
});

describe.each(STORE_KINDS)('second factor and start password on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  const klok = testKlok();
  let beheerder: string;

  beforeAll(async () => {
    zetTotpSleutel(SLEUTEL);
    t = await openTestStore(kind);
    app = await buildApp({
      store: t.store,
      schemaVersion: t.schemaVersion,
      staticDir: null,
      nu: klok.nu,
    });
    await maakTestGebruiker(t.store, { gebruikersnaam: 'tf-bea', rol: 'beheerder' });
    beheerder = await login(app, 'tf-bea');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const post = (url: string, cookie: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const inloggen = async (gebruikersnaam: string, wachtwoord = WACHTWOORD) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam, wachtwoord },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.cookies.find((k) => k.name === 'arrangeur_sessie');
    return { cookie: `arrangeur_sessie=${c?.value}`, vereist: res.json().vereist as unknown };
  };
  const codeOp = (geheim: string, msVanafNu = 0) =>
    maakTotp(geheim).generate({ timestamp: klok.nu().getTime() + msVanafNu });
  const me = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  /** Logs in and enrols; @returns the secret, recovery codes and the (now normal) cookie. */
  async function inschrijven(g: Gebruiker) {
    const { cookie, vereist } = await inloggen(g.gebruikersnaam);
    expect(vereist).toEqual(['tweedeFactorInstellen']);
    const begin = await post('/api/auth/start/tweede-factor/begin', cookie);
    expect(begin.statusCode, begin.body).toBe(200);
    const { geheim, otpauthUrl, qrSvg } = begin.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Arrangeur:/);
    expect(otpauthUrl).toContain(`secret=${geheim}`);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const bevestig = await post('/api/auth/start/tweede-factor/bevestig', cookie, {
      code: codeOp(geheim),
    });
    expect(bevestig.statusCode, bevestig.body).toBe(200);
    const { herstelcodes, vereist: over } = bevestig.json();
    expect(over).toEqual([]);
    expect(herstelcodes).toHaveLength(10);
    expect(new Set(herstelcodes).size).toBe(10);
    return { geheim: geheim as string, herstelcodes: herstelcodes as string[], cookie };
  }

  it('asks a coordinator to enrol; the half session reaches nothing else until she has', async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const { cookie, vereist } = await inloggen(cor.gebruikersnaam);
    expect(vereist).toEqual(['tweedeFactorInstellen']);
    expect((await me(cookie)).statusCode).toBe(401);
    const overzicht = await app.inject({
      method: 'GET',
      url: '/api/coordinator/overzicht?van=2026-01-01&tot=2026-12-31',
      headers: { cookie },
    });
    expect(overzicht.statusCode).toBe(401);
    // The step of a code (not yet set up) is not open for this session either.
    expect(
      (await post('/api/auth/start/tweede-factor', cookie, { code: '123456' })).statusCode,
    ).toBe(401);
    const begin = await post('/api/auth/start/tweede-factor/begin', cookie);
    const fout = await post('/api/auth/start/tweede-factor/bevestig', cookie, { code: '000000' });
    expect(fout.statusCode).toBe(400);
    expect((await me(cookie)).statusCode).toBe(401);
    const goed = await post('/api/auth/start/tweede-factor/bevestig', cookie, {
      code: codeOp(begin.json().geheim),
    });
    expect(goed.statusCode, goed.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('the next login asks the code; a used code is refused (replay), the next step is accepted', async () => {
    const bea = await maakTestGebruiker(t.store, { rol: 'beheerder' });
    const { geheim } = await inschrijven(bea);
    klok.verzet(60_000);
    const eerste = await inloggen(bea.gebruikersnaam);
    expect(eerste.vereist).toEqual(['tweedeFactor']);
    const code = codeOp(geheim);
    const ok = await post('/api/auth/start/tweede-factor', eerste.cookie, { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().vereist).toEqual([]);
    expect((await me(eerste.cookie)).statusCode).toBe(200);

    const tweede = await inloggen(bea.gebruikersnaam);
    const replay = await post('/api/auth/start/tweede-factor', tweede.cookie, { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toBe('code_used');
    // An older step (within the window) counts as used too.
    const ouder = await post('/api/auth/start/tweede-factor', tweede.cookie, {
      code: codeOp(geheim, -30_000),
    });
    expect(ouder.json().error).toBe('code_used');
    const volgende = await post('/api/auth/start/tweede-factor', tweede.cookie, {
      code: codeOp(geheim, 30_000),
    });
    expect(volgende.statusCode, volgende.body).toBe(200);
  });

  it('a code outside the window is refused; the half session ends after 10 minutes', async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const { geheim } = await inschrijven(cor);
    klok.verzet(60_000);
    const { cookie } = await inloggen(cor.gebruikersnaam);
    const teLaat = await post('/api/auth/start/tweede-factor', cookie, {
      code: codeOp(geheim, 90_000),
    });
    expect(teLaat.json()).toMatchObject({
      error: 'invalid_code',
      fouten: [{ veld: 'body.code' }],
      message: expect.stringContaining('body.code'),
    });
    klok.verzet(10 * 60_000 + 1);
    const verlopen = await post('/api/auth/start/tweede-factor', cookie, { code: codeOp(geheim) });
    expect(verlopen.statusCode).toBe(401);
  });

  it('a recovery code works once', async () => {
    const bea = await maakTestGebruiker(t.store, { rol: 'beheerder' });
    const { herstelcodes } = await inschrijven(bea);
    const a = await inloggen(bea.gebruikersnaam);
    const code = herstelcodes[3]!;
    // Typed in capitals with spaces: still the code.
    const ok = await post('/api/auth/start/tweede-factor', a.cookie, {
      herstelcode: ` ${code.toUpperCase()} `,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const b = await inloggen(bea.gebruikersnaam);
    const nogmaals = await post('/api/auth/start/tweede-factor', b.cookie, { herstelcode: code });
    expect(nogmaals.statusCode).toBe(400);
    const ander = await post('/api/auth/start/tweede-factor', b.cookie, {
      herstelcode: herstelcodes[4]!,
    });
    expect(ander.statusCode).toBe(200);
    // Stored hashed only.
    const rijen = await t.store.query<{ hash: string }>(
      'SELECT hash FROM herstelcodes WHERE gebruiker_id = $1',
      [bea.id],
    );
    expect(rijen).toHaveLength(10);
    for (const r of rijen) expect(herstelcodes).not.toContain(r.hash);
  });

  it('limits wrong codes per account: the sixth try is a 429 with Retry-After, also when right', async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const { geheim } = await inschrijven(cor);
    klok.verzet(60_000);
    const { cookie } = await inloggen(cor.gebruikersnaam);
    for (let i = 0; i < 5; i++) {
      const r = await post('/api/auth/start/tweede-factor', cookie, { code: '000000' });
      expect(r.statusCode).toBe(codeOp(geheim) === '000000' ? 200 : 400);
    }
    const zesde = await post('/api/auth/start/tweede-factor', cookie, { code: codeOp(geheim) });
    expect(zesde.statusCode).toBe(429);
    expect(Number(zesde.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('an arrangeur needs no second factor until the beheerder switches it on for everyone', async () => {
    const anja = await maakTestGebruiker(t.store, { rol: 'arrangeur' });
    expect((await inloggen(anja.gebruikersnaam)).vereist).toBeUndefined();
    const aan = await app.inject({
      method: 'PUT',
      url: '/api/beheer/beveiliging',
      headers: { cookie: beheerder },
      payload: { tweedeFactorVoorIedereen: true },
    });
    expect(aan.statusCode, aan.body).toBe(200);
    try {
      expect((await inloggen(anja.gebruikersnaam)).vereist).toEqual(['tweedeFactorInstellen']);
      const lijst = await app.inject({
        method: 'GET',
        url: '/api/beheer/beveiliging',
        headers: { cookie: beheerder },
      });
      expect(lijst.json().tweedeFactorVoorIedereen).toBe(true);
      const rij = lijst.json().gebruikers.find((g: Gebruiker) => g.id === anja.id);
      expect(rij).toMatchObject({ verplicht: true, ingesteld: false, herstelcodesOver: 0 });
    } finally {
      await app.inject({
        method: 'PUT',
        url: '/api/beheer/beveiliging',
        headers: { cookie: beheerder },
        payload: { tweedeFactorVoorIedereen: false },
      });
    }
    expect((await inloggen(anja.gebruikersnaam)).vereist).toBeUndefined();
    // Only a beheerder reads or changes it.
    const anjaCookie = await login(app, anja.gebruikersnaam);
    for (const method of ['GET', 'PUT'] as const) {
      const r = await app.inject({
        method,
        url: '/api/beheer/beveiliging',
        headers: { cookie: anjaCookie },
        ...(method === 'PUT' ? { payload: { tweedeFactorVoorIedereen: true } } : {}),
      });
      expect(r.statusCode).toBe(403);
    }
  });

  it('a beheerder resets a lost device: her sessions end and she enrols again', async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const { cookie } = await inschrijven(cor);
    const lijst = await app.inject({
      method: 'GET',
      url: '/api/beheer/beveiliging',
      headers: { cookie: beheerder },
    });
    expect(lijst.json().gebruikers.find((g: Gebruiker) => g.id === cor.id)).toMatchObject({
      ingesteld: true,
      herstelcodesOver: 10,
    });
    const herstel = await post(`/api/beheer/gebruikers/${cor.id}/tweede-factor/herstel`, beheerder);
    expect(herstel.statusCode, herstel.body).toBe(200);
    expect(herstel.json()).toMatchObject({ hersteld: true, ingetrokken: 1 });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await inloggen(cor.gebruikersnaam)).vereist).toEqual(['tweedeFactorInstellen']);
    // Others may not; an unknown user is a 404.
    expect(
      (await post(`/api/beheer/gebruikers/${cor.id}/tweede-factor/herstel`, cookie)).statusCode,
    ).toBe(401);
    const onbekend = await post(
      '/api/beheer/gebruikers/00000000-0000-4000-8000-000000000000/tweede-factor/herstel',
      beheerder,
    );
    expect(onbekend.statusCode).toBe(404);
    const log = await t.store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM toegang_log
       WHERE actie = 'beheer:tweede-factor-hersteld' AND betreft_gebruiker_id = $1`,
      [cor.id],
    );
    expect(log[0]?.n).toBe(1);
  });

  it('start password: she must choose her own (policy), then enrol when required', async () => {
    const cor = await maakTestGebruiker(t.store, {
      rol: 'coordinator',
      gebruikersnaam: 'nieuwe-cor',
    });
    await zetMoetWachtwoordWijzigen(t.store, cor.id, true);
    const { cookie, vereist } = await inloggen(cor.gebruikersnaam);
    expect(vereist).toEqual(['wachtwoord', 'tweedeFactorInstellen']);
    // Not yet the second factor, nor anything else.
    expect((await post('/api/auth/start/tweede-factor/begin', cookie)).statusCode).toBe(401);
    expect((await me(cookie)).statusCode).toBe(401);
    const zwak = async (nieuw: string) => {
      const fout = (await post('/api/auth/start/wachtwoord', cookie, { nieuw })).json();
      // Every 400 names the refused field, in `fouten` and in the message.
      expect(fout).toMatchObject({
        fouten: [{ veld: 'body.nieuw' }],
        message: expect.stringContaining('body.nieuw'),
      });
      return fout.error;
    };
    expect(await zwak('kort')).toBe('weak_password');
    expect(await zwak('welkom2026!!!!')).toBe('weak_password');
    expect(await zwak('mijn-nieuwe-cor-wachtwoord')).toBe('weak_password');
    expect(await zwak(WACHTWOORD)).toBe('same_password');
    const goed = await post('/api/auth/start/wachtwoord', cookie, {
      nieuw: 'lente-fiets-koffie-zolder',
    });
    expect(goed.statusCode, goed.body).toBe(200);
    expect(goed.json().vereist).toEqual(['tweedeFactorInstellen']);
    expect((await me(cookie)).statusCode).toBe(401);
    // The start password no longer works; the new one does, and the flag is gone.
    const oud = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { gebruikersnaam: cor.gebruikersnaam, wachtwoord: WACHTWOORD },
    });
    expect(oud.statusCode).toBe(401);
    const nieuw = await inloggen(cor.gebruikersnaam, 'lente-fiets-koffie-zolder');
    expect(nieuw.vereist).toEqual(['tweedeFactorInstellen']);
  });

  it('an arrangeur with a start password gets a normal session after her new password', async () => {
    const anja = await maakTestGebruiker(t.store, { rol: 'arrangeur' });
    await zetMoetWachtwoordWijzigen(t.store, anja.id, true);
    const { cookie, vereist } = await inloggen(anja.gebruikersnaam);
    expect(vereist).toEqual(['wachtwoord']);
    const pull = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: { cookie } });
    expect(pull.statusCode).toBe(401);
    const goed = await post('/api/auth/start/wachtwoord', cookie, {
      nieuw: 'lente-fiets-koffie-zolder',
    });
    expect(goed.json().vereist).toEqual([]);
    expect((await me(cookie)).statusCode).toBe(200);
    // The step is done: it cannot be used again to set a password without the current one.
    expect(
      (await post('/api/auth/start/wachtwoord', cookie, { nieuw: 'ander-lang-wachtwoord-9' }))
        .statusCode,
    ).toBe(401);
  });

  it('stores the secret encrypted, not plain; login with its code still works', async () => {
    const g = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const { geheim } = await inschrijven(g);
    const rows = await t.store.query<Record<string, unknown>>(
      'SELECT * FROM tweede_factor WHERE gebruiker_id = $1',
      [g.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(geheim);
    expect(isVersleuteld(String(rows[0]!.geheim))).toBe(true);
    klok.verzet(30_000);
    const { cookie, vereist } = await inloggen(g.gebruikersnaam);
    expect(vereist).toEqual(['tweedeFactor']);
    const res = await post('/api/auth/start/tweede-factor', cookie, { code: codeOp(geheim) });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('migration 011: a secret stored plain before it is encrypted at start, and still works', async () => {
    const g = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    // As migration 008 stored it: plain.
    await t.store.query(
      `INSERT INTO tweede_factor (gebruiker_id, geheim, aangemaakt_op, bevestigd_op)
       VALUES ($1, $2, now(), now())`,
      [g.id, GEHEIM],
    );
    expect(await t.store.transaction((tx) => versleutelOudeGeheimen(tx))).toBeGreaterThanOrEqual(1);
    expect(await t.store.transaction((tx) => versleutelOudeGeheimen(tx))).toBe(0);
    const alle = await t.store.query<{ geheim: string }>('SELECT geheim FROM tweede_factor');
    expect(alle.every((r) => isVersleuteld(r.geheim))).toBe(true);
    expect(JSON.stringify(alle)).not.toContain(GEHEIM);
    klok.verzet(30_000);
    const { cookie } = await inloggen(g.gebruikersnaam);
    const res = await post('/api/auth/start/tweede-factor', cookie, { code: codeOp(GEHEIM) });
    expect(res.statusCode, res.body).toBe(200);
    // Started with another key: the start stops rather than lock every user out.
    zetTotpSleutel(Buffer.alloc(32, 9));
    try {
      await expect(t.store.transaction((tx) => versleutelOudeGeheimen(tx))).rejects.toThrow(
        /TOTP_SLEUTEL/,
      );
    } finally {
      zetTotpSleutel(SLEUTEL);
    }
  });

  it('a demo secret is stored encrypted too', async () => {
    const g = await maakTestGebruiker(t.store, { rol: 'beheerder' });
    await zetBevestigdGeheim(t.store, g.id, GEHEIM);
    const [r] = await t.store.query<{ geheim: string }>(
      'SELECT geheim FROM tweede_factor WHERE gebruiker_id = $1',
      [g.id],
    );
    expect(r!.geheim).not.toContain(GEHEIM);
    expect(ontsleutelGeheim(r!.geheim, g.id)).toBe(GEHEIM);
  });

  it('never stores or logs the secret in the access log', async () => {
    const rows = await t.store.query<{ actie: string }>('SELECT actie FROM toegang_log');
    const geheimen = await t.store.query<{ geheim: string }>('SELECT geheim FROM tweede_factor');
    const tekst = JSON.stringify(rows);
    for (const g of geheimen) expect(tekst).not.toContain(g.geheim);
  });
});
