/**
 * No input makes a 5xx (issue 12, point 5): a property-based fuzz test over every route of the
 * app, on PGlite and PostgreSQL. The routes are read from the app's own route tree (printRoutes),
 * so a new route is fuzzed the moment it exists — and this test fails until it has a valid
 * example below (its schema's seed). Per run, FUZZ_RUNS (≥ 10,000) requests, each either:
 * - a valid example of a route with one spot spoiled: a value replaced by a hostile one (NUL,
 *   lone surrogates, huge strings, deep nesting, wrong types, SQL-ish text, huge numbers,
 *   NaN-ish), an unknown key added (also `__proto__`, `constructor`, `prototype`), or a key
 *   removed — so the hostile value travels past the outer schema into the deeper checks;
 * - or a wholly hostile body, query string or path parameter (also raw, malformed JSON).
 * as one of the four roles or without a session. Asserted: never a 5xx; every 400 names the
 * refused fields (`fouten`, each `body.…`, `querystring.…` or `params.…`); every request answers
 * within REQUEST_TIMEOUT_MS; the data is unchanged except what was accepted (a record changes
 * only when a mutation on it was `applied`; other tables only after a 2xx from a route that
 * writes them).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planIdVoorClient } from '../../src/domain/model/ids.ts';
import { buildApp } from '../../src/server/app.ts';
import { maakSessie } from '../../src/server/db/accounts.ts';
import type { Queryable } from '../../src/server/db/store.ts';
import { zetReviewDeling } from '../../src/server/db/toegang.ts';
import type { Mutation } from '../../src/sync/protocol/mutation.ts';
import { foutAntwoordSchema } from '../../src/sync/protocol/fout.ts';
import { pushResponseSchema, type Rol } from '../../src/sync/protocol/wire.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { mutation, newClient, pushOk, userWithSession, type TestUser } from './fixtures/sync.ts';

const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const REQUEST_TIMEOUT_MS = 15_000;
const MAANDEN = 'van=2026-01&tot=2026-12';

// ---------------------------------------------------------------------------------------------
// Hostile values

const NARE_TEKST = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff\ud800',
  "'; DROP TABLE records; --",
  "1' OR '1'='1",
  '$1::jsonb',
  '\\x00',
  '%00',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '',
  ' ',
  '\u202e\u200b\u00ad',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'null',
  'true',
];

const surrogaatRijk = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const naarString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NARE_TEKST) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: surrogaatRijk },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  },
);

const naarGetal = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1.5,
    -0.0001,
    2 ** 31,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Nested n deep (arrays or objects), as a value; JSON.stringify is iterative enough for 5,000. */
const diep = fc.tuple(fc.integer({ min: 8, max: 1_000 }), fc.boolean()).map(([n, lijst]) => {
  let v: unknown = 'bodem';
  for (let i = 0; i < n; i++) v = lijst ? [v] : { a: v };
  return v;
});

const SLEUTELS = [
  '__proto__',
  'constructor',
  'prototype',
  'extra',
  'bsn',
  'id',
  '\u0000',
  '\ud800',
  'x'.repeat(300),
];

const naarWaarde: fc.Arbitrary<unknown> = fc.letrec<{ w: unknown }>((tie) => ({
  w: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: naarString },
    { weight: 3, arbitrary: naarGetal },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false, undefined) },
    { weight: 1, arbitrary: diep },
    { weight: 1, arbitrary: fc.array(tie('w'), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(
          fc.tuple(fc.oneof(fc.constantFrom(...SLEUTELS), fc.string({ maxLength: 8 })), tie('w')),
          {
            maxLength: 4,
          },
        )
        .map(eigenObject),
    },
  ),
})).w;

/** An object with these own keys — also `__proto__` as an own property, as JSON.parse makes it. */
function eigenObject(paren: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of paren)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

// ---------------------------------------------------------------------------------------------
// Spoiling a valid example at one spot

type Pad = (string | number)[];

