import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { magClientLezen, magClientSchrijven } from '../../src/server/db/toegang.ts';
import type { Gebruiker, Rol } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { login, loginMetStartwachtwoord, maakTestGebruiker } from './fixtures/gebruikers.ts';

type Verzoek = Pick<InjectOptions, 'method' | 'url' | 'payload'>;

describe.each(STORE_KINDS)('beheer routes on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  const rollen = {} as Record<Rol, Gebruiker>;
  const cookies = {} as Record<Rol, string>;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    for (const rol of ['arrangeur', 'casemanager', 'coordinator', 'beheerder'] as const) {
      rollen[rol] = await maakTestGebruiker(t.store, { gebruikersnaam: `vast-${rol}`, rol });
      cookies[rol] = await login(app, `vast-${rol}`);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const als = (rol: Rol | null, v: Verzoek) =>
    app.inject({ ...v, headers: rol ? { cookie: cookies[rol] } : {} });

  /** One valid request per endpoint; the user is made fresh so no case depends on another. */
  const ENDPOINTS: [string, () => Promise<Verzoek>, number][] = [
    ['GET /beheer/gebruikers', async () => ({ method: 'GET', url: '/api/beheer/gebruikers' }), 200],
    [
      'POST /beheer/gebruikers',
      async () => ({
        method: 'POST',
        url: '/api/beheer/gebruikers',
        payload: {
          gebruikersnaam: `nieuw-${randomUUID().slice(0, 8)}`,
          naam: 'Nieuwe Collega',
          rol: 'arrangeur',
          wachtwoord: 'twaalf-tekens-minstens',
        },
      }),
      201,
    ],
    [
      'POST /beheer/gebruikers/:id/intrekken',
      async () => ({
        method: 'POST',
        url: `/api/beheer/gebruikers/${(await maakTestGebruiker(t.store)).id}/intrekken`,
      }),
      200,
    ],
    [
      'PUT /beheer/caseload',
      async () => ({
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: {
          gebruikerId: (await maakTestGebruiker(t.store)).id,
          clientId: randomUUID(),
          toewijzen: true,
        },
      }),
      200,
    ],
    [
      'PUT /beheer/review-deling',
      async () => ({
        method: 'PUT',
        url: '/api/beheer/review-deling',
        payload: {
          casemanagerId: (await maakTestGebruiker(t.store, { rol: 'casemanager' })).id,
          clientId: randomUUID(),
          delen: true,
        },
      }),
      200,
    ],
    [
      'PUT /beheer/gebruikers/:id/actief',
      async () => ({
        method: 'PUT',
        url: `/api/beheer/gebruikers/${(await maakTestGebruiker(t.store)).id}/actief`,
        payload: { actief: false },
      }),
      200,
    ],
    [
      'POST /beheer/gebruikers/:id/wachtwoord',
      async () => ({
        method: 'POST',
        url: `/api/beheer/gebruikers/${(await maakTestGebruiker(t.store)).id}/wachtwoord`,
        payload: { wachtwoord: 'een-tijdelijk-lang-geheim' },
      }),
      200,
    ],
    ['GET /beheer/clienten', async () => ({ method: 'GET', url: '/api/beheer/clienten' }), 200],
    [
      'POST /beheer/import',
      async () => ({
        method: 'POST',
        url: '/api/beheer/import',
        payload: {
          bestand:
            'voornaam;achternaam;geboortedatum;postcode;huisnummer;gemeente\nA;B;1950-01-01;6711AB;2;Ede',
          gebruikerId: (await maakTestGebruiker(t.store)).id,
          voorbeeld: true,
        },
      }),
      200,
    ],
    [
      'GET /beheer/toegangslog',
      async () => ({
        method: 'GET',
        url: `/api/beheer/toegangslog?clientId=${randomUUID()}&van=2026-01-01&tot=2026-12-31`,
      }),
      200,
    ],
    [
      'GET /beheer/toegangslog (CSV)',
      async () => ({
        method: 'GET',
        url: `/api/beheer/toegangslog?gebruikerId=${randomUUID()}&van=2026-01-01&tot=2026-12-31&formaat=csv`,
      }),
      200,
    ],
  ];

  describe.each(ENDPOINTS)('%s', (_naam, verzoek, ok) => {
    it('answers 401 without a session', async () => {
      const res = await als(null, await verzoek());
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: 'unauthenticated' });
    });
    it.each<Rol>(['arrangeur', 'casemanager', 'coordinator'])(
      'answers 403 to a %s',
      async (rol) => {
        const res = await als(rol, await verzoek());
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual({ error: 'forbidden', message: 'Not allowed for this role' });
      },
    );
    it(`answers ${ok} to a beheerder`, async () => {
      const res = await als('beheerder', await verzoek());
      expect(res.statusCode, res.body).toBe(ok);
    });
  });

  const gebruikerBody = {
    gebruikersnaam: 'geldig',
    naam: 'Geldige Naam',
    rol: 'arrangeur',
    wachtwoord: 'twaalf-tekens-minstens',
  };
  const BAD: [string, Verzoek][] = [
    ['create: no body', { method: 'POST', url: '/api/beheer/gebruikers' }],
    [
      'create: password of 11 characters',
      {
        method: 'POST',
        url: '/api/beheer/gebruikers',
        payload: { ...gebruikerBody, wachtwoord: 'elf-tekens!' },
      },
    ],
    [
      'create: unknown role',
      {
        method: 'POST',
        url: '/api/beheer/gebruikers',
        payload: { ...gebruikerBody, rol: 'admin' },
      },
    ],
    [
      'create: username with a space',
      {
        method: 'POST',
        url: '/api/beheer/gebruikers',
        payload: { ...gebruikerBody, gebruikersnaam: 'an ja' },
      },
    ],
    [
      'create: empty name',
      { method: 'POST', url: '/api/beheer/gebruikers', payload: { ...gebruikerBody, naam: ' ' } },
    ],
    [
      'create: an unknown field',
      {
        method: 'POST',
        url: '/api/beheer/gebruikers',
        payload: { ...gebruikerBody, actief: false },
      },
    ],
    ['revoke: id not a uuid', { method: 'POST', url: '/api/beheer/gebruikers/42/intrekken' }],
    ['caseload: no body', { method: 'PUT', url: '/api/beheer/caseload' }],
    [
      'caseload: client id not a uuid',
      {
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: { gebruikerId: randomUUID(), clientId: 'jansen', toewijzen: true },
      },
    ],
    [
      'caseload: toewijzen as a string',
      {
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: { gebruikerId: randomUUID(), clientId: randomUUID(), toewijzen: 'ja' },
      },
    ],
    [
      'review: missing delen',
      {
        method: 'PUT',
        url: '/api/beheer/review-deling',
        payload: { casemanagerId: randomUUID(), clientId: randomUUID() },
      },
    ],
  ];
  it.each(BAD)('answers a bad request (%s) with 400 naming the field', async (_naam, v) => {
    const res = await als('beheerder', v);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
  });

  it('answers a stranger with a bad body 401, not a 400 that describes the contract', async () => {
    const res = await als(null, { method: 'PUT', url: '/api/beheer/caseload', payload: { x: 1 } });
    expect(res.statusCode).toBe(401);
  });

  it('creates a user who can then log in; a taken username is a 409', async () => {
    const res = await als('beheerder', {
      method: 'POST',
      url: '/api/beheer/gebruikers',
      payload: {
        ...gebruikerBody,
        gebruikersnaam: ' Dirk.V ',
        naam: 'Dirk Vos',
        rol: 'casemanager',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      gebruikersnaam: 'dirk.v',
      naam: 'Dirk Vos',
      rol: 'casemanager',
    });
    expect(res.body).not.toContain('wachtwoord');
    await loginMetStartwachtwoord(app, 'dirk.v', gebruikerBody.wachtwoord);
    const dubbel = await als('beheerder', {
      method: 'POST',
      url: '/api/beheer/gebruikers',
      payload: { ...gebruikerBody, gebruikersnaam: 'DIRK.V' },
    });
    expect(dubbel.statusCode).toBe(409);
  });

  it('lists users with role and caseload, never a password hash', async () => {
    const g = await maakTestGebruiker(t.store);
    const clientId = randomUUID();
    await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/caseload',
      payload: { gebruikerId: g.id, clientId, toewijzen: true },
    });
    const res = await als('beheerder', { method: 'GET', url: '/api/beheer/gebruikers' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/scrypt|hash/);
    const rij = res.json().gebruikers.find((x: { id: string }) => x.id === g.id);
    expect(rij).toMatchObject({
      rol: 'arrangeur',
      actief: true,
      caseload: [clientId],
      reviewClienten: [],
    });
  });

  it('revokes every session of a user: her next request is a 401', async () => {
    const g = await maakTestGebruiker(t.store);
    const eerste = await login(app, g.gebruikersnaam);
    const tweede = await login(app, g.gebruikersnaam);
    const res = await als('beheerder', {
      method: 'POST',
      url: `/api/beheer/gebruikers/${g.id}/intrekken`,
    });
    expect(res.json()).toEqual({ ingetrokken: 2 });
    for (const cookie of [eerste, tweede]) {
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.statusCode).toBe(401);
    }
    // She can log in again (revoking is not blocking).
    await login(app, g.gebruikersnaam);
  });

  it('answers 404 for an unknown user on revoke, caseload and review', async () => {
    const onbekend = randomUUID();
    const verzoeken: Verzoek[] = [
      { method: 'POST', url: `/api/beheer/gebruikers/${onbekend}/intrekken` },
      {
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: { gebruikerId: onbekend, clientId: randomUUID(), toewijzen: true },
      },
      {
        method: 'PUT',
        url: '/api/beheer/review-deling',
        payload: { casemanagerId: onbekend, clientId: randomUUID(), delen: true },
      },
    ];
    for (const v of verzoeken) expect((await als('beheerder', v)).statusCode).toBe(404);
  });

  it('assigns and withdraws a client: access follows at once', async () => {
    const anja = await maakTestGebruiker(t.store);
    const clientId = randomUUID();
    const zet = (toewijzen: boolean) =>
      als('beheerder', {
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: { gebruikerId: anja.id, clientId, toewijzen },
      });
    expect((await zet(true)).json()).toEqual({ gebruikerId: anja.id, clientId, toewijzen: true });
    expect(await magClientSchrijven(t.store, anja, clientId)).toBe(true);
    expect((await zet(true)).statusCode).toBe(200); // idempotent
    expect((await zet(false)).statusCode).toBe(200);
    expect(await magClientLezen(t.store, anja, clientId)).toBe(false);
  });

  it.each<Rol>(['coordinator', 'beheerder'])('refuses a caseload for a %s (409)', async (rol) => {
    const res = await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/caseload',
      payload: { gebruikerId: rollen[rol].id, clientId: randomUUID(), toewijzen: true },
    });
    expect(res.statusCode).toBe(409);
  });

  it('shares a plan for review: the casemanager reads, not writes; only to a casemanager', async () => {
    const carla = await maakTestGebruiker(t.store, { rol: 'casemanager' });
    const clientId = randomUUID();
    const res = await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/review-deling',
      payload: { casemanagerId: carla.id, clientId, delen: true },
    });
    expect(res.json()).toEqual({ casemanagerId: carla.id, clientId, delen: true });
    expect(await magClientLezen(t.store, carla, clientId)).toBe(true);
    expect(await magClientSchrijven(t.store, carla, clientId)).toBe(false);
    const rows = await t.store.query<{ gedeeld_door: string }>(
      'SELECT gedeeld_door FROM review_deling WHERE casemanager_id = $1',
      [carla.id],
    );
    expect(rows).toEqual([{ gedeeld_door: rollen.beheerder.id }]);

    const naarArrangeur = await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/review-deling',
      payload: { casemanagerId: rollen.arrangeur.id, clientId, delen: true },
    });
    expect(naarArrangeur.statusCode).toBe(409);
  });

  it('changes nothing on a 403', async () => {
    const clientId = randomUUID();
    const res = await als('arrangeur', {
      method: 'PUT',
      url: '/api/beheer/caseload',
      payload: { gebruikerId: rollen.arrangeur.id, clientId, toewijzen: true },
    });
    expect(res.statusCode).toBe(403);
    expect(await magClientLezen(t.store, rollen.arrangeur, clientId)).toBe(false);
  });

  it('records every beheer change in the access log with the beheerder as actor', async () => {
    const g = await maakTestGebruiker(t.store);
    const clientId = randomUUID();
    await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/caseload',
      payload: { gebruikerId: g.id, clientId, toewijzen: true },
    });
    await als('beheerder', {
      method: 'PUT',
      url: '/api/beheer/caseload',
      payload: { gebruikerId: g.id, clientId, toewijzen: false },
    });
    const rows = await t.store.query<{ gebruiker_id: string; actie: string }>(
      'SELECT gebruiker_id, actie FROM toegang_log WHERE client_id = $1 ORDER BY id',
      [clientId],
    );
    expect(rows).toEqual([
      { gebruiker_id: rollen.beheerder.id, actie: 'beheer:caseload-toegewezen' },
      { gebruiker_id: rollen.beheerder.id, actie: 'beheer:caseload-ontnomen' },
    ]);
  });
});
