/**
 * The routes behind the beheer screens (issue 14, points 1 and 3), on PGlite and PostgreSQL:
 * start passwords, account status, clients by name and birth date, caseload history, and the
 * caseload import (preview stores nothing; a confirmed import stores the good rows once; a
 * re-import changes nothing; the arrangeur's pull brings them).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { ROLLEN, type Gebruiker } from '../../src/sync/protocol/wire.ts';
import {
  BEHEER_ROLLEN,
  clientenAntwoordSchema,
  gebruikersAntwoordSchema,
  importAntwoordSchema,
  startwachtwoordAntwoordSchema,
  toegangslogAntwoordSchema,
} from '../../src/domain/beheer/api.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { login, loginMetStartwachtwoord, maakTestGebruiker } from './fixtures/gebruikers.ts';

type Verzoek = Pick<InjectOptions, 'method' | 'url' | 'payload'>;

const dag = (delta: number) => new Date(Date.now() + delta * 86_400_000).toISOString().slice(0, 10);
/** Yesterday to tomorrow: the log rows these tests write (the app uses the real clock). */
const PERIODE = `van=${dag(-1)}&tot=${dag(1)}`;

const KOP = 'voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;gemeente;zorgverzekeraar';
/** Three good rows and two bad ones (elfproef; unknown gemeente and a date that does not exist). */
const BESTAND =
  '\uFEFF' +
  [
    KOP,
    'Gerda;Jansen;12-03-1941;111222333;6711 AB;12;Ede;3311',
    'Henk;de Boer;1938-07-01;;6712 CD;3a;Wageningen;',
    'Ina;Smit;01-01-1950;123456782;6711 AB;7;GM0228;3332',
    'Joop;Fout;02-02-1940;123456789;6711 AB;1;Ede;3311',
    'Kees;Nergens;30-02-1940;;6711 AB;1;Atlantis;',
    '',
  ].join('\r\n');