function paden(v: unknown, pad: Pad = [], uit: Pad[] = []): Pad[] {
  uit.push(pad);
  if (Array.isArray(v)) v.forEach((x, i) => paden(x, [...pad, i], uit));
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) paden(x, [...pad, k], uit);
  }
  return uit;
}

type Ingreep = 'vervang' | 'extra-sleutel' | 'weg';

function verstoor(
  voorbeeld: unknown,
  keuze: number,
  ingreep: Ingreep,
  waarde: unknown,
  sleutel: string,
): unknown {
  const kopie: unknown = structuredClone(voorbeeld);
  const alle = paden(kopie);
  const pad = alle[keuze % alle.length]!;
  if (pad.length === 0) return ingreep === 'vervang' ? waarde : kopie;
  const ouder = pad
    .slice(0, -1)
    .reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], kopie) as Record<
    string | number,
    unknown
  >;
  const laatste = pad.at(-1)!;
  const doel = ouder[laatste];
  if (ingreep === 'vervang') ouder[laatste] = waarde;
  else if (ingreep === 'weg') {
    if (Array.isArray(ouder)) ouder.splice(Number(laatste), 1);
    else delete ouder[laatste];
  } else if (typeof doel === 'object' && doel !== null && !Array.isArray(doel)) {
    Object.defineProperty(doel, sleutel, {
      value: waarde,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    ouder[laatste] = waarde;
  }
  return kopie;
}

// ---------------------------------------------------------------------------------------------
// The world the requests run against

interface Wereld {
  readonly gebruikers: Record<Rol, TestUser>;
  readonly clientId: string;
  readonly clientRev: number;
  readonly naasteId: string;
  readonly naasteRev: number;
  readonly planId: string;
  readonly weg: string;
  readonly reviewId: string;
  readonly tariefId: string;
}

interface Verzoek {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
}

/** A valid request per route ("METHOD /path" as printRoutes names it). */
function voorbeelden(w: Wereld): Record<string, () => Verzoek[]> {
  const m = (over: Partial<Mutation> & Pick<Mutation, 'recordType' | 'recordId'>) => mutation(over);
  const push = (...ms: Mutation[]): Verzoek => ({
    method: 'POST',
    url: '/api/sync/push',
    body: { deviceId: 'tablet-fuzz', mutations: ms },
  });
  return {
    'POST /api/auth/login': () => [
      {
        method: 'POST',
        url: '/api/auth/login',
        body: { gebruikersnaam: 'fuzz', wachtwoord: 'fout' },
      },
    ],
    'POST /api/auth/logout': () => [{ method: 'POST', url: '/api/auth/logout' }],
    'GET /api/auth/me': () => [{ method: 'GET', url: '/api/auth/me' }],
    'POST /api/auth/wachtwoord': () => [
      {
        method: 'POST',
        url: '/api/auth/wachtwoord',
        body: { huidig: 'niet-het-goede', nieuw: 'een-ander-lang-wachtwoord' },
      },
    ],
    // Issue 14: the steps of a half session (a full or no session gets a 401) and "Beveiliging".
    'POST /api/auth/start/wachtwoord': () => [
      { method: 'POST', url: '/api/auth/start/wachtwoord', body: { nieuw: 'lente-fiets-koffie' } },
    ],
    'POST /api/auth/start/tweede-factor/begin': () => [
      { method: 'POST', url: '/api/auth/start/tweede-factor/begin' },
    ],
    'POST /api/auth/start/tweede-factor/bevestig': () => [
      { method: 'POST', url: '/api/auth/start/tweede-factor/bevestig', body: { code: '123456' } },
    ],
    'POST /api/auth/start/tweede-factor': () => [
      { method: 'POST', url: '/api/auth/start/tweede-factor', body: { code: '123456' } },
      {
        method: 'POST',
        url: '/api/auth/start/tweede-factor',
        body: { herstelcode: 'abcde-fghjk' },
      },
    ],
    'GET /api/beheer/beveiliging': () => [{ method: 'GET', url: '/api/beheer/beveiliging' }],
    'PUT /api/beheer/beveiliging': () => [
      { method: 'PUT', url: '/api/beheer/beveiliging', body: { tweedeFactorVoorIedereen: false } },
    ],
    'POST /api/beheer/gebruikers/:id/tweede-factor/herstel': () => [
      { method: 'POST', url: `/api/beheer/gebruikers/${randomUUID()}/tweede-factor/herstel` },
    ],
    'GET /api/health': () => [{ method: 'GET', url: '/api/health' }],
    'GET /api/ready': () => [{ method: 'GET', url: '/api/ready' }],
    'GET /api/config': () => [{ method: 'GET', url: '/api/config' }],
    'GET /api/casemanagers': () => [{ method: 'GET', url: '/api/casemanagers' }],
    'GET /api/sync/pull': () => [{ method: 'GET', url: '/api/sync/pull?cursor=0&limit=50' }],
    'POST /api/sync/push': () => [
      push(newClient(randomUUID())),
      push(
        m({
          recordType: 'client',
          recordId: w.clientId as never,
          baseRev: w.clientRev,
          fields: { huisarts: 'Dr. Fuzz', postcode: '6711 AB' },
        }),
      ),
      push(
        m({
          recordType: 'naaste',
          recordId: w.naasteId as never,
          baseRev: w.naasteRev,
          fields: { naam: 'Anja', contact: '06-12345678' },
        }),
      ),
      push(
        m({
          recordType: 'naaste',
          recordId: randomUUID() as never,
          clientId: w.clientId as never,
          fields: { clientId: w.clientId, naam: 'Kees', relatie: 'buurman' },
        }),
      ),
      push(
        m({
          recordType: 'plan',
          recordId: w.planId as never,
          baseRev: 1,
          fields: { hulpvraag: 'Thuis blijven wonen', ladderToelichting: 'Omdat het moet' },
        }),
      ),
      push(
        m({
          recordType: 'planItem',
          recordId: randomUUID() as never,
          clientId: w.clientId as never,
          fields: {
            planId: w.planId,
            stap: 'professioneel',
            omschrijving: 'Hulp bij wassen',
            inzet: {
              code: 'PV-ADL',
              omvang: { aantal: 3, eenheid: 'uur/week' },
              periode: { van: '2026-03-01', tot: '2026-08-31' },
            },
          },
        }),
      ),
      // An edit of a deleted record, and a delete that carries fields.
      push(
        m({
          recordType: 'naaste',
          recordId: w.weg as never,
          baseRev: 1,
          fields: { naam: 'Nieuw' },
        }),
      ),
      push(
        m({
          recordType: 'naaste',
          recordId: w.naasteId as never,
          baseRev: w.naasteRev,
          deleted: true,
          fields: { naam: 'Weg' },
        }),
      ),
      push(
        m({
          recordType: 'reviewComment',
          recordId: randomUUID() as never,
          clientId: w.clientId as never,
          fields: {
            reviewId: w.reviewId,
            planId: w.planId,
            tekst: 'Goed plan',
            sectie: 'hulpvraag',
          },
        }),
      ),
    ],
    'GET /api/beheer/gebruikers': () => [{ method: 'GET', url: '/api/beheer/gebruikers' }],
    'POST /api/beheer/gebruikers': () => [
      {
        method: 'POST',
        url: '/api/beheer/gebruikers',
        body: {
          gebruikersnaam: `fuzz-${randomUUID().slice(0, 8)}`,
          naam: 'Fuzz',
          rol: 'arrangeur',
          wachtwoord: 'een-heel-lang-wachtwoord',
        },
      },
    ],
    'POST /api/beheer/gebruikers/:id/intrekken': () => [
      { method: 'POST', url: `/api/beheer/gebruikers/${randomUUID()}/intrekken` },
    ],
    'PUT /api/beheer/gebruikers/:id/actief': () => [
      {
        method: 'PUT',
        url: `/api/beheer/gebruikers/${randomUUID()}/actief`,
        body: { actief: false },
      },
    ],
    'POST /api/beheer/gebruikers/:id/wachtwoord': () => [
      {
        method: 'POST',
        url: `/api/beheer/gebruikers/${randomUUID()}/wachtwoord`,
        body: { wachtwoord: 'een-heel-lang-wachtwoord' },
      },
    ],
    'GET /api/beheer/toegangslog': () => [
      {
        method: 'GET',
        url: `/api/beheer/toegangslog?clientId=${w.clientId}&van=2026-01-01&tot=2026-12-01`,
      },
      {
        method: 'GET',
        url: `/api/beheer/toegangslog?gebruikerId=${w.gebruikers.arrangeur.id}&van=2026-01-01&tot=2026-12-01&formaat=csv`,
      },
    ],
    'PUT /api/beheer/caseload': () => [
      {
        method: 'PUT',
        url: '/api/beheer/caseload',
        body: { gebruikerId: w.gebruikers.arrangeur.id, clientId: randomUUID(), toewijzen: false },
      },
    ],
    'PUT /api/beheer/review-deling': () => [
      {
        method: 'PUT',
        url: '/api/beheer/review-deling',
        body: { casemanagerId: w.gebruikers.casemanager.id, clientId: randomUUID(), delen: false },
      },
    ],
    'GET /api/beheer/clienten': () => [{ method: 'GET', url: '/api/beheer/clienten' }],
    'POST /api/beheer/import': () => [
      {
        method: 'POST',
        url: '/api/beheer/import',
        body: {
          bestand:
            'voornaam;achternaam;geboortedatum;bsn;postcode;huisnummer;gemeente;zorgverzekeraar\r\n' +
            'Fuzz;Test;01-02-1940;111222333;6711 AB;1;Ede;3311\r\n',
          gebruikerId: w.gebruikers.arrangeur.id,
          voorbeeld: true,
        },
      },
      {
        method: 'POST',
        url: '/api/beheer/import',
        body: {
          bestand:
            'voornaam;achternaam;geboortedatum;postcode;huisnummer;gemeente\nA;B;1950-01-01;6711AB;2;GM0228',
          gebruikerId: w.gebruikers.arrangeur.id,
          voorbeeld: false,
        },
      },
    ],
    'GET /api/tarieven': () => [{ method: 'GET', url: '/api/tarieven' }],
    'POST /api/beheer/tarieven': () => [
      {
        method: 'POST',
        url: '/api/beheer/tarieven',
        body: {
          inzetCode: 'PV-ADL',
          domein: 'Zvw',
          financierCode: null,
          bedragCent: 7500,
          geldigVan: '2027-01-01',
        },
      },
    ],
    'DELETE /api/beheer/tarieven/:id': () => [
      { method: 'DELETE', url: `/api/beheer/tarieven/${randomUUID()}` },
    ],
    'GET /api/coordinator/overzicht': () => [
      { method: 'GET', url: `/api/coordinator/overzicht?${MAANDEN}` },
    ],
    'GET /api/coordinator/regels': () => [
      {
        method: 'GET',
        url: `/api/coordinator/regels?${MAANDEN}&maand=2026-03&domein=Zvw&financier=7095`,
      },
    ],
    'GET /api/coordinator/overrides': () => [
      { method: 'GET', url: `/api/coordinator/overrides?${MAANDEN}` },
    ],
    'GET /api/coordinator/verevening': () => [
      { method: 'GET', url: `/api/coordinator/verevening?${MAANDEN}` },
    ],
    'GET /api/coordinator/export': () => [
      { method: 'GET', url: `/api/coordinator/export?${MAANDEN}&soort=regels&formaat=csv` },
    ],
  };
}

/** Every route under /api, from the app's own route tree. */
function apiRoutes(app: FastifyInstance): string[] {
  const stapel: string[] = [];
  const uit: string[] = [];
  for (const regel of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?/.exec(regel);
    if (!m) continue;
    const diepte = m[1]!.length / 4;
    stapel.length = diepte;
    const pad = (stapel[diepte - 1] ?? '') + m[2]!;
    stapel[diepte] = pad;
    if (!m[3] || !pad.startsWith('/api/')) continue;
    for (const methode of m[3].split(', ')) {
      if (methode !== 'HEAD' && methode !== 'OPTIONS') uit.push(`${methode} ${pad}`);
    }
  }
  return uit;
}

/** Which tables a 2xx answer of a route may change (besides the access log and sessions). */
const SCHRIJFT: Record<string, readonly string[]> = {
  'POST /api/beheer/gebruikers': ['gebruikers'],
  'POST /api/beheer/gebruikers/:id/intrekken': ['gebruikers'],
  'PUT /api/beheer/gebruikers/:id/actief': ['gebruikers'],
  'POST /api/beheer/gebruikers/:id/wachtwoord': ['gebruikers'],
  'POST /api/auth/wachtwoord': ['gebruikers'],
  'POST /api/auth/start/wachtwoord': ['gebruikers'],
  'PUT /api/beheer/caseload': ['caseload', 'records'],
  'PUT /api/beheer/review-deling': ['review_deling', 'records'],
  'POST /api/beheer/import': ['records', 'caseload'],
  'POST /api/beheer/tarieven': ['tarieven'],
  'DELETE /api/beheer/tarieven/:id': ['tarieven'],
};
// Not `instellingen`: the coordinator's first read makes its pseudonym key there, by design.
const TABELLEN = ['records', 'gebruikers', 'caseload', 'review_deling', 'tarieven'];

async function momentopname(q: Queryable): Promise<Map<string, Map<string, string>>> {
  const uit = new Map<string, Map<string, string>>();
  for (const tabel of TABELLEN) {
    const rijen = await q.query<Record<string, unknown>>(`SELECT * FROM ${tabel}`);
    const perSleutel = new Map<string, string>();
    for (const r of rijen) {
      const sleutel = String(
        r['id'] ??
          `${String(r['gebruiker_id'] ?? r['casemanager_id'] ?? r['sleutel'])}/${String(r['client_id'] ?? '')}`,
      );
      perSleutel.set(sleutel, JSON.stringify(r));
    }
    uit.set(tabel, perSleutel);
  }
  return uit;
}

// ---------------------------------------------------------------------------------------------

describe.each(STORE_KINDS)('fuzz: no input makes a 5xx on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let w: Wereld;

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    const gebruikers = {
      arrangeur: await userWithSession(t.store, 'arrangeur', 'Anna'),
      casemanager: await userWithSession(t.store, 'casemanager', 'Carla'),
      coordinator: await userWithSession(t.store, 'coordinator', 'Cor'),
      beheerder: await userWithSession(t.store, 'beheerder', 'Bea'),
    };
    const a = gebruikers.arrangeur;
    const clientId = randomUUID();
    const clientRev = await pushOk(app, a, newClient(clientId, { achternaam: 'Fuzzema' }));
    const naasteId = randomUUID();
    const naasteRev = await pushOk(
      app,
      a,
      mutation({
        recordType: 'naaste',
        recordId: naasteId as never,
        clientId: clientId as never,
        fields: { clientId, naam: 'Anja', relatie: 'dochter' },
      }),
    );
    const planId = planIdVoorClient(clientId);
    await pushOk(
      app,
      a,
      mutation({
        recordType: 'plan',
        recordId: planId as never,
        clientId: clientId as never,
        fields: { clientId, status: 'concept', versie: 1, akkoord: null },
      }),
    );
    const weg = randomUUID();
    const wegRev = await pushOk(
      app,
      a,
      mutation({
        recordType: 'naaste',
        recordId: weg as never,
        clientId: clientId as never,
        fields: { clientId, naam: 'Piet', relatie: 'zoon' },
      }),
    );
    await pushOk(
      app,
      a,
      mutation({
        recordType: 'naaste',
        recordId: weg as never,
        baseRev: wegRev,
        deleted: true,
        fields: {},
      }),
    );
    await zetReviewDeling(
      t.store,
      gebruikers.casemanager.id,
      clientId,
      true,
      gebruikers.beheerder.id,
    );
    w = {
      gebruikers,
      clientId,
      clientRev,
      naasteId,
      naasteRev,
      planId,
      weg,
      reviewId: randomUUID(),
      tariefId: randomUUID(),
    };
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('has a valid example for every route (a new route must be added here)', () => {
    const bekend = Object.keys(voorbeelden(w));
    expect(apiRoutes(app).filter((r) => !bekend.includes(r))).toEqual([]);
    expect(bekend.filter((r) => !apiRoutes(app).includes(r))).toEqual([]);
  });

  it(
    `answers ${FUZZ_RUNS} hostile requests without a 5xx, a hang, or an unaccepted change`,
    async () => {
      expect(FUZZ_RUNS).toBeGreaterThanOrEqual(Number(process.env['FUZZ_RUNS'] ?? 10_000));
      const routes = apiRoutes(app);
      const vb = voorbeelden(w);
      const voor = await momentopname(t.store);
      const geaccepteerd = new Set<string>(); // record ids with an applied mutation
      const geschreven = new Set<string>(); // tables a 2xx write may have changed
      const statussen = new Map<number, number>();
      let verzonden = 0;

      const rol = fc.constantFrom<Rol | null>(
        'arrangeur',
        'arrangeur',
        'casemanager',
        'coordinator',
        'beheerder',
        'beheerder',
        null,
      );
      const verstoord = fc
        .tuple(
          fc.constantFrom(...routes),
          fc.nat(),
          fc.nat(),
          fc.constantFrom<Ingreep>('vervang', 'vervang', 'extra-sleutel', 'weg'),
          naarWaarde,
          fc.constantFrom(...SLEUTELS),
          fc.constantFrom<'body' | 'query' | 'pad'>('body', 'body', 'query', 'pad'),
        )
        .map(([route, i, keuze, ingreep, waarde, sleutel, waar]) => {
          const opties = vb[route]!();
          const v = opties[i % opties.length]!;
          if (waar === 'body' && v.body !== undefined) {
            return { route, ...v, body: verstoor(v.body, keuze, ingreep, waarde, sleutel) };
          }
          if (waar === 'pad' && /[0-9a-f]{8}-/.test(v.url)) {
            const tekst =
              typeof waarde === 'string' ? waarde : (JSON.stringify(waarde) ?? 'undefined');
            return {
              route,
              ...v,
              url: v.url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, procent(tekst.slice(0, 5_000))),
            };
          }
          const tekst = typeof waarde === 'string' ? waarde : (JSON.stringify(waarde) ?? '');
          const naam =
            keuze % 3 === 0
              ? sleutel
              : ['cursor', 'limit', 'van', 'tot', 'soort', 'maand', 'domein'][keuze % 7]!;
          const sep = v.url.includes('?') ? '&' : '?';
          return {
            route,
            ...v,
            url: `${v.url}${sep}${procent(naam)}=${procent(tekst.slice(0, 5_000))}`,
          };
        });
      const rauw = fc
        .tuple(
          fc.constantFrom(...routes),
          fc.oneof(
            naarWaarde.map((x) => JSON.stringify(x) ?? 'null'),
            fc.constantFrom(
              '{',
              '{"a":',
              '[1,2',
              '{"__proto__":{"admin":true}}',
              '{"constructor":{"prototype":{"admin":true}}}',
              '{"deviceId":"x","mutations":[{"__proto__":1}]}',
              'null',
              '"tekst"',
              '12',
              '\u0000',
              '{"a":"\\u0000"}',
              '{"a":"\\ud800"}',
              `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
              `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
            ),
          ),
        )
        .map(([route, body]) => {
          const [method, pad] = route.split(' ') as [string, string];
          return { route, method, url: pad.replace(':id', randomUUID()), rauw: body };
        });

      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: verstoord }, { weight: 1, arbitrary: rauw }),
          rol,
          async (v, r) => {
            verzonden += 1;
            const heeftBody = v.method !== 'GET' && v.method !== 'DELETE';
            const payload =
              'rauw' in v ? v.rauw : v.body === undefined ? undefined : JSON.stringify(v.body);
            // Logging out ends the session it is sent with: give it a session of its own, so the
            // other requests keep theirs (else most of the run would be a 401 at the door).
            const cookie =
              r === null
                ? undefined
                : v.route === 'POST /api/auth/logout'
                  ? `arrangeur_sessie=${(await maakSessie(t.store, w.gebruikers[r].id, new Date())).token}`
                  : w.gebruikers[r].cookie;
            const verzoek = app.inject({
              method: v.method as 'GET',
              url: v.url,
              headers: {
                ...(cookie ? { cookie } : {}),
                ...(heeftBody && payload !== undefined
                  ? { 'content-type': 'application/json' }
                  : {}),
              },
              ...(heeftBody && payload !== undefined ? { payload } : {}),
            });
            let timer: NodeJS.Timeout | undefined;
            const res = await Promise.race([
              verzoek,
              new Promise<never>((_, reject) => {
                timer = setTimeout(
                  () => reject(new Error(`hang: ${v.method} ${v.url.slice(0, 200)}`)),
                  REQUEST_TIMEOUT_MS,
                );
              }),
            ]).finally(() => clearTimeout(timer));
            statussen.set(res.statusCode, (statussen.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) {
              throw new Error(
                `${res.statusCode} on ${v.method} ${v.url.slice(0, 200)}: ${res.body.slice(0, 300)}`,
              );
            }
            if (res.statusCode === 400) {
              // Every 400 names each refused field (issue 16, point 3): where in the request,
              // and the message says it too.
              const fout = foutAntwoordSchema.parse(res.json());
              const velden = fout.fouten ?? [];
              const goed =
                velden.length > 0 &&
                velden.every(
                  (f) =>
                    /^(body|querystring|params|headers)(\.|$)/.test(f.veld) &&
                    fout.message?.includes(f.veld),
                );
              if (!goed) {
                throw new Error(
                  `400 without a field on ${v.method} ${v.url.slice(0, 200)}: ${res.body.slice(0, 300)}`,
                );
              }
            }
            if (res.statusCode < 300 && v.route === 'POST /api/sync/push') {
              const results = pushResponseSchema.parse(res.json()).results;
              const body = ('body' in v ? v.body : undefined) as {
                mutations: { recordId: string; mutationId: string }[];
              };
              for (const uitslag of results) {
                if (uitslag.status !== 'applied') continue;
                const mut = body.mutations.find((x) => x.mutationId === uitslag.mutationId);
                if (mut) geaccepteerd.add(mut.recordId);
              }
            } else if (res.statusCode < 300) {
              for (const tabel of SCHRIJFT[v.route] ?? []) geschreven.add(tabel);
            }
          },
        ),
        { numRuns: FUZZ_RUNS, endOnFailure: true },
      );
      expect(verzonden).toBeGreaterThanOrEqual(FUZZ_RUNS);

      // Data unchanged except what was accepted.
      const na = await momentopname(t.store);
      for (const tabel of TABELLEN) {
        if (geschreven.has(tabel)) continue;
        const a = voor.get(tabel)!;
        const b = na.get(tabel)!;
        for (const [sleutel, rij] of b) {
          if (a.get(sleutel) === rij) continue;
          if (tabel === 'records') {
            const record = JSON.parse(rij) as {
              id: string;
              type: string;
              client_id: string | null;
            };
            // Written by an applied mutation, a conflict it kept, or a client it joined.
            if (geaccepteerd.has(record.id) || record.type === 'conflict') continue;
          }
          if (tabel === 'caseload' && geaccepteerd.size > 0) continue; // a new client joins a caseload
          throw new Error(`${tabel} ${sleutel} changed without an accepted request`);
        }
        for (const sleutel of a.keys()) {
          if (!b.has(sleutel)) throw new Error(`${tabel} ${sleutel} disappeared`);
        }
      }
      console.info(
        `fuzz on ${kind}: ${verzonden} requests, statuses ${JSON.stringify(Object.fromEntries(statussen))}`,
      );
    },
    10 * 60_000,
  );
});

/** Percent-encodes any string, also a lone surrogate (as its UTF-16 code unit in WTF-8). */
function procent(s: string): string {
  let uit = '';
  for (const ch of s) {
    try {
      uit += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      uit +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    }
  }
  return uit;
}