describe.each(STORE_KINDS)('beheer screens on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let bea: Gebruiker;
  let cookie: string;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    bea = await maakTestGebruiker(t.store, { gebruikersnaam: 'scherm-bea', rol: 'beheerder' });
    cookie = await login(app, 'scherm-bea');
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const alsBea = (v: Verzoek) => app.inject({ ...v, headers: { cookie } });
  const gebruikers = async () =>
    gebruikersAntwoordSchema.parse(
      (await alsBea({ method: 'GET', url: '/api/beheer/gebruikers' })).json(),
    ).gebruikers;

  it('adds a user without a password: a start password once, the account marked to change it', async () => {
    const res = await alsBea({
      method: 'POST',
      url: '/api/beheer/gebruikers',
      payload: { gebruikersnaam: 'nina', naam: 'Nina Nieuw', rol: 'arrangeur' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { gebruiker, startwachtwoord } = startwachtwoordAntwoordSchema.parse(res.json());
    expect(startwachtwoord).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const rij = await t.store.query<{ moet: boolean; hash: string }>(
      'SELECT moet_wachtwoord_wijzigen AS moet, wachtwoord_hash AS hash FROM gebruikers WHERE id = $1',
      [gebruiker.id],
    );
    expect(rij[0]).toMatchObject({ moet: true });
    expect(rij[0]!.hash).not.toContain(startwachtwoord);
    expect((await gebruikers()).find((g) => g.id === gebruiker.id)).toMatchObject({
      moetWachtwoordWijzigen: true,
      actieveSessies: 0,
    });
    // She logs in with it, must choose her own first (issue 14.4), and then the flag is off.
    await loginMetStartwachtwoord(app, 'nina', startwachtwoord);
    const nina = (await gebruikers()).find((g) => g.id === gebruiker.id)!;
    expect(nina).toMatchObject({ actief: true, moetWachtwoordWijzigen: false, actieveSessies: 1 });
    expect(nina.laatsteLogin).not.toBeNull();
    // Two start passwords are never the same.
    const ander = await alsBea({
      method: 'POST',
      url: '/api/beheer/gebruikers',
      payload: { gebruikersnaam: 'nina2', naam: 'Nina Twee', rol: 'arrangeur' },
    });
    expect(startwachtwoordAntwoordSchema.parse(ander.json()).startwachtwoord).not.toBe(
      startwachtwoord,
    );
  });

  it('a reset without a password gives a new start password, ends her sessions, marks the account', async () => {
    const g = await maakTestGebruiker(t.store);
    await login(app, g.gebruikersnaam);
    const res = await alsBea({
      method: 'POST',
      url: `/api/beheer/gebruikers/${g.id}/wachtwoord`,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ ingetrokken: number; startwachtwoord: string }>();
    expect(body.ingetrokken).toBe(1);
    expect(body.startwachtwoord).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await gebruikers()).find((x) => x.id === g.id)!.moetWachtwoordWijzigen).toBe(true);
    await loginMetStartwachtwoord(app, g.gebruikersnaam, body.startwachtwoord);
    expect((await gebruikers()).find((x) => x.id === g.id)!.moetWachtwoordWijzigen).toBe(false);
    // A password the beheerder typed is known to her too: also a start password.
    await alsBea({
      method: 'POST',
      url: `/api/beheer/gebruikers/${g.id}/wachtwoord`,
      payload: { wachtwoord: 'een-ander-lang-geheim' },
    });
    expect((await gebruikers()).find((x) => x.id === g.id)!.moetWachtwoordWijzigen).toBe(true);
  });

  it('shows live sessions per user; ending them leaves none', async () => {
    const g = await maakTestGebruiker(t.store);
    await login(app, g.gebruikersnaam);
    await login(app, g.gebruikersnaam);
    expect((await gebruikers()).find((x) => x.id === g.id)!.actieveSessies).toBe(2);
    await alsBea({ method: 'POST', url: `/api/beheer/gebruikers/${g.id}/intrekken` });
    const na = (await gebruikers()).find((x) => x.id === g.id)!;
    expect(na.actieveSessies).toBe(0);
    expect(na.laatstActief).toBeNull();
  });

  it('moving a client keeps the history; the log names the user per assignment', async () => {
    const a = await maakTestGebruiker(t.store);
    const b = await maakTestGebruiker(t.store);
    const clientId = randomUUID();
    const zet = (gebruikerId: string, toewijzen: boolean) =>
      alsBea({
        method: 'PUT',
        url: '/api/beheer/caseload',
        payload: { gebruikerId, clientId, toewijzen },
      });
    expect((await zet(a.id, true)).statusCode).toBe(200);
    expect((await zet(b.id, true)).statusCode).toBe(200);
    expect((await zet(a.id, false)).statusCode).toBe(200);
    const res = await alsBea({ method: 'GET', url: '/api/beheer/clienten' });
    expect(res.statusCode, res.body).toBe(200);
    const c = clientenAntwoordSchema.parse(res.json()).clienten.find((x) => x.id === clientId)!;
    expect(c.caseload).toEqual([b.id]);
    expect(c.historie.map((h) => [h.gebruikerId, h.tot === null])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
    const log = toegangslogAntwoordSchema.parse(
      (
        await alsBea({
          method: 'GET',
          url: `/api/beheer/toegangslog?gebruikerId=${a.id}&${PERIODE}`,
        })
      ).json(),
    );
    expect(log.regels.map((r) => r.actie)).toEqual([
      'beheer:caseload-toegewezen',
      'beheer:caseload-ontnomen',
    ]);
  });

  it('import: preview names the bad rows and stores nothing; confirm stores 3; again stores 0', async () => {
    const anja = await maakTestGebruiker(t.store, { gebruikersnaam: 'import-anja' });
    const aantalClienten = async () =>
      (
        await t.store.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM records WHERE type = 'client'",
        )
      )[0]!.n;
    const voor = await aantalClienten();
    const importeer = async (voorbeeld: boolean) => {
      const res = await alsBea({
        method: 'POST',
        url: '/api/beheer/import',
        payload: { bestand: BESTAND, gebruikerId: anja.id, voorbeeld },
      });
      expect(res.statusCode, res.body).toBe(200);
      return importAntwoordSchema.parse(res.json());
    };

    const voorbeeld = await importeer(true);
    expect(voorbeeld.opgeslagen).toBe(0);
    expect(voorbeeld.rijen.map((r) => [r.regel, r.status])).toEqual([
      [2, 'nieuw'],
      [3, 'nieuw'],
      [4, 'nieuw'],
      [5, 'fout'],
      [6, 'fout'],
    ]);
    expect(voorbeeld.rijen[3]!.fouten.join(' ')).toContain('elfproef');
    expect(voorbeeld.rijen[4]!.fouten.join(' ')).toContain('"Atlantis" is geen gemeente');
    expect(voorbeeld.rijen[4]!.fouten.join(' ')).toContain('"30-02-1940" is geen bestaande datum');
    expect(await aantalClienten()).toBe(voor);

    const echt = await importeer(false);
    expect(echt.opgeslagen).toBe(3);
    expect(await aantalClienten()).toBe(voor + 3);

    const nogmaals = await importeer(false);
    expect(nogmaals.opgeslagen).toBe(0);
    expect(nogmaals.rijen.filter((r) => r.status === 'bestaat')).toHaveLength(3);
    expect(await aantalClienten()).toBe(voor + 3);

    // Her device gets them on the next pull, with the gemeente as CBS code.
    const anjaCookie = await login(app, 'import-anja');
    const pull = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?cursor=0&limit=500&deviceId=tablet-import',
      headers: { cookie: anjaCookie },
    });
    expect(pull.statusCode, pull.body).toBe(200);
    const clienten = pull
      .json<{ records: { type: string; fields: Record<string, unknown> }[] }>()
      .records.filter((r) => r.type === 'client');
    expect(clienten.map((c) => c.fields['achternaam']).sort()).toEqual([
      'Jansen',
      'Smit',
      'de Boer',
    ]);
    expect(clienten.find((c) => c.fields['achternaam'] === 'de Boer')!.fields['gemeente']).toBe(
      'GM0289',
    );

    // The beheerder sees them by name and birth date only: never the BSN or address.
    const lijst = await alsBea({ method: 'GET', url: '/api/beheer/clienten' });
    expect(lijst.body).toContain('Gerda Jansen');
    expect(lijst.body).not.toContain('111222333');
    expect(lijst.body).not.toContain('6711 AB');
  });

  it('import refuses a caseload for a role without one, and an unknown user', async () => {
    const cor = await maakTestGebruiker(t.store, { rol: 'coordinator' });
    const naar = (gebruikerId: string) =>
      alsBea({
        method: 'POST',
        url: '/api/beheer/import',
        payload: { bestand: BESTAND, gebruikerId, voorbeeld: true },
      });
    expect((await naar(cor.id)).statusCode).toBe(409);
    expect((await naar(randomUUID())).statusCode).toBe(404);
  });

  it('reading clients and importing are logged with the beheerder as actor', async () => {
    const log = toegangslogAntwoordSchema.parse(
      (
        await alsBea({
          method: 'GET',
          url: `/api/beheer/toegangslog?gebruikerId=${bea.id}&${PERIODE}`,
        })
      ).json(),
    );
    const acties = new Set(log.regels.map((r) => r.actie));
    expect(acties).toContain('beheer:clienten-gelezen');
    expect(acties).toContain('beheer:import-voorbeeld');
    expect(acties).toContain('beheer:client-geimporteerd');
  });
});

it('the beheer contract knows the same roles as the sync wire', () => {
  expect([...BEHEER_ROLLEN]).toEqual([...ROLLEN]);
});
