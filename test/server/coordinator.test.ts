/**
 * The coordinator view (issue 6, points 3–5), per endpoint, on both stores. The rule under test:
 * a coordinator gets totals, lines, overrides and verevening, but never an identifier of a client
 * — not a name part, BSN, postcode, birth date (ISO or Dutch), naaste's name or client id — from
 * ANY route under /api/coordinator, in any export format. The routes are read from the app
 * itself (printRoutes), so a new endpoint is tested the moment it exists.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overridesAntwoordSchema, regelsAntwoordSchema } from '../../src/domain/kosten/api.ts';
import {
  EXPORT_FORMATEN,
  EXPORT_SOORTEN,
  overzichtSchema,
  vereveningSchema,
  type KostenRegel,
} from '../../src/domain/kosten/model.ts';
import { bepaalFinancier, type Domein } from '../../src/domain/routing/financier.ts';
import { REGELS } from '../../src/domain/routing/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { maakDemoClienten } from '../../src/server/db/demo-data.ts';
import { pseudoniem } from '../../src/server/db/kosten-bron.ts';
import { werkKostenBij } from '../../src/server/db/kosten-regels.ts';
import { lockRecordWrites, nextRev, writeRecord } from '../../src/server/db/records.ts';
import type { Store } from '../../src/server/db/store.ts';
import { STORE_KINDS, openTestStore, type TestStore } from '../support/stores.ts';
import { userWithSession, type TestUser } from './fixtures/sync.ts';

const VAN = '2026-01';
const TOT = '2026-12';
const PERIODE = `van=${VAN}&tot=${TOT}`;

interface Client {
  id: string;
  fields: Record<string, unknown>;
  naaste: string;
}

const WILHELMINA: Client = {
  id: randomUUID(),
  fields: {
    voornaam: 'Wilhelmina',
    achternaam: 'Zuiderduin-Krabbendam',
    geboortedatum: '1938-07-14',
    bsn: '111222333',
    postcode: '6717 XZ',
    huisnummer: '42',
    gemeente: 'GM0228', // Ede
    zorgverzekeraar: '7095', // VGZ
    wlzIndicatie: null,
    huisarts: null,
  },
  naaste: 'Marieke Oosterbroek',
};
const BARTHOLOMEUS: Client = {
  id: randomUUID(),
  fields: {
    voornaam: 'Bartholomeus',
    achternaam: 'Quekelberg',
    geboortedatum: '2012-02-29',
    bsn: '123456782',
    postcode: '1011 AB',
    huisnummer: '7',
    gemeente: 'GM0363', // Amsterdam
    zorgverzekeraar: '3311',
    wlzIndicatie: null,
    huisarts: null,
  },
  naaste: 'Sandra Vlietstra',
};
/** Has a vastgestelde versie, but its plan is deleted: must not count. */
const VERWIJDERD: Client = {
  id: randomUUID(),
  fields: {
    ...WILHELMINA.fields,
    voornaam: 'Gijsbertha',
    achternaam: 'Verwijderink',
    bsn: '010101019',
  },
  naaste: 'Klaas Verwijderink',
};

/** Every way an identifier of these clients could leak. */
function identifiers(c: Client): string[] {
  const f = c.fields as Record<string, string>;
  const [y, m, d] = f.geboortedatum!.split('-') as [string, string, string];
  return [
    f.voornaam!,
    f.achternaam!,
    ...f.achternaam!.split('-'),
    f.bsn!,
    `${f.bsn!.slice(0, 3)} ${f.bsn!.slice(3, 6)} ${f.bsn!.slice(6)}`,
    f.postcode!,
    f.postcode!.replace(' ', ''),
    f.geboortedatum!,
    `${d}-${m}-${y}`,
    `${Number(d)}-${Number(m)}-${y}`,
    c.id,
    ...c.naaste.split(' '),
  ];
}
const ALLE_IDENTIFIERS = [WILHELMINA, BARTHOLOMEUS, VERWIJDERD].flatMap(identifiers);

function expectGeenIdentifier(body: string, waar: string) {
  const laag = body.toLowerCase();
  for (const id of ALLE_IDENTIFIERS) {
    expect(laag.includes(id.toLowerCase()), `${waar} contains "${id}"`).toBe(false);
  }
}

/** A rule of the table that routes to `domein`: the coordinator's grondslag comes from it. */
const regelVoor = (domein: Domein) => REGELS.find((r) => r.then.domein === domein)!;

const routering = (c: Client, domein: Domein) => ({
  domein,
  financier: bepaalFinancier(domein, c.fields as { gemeente: string; zorgverzekeraar: string })
    .financier,
  // Text as a device sent it: the server reads the rule id, never this text (issue 12).
  grondslag: `Grondslag ${domein}`,
  regel: regelVoor(domein).id,
  regelversie: '2021-01-01',
  zeker: true,
  peildatum: '2026-01-01',
});

const meta = (id: string, type: string) => ({
  id,
  type,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'test',
  deleted: false,
});

function item(
  c: Client,
  planId: string,
  id: string,
  velden: { stap: string; code: string; aantal: number; eenheid: string; domein: Domein },
  override?: { domein: Domein; reden: string },
) {
  return {
    ...meta(id, 'planItem'),
    planId,
    stap: velden.stap,
    omschrijving: `Inzet ${velden.code}`,
    inzet: { code: velden.code, omvang: { aantal: velden.aantal, eenheid: velden.eenheid } },
    routering: routering(c, velden.domein),
    ...(override ? { override } : {}),
  };
}

async function schrijf(
  store: Store,
  records: {
    id: string;
    type: string;
    clientId: string;
    fields: Record<string, unknown>;
    deleted?: boolean;
  }[],
) {
  await store.transaction(async (tx) => {
    await lockRecordWrites(tx);
    for (const r of records) {
      await writeRecord(tx, {
        ...r,
        fieldRevs: {},
        rev: await nextRev(tx),
        updatedAt: '2026-01-01T00:00:00.000Z',
        updatedBy: 'test',
        deleted: r.deleted ?? false,
      });
    }
    // Written beside the push, so kept up to date as every server-side writer does (issue 13.5).
    await werkKostenBij(tx, [...new Set(records.map((r) => r.clientId))]);
  });
}

/** A client with a plan and its vastgestelde versies (as snapshots). */
async function seedClient(
  store: Store,
  c: Client,
  versies: { vastgesteldOp: string; items: ReturnType<typeof item>[] }[],
  planId: string,
  planVerwijderd = false,
) {
  const plan = {
    ...meta(planId, 'plan'),
    clientId: c.id,
    status: 'vastgesteld',
    versie: versies.length,
    akkoord: null,
  };
  await schrijf(store, [
    { id: c.id, type: 'client', clientId: c.id, fields: c.fields },
    { id: planId, type: 'plan', clientId: c.id, fields: plan, deleted: planVerwijderd },
    ...versies.map((v, i) => ({
      id: randomUUID(),
      type: 'planVersie',
      clientId: c.id,
      fields: {
        planId,
        versie: i + 1,
        vastgesteldOp: v.vastgesteldOp,
        inhoud: {
          plan,
          doelen: [],
          naasten: [
            { ...meta(randomUUID(), 'naaste'), clientId: c.id, naam: c.naaste, relatie: 'dochter' },
          ],
          items: v.items,
        },
      },
    })),
  ]);
}

async function seed(store: Store) {
  // VGZ's own price for cleaning under the Zvw (the demo table has none): prices the override.
  await store.query(
    `INSERT INTO tarieven (inzet_code, domein, financier_code, bedrag_cent, geldig_van)
     VALUES ('HH-SCHOONMAAK', 'Zvw', '7095', 4000, '2015-01-01')`,
  );
  const planW = randomUUID();
  const redenW =
    'Mevrouw Wilhelmina Zuiderduin-Krabbendam (BSN 111 222 333, geb. 14-07-1938, 6717XZ 42) krijgt dit al via de wijkverpleging; dochter Marieke Oosterbroek is akkoord.';
  const pv = (aantal: number) =>
    item(WILHELMINA, planW, 'a0000000-0000-4000-8000-000000000001', {
      stap: 'professioneel',
      code: 'PV-ADL',
      aantal,
      eenheid: 'uur/week',
      domein: 'Zvw',
    });
  const hh = item(
    WILHELMINA,
    planW,
    'a0000000-0000-4000-8000-000000000002',
    { stap: 'professioneel', code: 'HH-SCHOONMAAK', aantal: 2, eenheid: 'uur/week', domein: 'Wmo' },
    { domein: 'Zvw', reden: redenW },
  );
  const rolstoel = item(WILHELMINA, planW, 'a0000000-0000-4000-8000-000000000003', {
    stap: 'hulpmiddel',
    code: 'HM-ROLSTOEL',
    aantal: 1,
    eenheid: 'stuk',
    domein: 'Wmo',
  });
  await seedClient(
    store,
    WILHELMINA,
    [
      { vastgesteldOp: '2026-02-10', items: [pv(4), hh, rolstoel] },
      { vastgesteldOp: '2026-06-01', items: [pv(6), hh, rolstoel] },
    ],
    planW,
  );

  const planB = randomUUID();
  await seedClient(
    store,
    BARTHOLOMEUS,
    [
      {
        vastgesteldOp: '2026-03-01',
        items: [
          item(
            BARTHOLOMEUS,
            planB,
            randomUUID(),
            {
              stap: 'professioneel',
              code: 'BG-INDIVIDUEEL',
              aantal: 2,
              eenheid: 'uur/week',
              domein: 'Jeugdwet',
            },
            {
              domein: 'Wmo',
              reden: `Afspraak voor Bartholomeus Quekelberg (29-2-2012, ${BARTHOLOMEUS.id}).`,
            },
          ),
          // Not counted: a netwerk item, even with an inzet.
          item(BARTHOLOMEUS, planB, randomUUID(), {
            stap: 'netwerk',
            code: 'IH-NETWERK',
            aantal: 3,
            eenheid: 'uur/week',
            domein: 'geen',
          }),
        ],
      },
    ],
    planB,
  );

  const planV = randomUUID();
  await seedClient(
    store,
    VERWIJDERD,
    [
      {
        vastgesteldOp: '2026-01-05',
        items: [
          item(VERWIJDERD, planV, randomUUID(), {
            stap: 'professioneel',
            code: 'PV-ADL',
            aantal: 9,
            eenheid: 'uur/week',
            domein: 'Zvw',
          }),
        ],
      },
    ],
    planV,
    true,
  );
}

/** Every route under /api/coordinator, from the app's own route tree. */
function coordinatorRoutes(app: FastifyInstance): { pad: string; methoden: string[] }[] {
  const stapel: string[] = [];
  const uit: { pad: string; methoden: string[] }[] = [];
  for (const regel of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?/.exec(regel);
    if (!m) continue;
    const diepte = m[1]!.length / 4;
    stapel.length = diepte;
    const pad = (stapel[diepte - 1] ?? '') + m[2]!;
    stapel[diepte] = pad;
    if (m[3] && pad.startsWith('/api/coordinator')) {
      uit.push({ pad, methoden: m[3].split(', ') });
    }
  }
  return uit;
}

/** A valid URL for a coordinator route; a new route gets the period and must answer 200 with it. */
const urlVoor = (pad: string): string[] =>
  pad === '/api/coordinator/export'
    ? EXPORT_SOORTEN.flatMap((soort) =>
        EXPORT_FORMATEN.map((formaat) => `${pad}?soort=${soort}&formaat=${formaat}&${PERIODE}`),
      )
    : pad === '/api/coordinator/regels'
      ? [`${pad}?${PERIODE}`, `${pad}?${PERIODE}&maand=2026-03&domein=Zvw&financier=7095`]
      : [`${pad}?${PERIODE}`];

const parseCsv = (body: string) => {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const p = Papa.parse<Record<string, string>>(body.slice(1), {
    header: true,
    delimiter: ';',
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(p.errors).toEqual([]);
  return p;
};
const cent = (euro: string) => {
  expect(euro).toMatch(/^-?\d+,\d{2}$/);
  return Math.round(Number(euro.replace(',', '.')) * 100);
};

describe.each(STORE_KINDS)('coordinator view on %s', (kind) => {
  let t: TestStore;
  let app: FastifyInstance;
  let coordinator: TestUser;
  let anderen: TestUser[];

  beforeAll(async () => {
    t = await openTestStore(kind);
    app = await buildApp({ store: t.store, schemaVersion: t.schemaVersion, staticDir: null });
    await seed(t.store);
    coordinator = await userWithSession(t.store, 'coordinator', 'Coen');
    anderen = [
      await userWithSession(t.store, 'arrangeur', 'Anja', [WILHELMINA.id, BARTHOLOMEUS.id]),
      await userWithSession(t.store, 'casemanager', 'Carla', [WILHELMINA.id]),
      await userWithSession(t.store, 'beheerder', 'Bea'),
    ];
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const get = (url: string, user: TestUser | null = coordinator) =>
    app.inject({ method: 'GET', url, headers: user ? { cookie: user.cookie } : {} });
  const json = async <T>(url: string, schema: { parse(v: unknown): T }): Promise<T> => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    return schema.parse(res.json());
  };

  it('finds the coordinator routes in the app (so none can escape the tests below)', () => {
    const paden = coordinatorRoutes(app).map((r) => r.pad);
    expect(paden).toEqual(
      expect.arrayContaining(
        ['overzicht', 'regels', 'overrides', 'verevening', 'export'].map(
          (s) => `/api/coordinator/${s}`,
        ),
      ),
    );
  });

  it('never answers a coordinator with an identifier, on any route and export', async () => {
    let gecontroleerd = 0;
    for (const { pad, methoden } of coordinatorRoutes(app)) {
      expect(methoden, pad).toContain('GET');
      for (const url of urlVoor(pad)) {
        const res = await get(url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expectGeenIdentifier(res.body, url);
        expectGeenIdentifier(JSON.stringify(res.headers), `${url} headers`);
        gecontroleerd += 1;
      }
    }
    expect(gecontroleerd).toBeGreaterThanOrEqual(
      3 + 2 + EXPORT_SOORTEN.length * EXPORT_FORMATEN.length,
    );
  });

  it('shows the overrides with the reason cleaned, and something real to hide it from', async () => {
    const { overrides } = await json(
      `/api/coordinator/overrides?${PERIODE}`,
      overridesAntwoordSchema,
    );
    expect(overrides).toHaveLength(2);
    const w = overrides.find((o) => o.inzetCode === 'HH-SCHOONMAAK')!;
    expect(w).toMatchObject({
      gerouteerdDomein: 'Wmo',
      domein: 'Zvw',
      grondslag: regelVoor('Wmo').grondslag,
      vanaf: '2026-02',
      gemeente: 'Ede',
      leeftijdsband: '85+',
    });
    expect(w.reden).toContain('krijgt dit al via de wijkverpleging');
    expect(w.reden).toContain('[…]');
    expect(w.pseudoniem).toMatch(/^C-[A-Z2-7]{8}$/);
    const b = overrides.find((o) => o.inzetCode === 'BG-INDIVIDUEEL')!;
    expect(b).toMatchObject({ leeftijdsband: '0-17', gemeente: 'Amsterdam', domein: 'Wmo' });
    expect(b.pseudoniem).not.toBe(w.pseudoniem);
  });

  it('derives the pseudonym from the key kept in the store (HMAC of the client id)', async () => {
    const { overrides } = await json(
      `/api/coordinator/overrides?${PERIODE}`,
      overridesAntwoordSchema,
    );
    const rows = await t.store.query<{ waarde: string }>(
      "SELECT waarde FROM instellingen WHERE sleutel = 'pseudoniem-sleutel'",
    );
    expect(rows).toHaveLength(1);
    const sleutel = Buffer.from(rows[0]!.waarde, 'base64');
    expect(sleutel).toHaveLength(32);
    const w = overrides.find((o) => o.inzetCode === 'HH-SCHOONMAAK')!;
    expect(w.pseudoniem).toBe(pseudoniem(sleutel, WILHELMINA.id));
  });

  it('prices the lines (hand-checked) and keeps pseudonyms stable between calls', async () => {
    const a = await json(`/api/coordinator/regels?${PERIODE}`, regelsAntwoordSchema);
    const b = await json(`/api/coordinator/regels?${PERIODE}`, regelsAntwoordSchema);
    expect(a.regels.map((r) => r.pseudoniem)).toEqual(b.regels.map((r) => r.pseudoniem));
    expect(new Set(a.regels.map((r) => r.pseudoniem)).size).toBe(2); // the deleted plan is out
    // 10–28 Feb: 19 days × 4 uur / 7 = 10.86 uur × €62 (demo PV-ADL Zvw) = €673.32
    expect(a.regels).toContainEqual(
      expect.objectContaining({
        maand: '2026-02',
        inzetCode: 'PV-ADL',
        volume: 10.86,
        tarief: 62,
        tariefDemo: true,
        kostenCent: 67332,
        financier: expect.objectContaining({ code: '7095' }),
      }),
    );
    // The rolstoel counts once, in February, although versie 2 lists it too.
    expect(a.regels.filter((r) => r.inzetCode === 'HM-ROLSTOEL')).toEqual([
      expect.objectContaining({ maand: '2026-02', volume: 1, kostenCent: 150000 }),
    ]);
    // Versie 2 (from June) has 6 uur: June = 30 × 6 / 7 = 25.71 uur.
    expect(a.regels).toContainEqual(
      expect.objectContaining({ maand: '2026-06', inzetCode: 'PV-ADL', volume: 25.71 }),
    );
    expect(a.regels.some((r) => r.inzetCode === 'IH-NETWERK')).toBe(false);
  });

  it('gives totals that are the sums of /regels, also per drill-down', async () => {
    const o = await json(`/api/coordinator/overzicht?${PERIODE}`, overzichtSchema);
    const { regels } = await json(`/api/coordinator/regels?${PERIODE}`, regelsAntwoordSchema);
    expect(o.rijen.length).toBeGreaterThan(0);
    expect(o.perMaand).toHaveLength(12);
    expect(o.demoTarieven).toBe(true);
    const som = (rs: KostenRegel[]) => rs.reduce((s, r) => s + r.kostenCent, 0);
    expect(o.perMaand.reduce((s, m) => s + m.kostenCent, 0)).toBe(som(regels));
    for (const rij of o.rijen) {
      const financier = rij.financier?.code ?? 'geen';
      const cel = await json(
        `/api/coordinator/regels?${PERIODE}&maand=${rij.maand}&domein=${rij.domein}&financier=${financier}`,
        regelsAntwoordSchema,
      );
      expect(cel.regels.length, `${rij.maand} ${rij.domein} ${financier}`).toBe(rij.regels);
      expect(som(cel.regels)).toBe(rij.kostenCent);
      expect(new Set(cel.regels.map((r) => r.pseudoniem)).size).toBe(rij.clienten);
    }
  });

  it('settles the overrides between financiers', async () => {
    const v = await json(`/api/coordinator/verevening?${PERIODE}`, vereveningSchema);
    const { regels } = await json(`/api/coordinator/regels?${PERIODE}`, regelsAntwoordSchema);
    // Wilhelmina's cleaning is planned on VGZ (override) but routed to Ede: Ede owes VGZ.
    const hh = regels.filter((r) => r.inzetCode === 'HH-SCHOONMAAK');
    expect(hh.every((r) => r.tarief === 40 && r.financier?.code === '7095')).toBe(true);
    const vgzEde = v.paren.find((p) => p.ontvanger.code === '7095' && p.betaler.code === 'GM0228');
    expect(vgzEde?.bedragCent).toBe(hh.reduce((s, r) => s + r.kostenCent, 0));
    expect(vgzEde!.bedragCent).toBeGreaterThan(0);
    for (const f of v.perFinancier) expect(f.verschilCent).toBe(f.geplandCent - f.gerouteerdCent);
  });

  it('exports CSV for Excel that parses back to the JSON numbers', async () => {
    for (const soort of EXPORT_SOORTEN) {
      const csv = await get(`/api/coordinator/export?soort=${soort}&formaat=csv&${PERIODE}`);
      const js = await get(`/api/coordinator/export?soort=${soort}&formaat=json&${PERIODE}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        `attachment; filename="wie-betaalt-wat-${soort}-${VAN}-${TOT}.csv"`,
      );
      expect(js.headers['content-disposition']).toBe(
        `attachment; filename="wie-betaalt-wat-${soort}-${VAN}-${TOT}.json"`,
      );
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.body).toContain('\r\n');
      const { data, meta: m } = parseCsv(csv.body);
      expect(m.delimiter).toBe(';');
      expect(m.fields?.[0]).toBe(
        soort === 'overrides' ? 'vanaf' : soort === 'verevening' ? 'onderdeel' : 'maand',
      );
      const body = js.json();
      if (soort === 'overzicht') {
        const o = overzichtSchema.parse(body);
        expect(data).toHaveLength(o.rijen.length);
        expect(data.map((r) => cent(r['kosten (euro)']!))).toEqual(
          o.rijen.map((r) => r.kostenCent),
        );
        expect(data.map((r) => Number(r.clienten))).toEqual(o.rijen.map((r) => r.clienten));
        const uur = o.rijen.map((r) => r.volume.uur);
        expect(
          data.map((r) =>
            r['volume uur'] ? Number(r['volume uur'].replace(',', '.')) : undefined,
          ),
        ).toEqual(uur);
      } else if (soort === 'regels') {
        const { regels } = regelsAntwoordSchema.parse(body);
        expect(data).toHaveLength(regels.length);
        expect(data.reduce((s, r) => s + cent(r['kosten (euro)']!), 0)).toBe(
          regels.reduce((s, r) => s + r.kostenCent, 0),
        );
        expect(data.map((r) => Number(r.volume!.replace(',', '.')))).toEqual(
          regels.map((r) => r.volume),
        );
      } else if (soort === 'overrides') {
        const { overrides } = overridesAntwoordSchema.parse(body);
        expect(data.map((r) => r.reden)).toEqual(overrides.map((o) => o.reden));
        expect(data.map((r) => r.pseudoniem)).toEqual(overrides.map((o) => o.pseudoniem));
      } else {
        const v = vereveningSchema.parse(body);
        const fin = data.filter((r) => r.onderdeel === 'financier');
        expect(fin.map((r) => cent(r['verschil (euro)']!))).toEqual(
          v.perFinancier.map((f) => f.verschilCent),
        );
        expect(fin.map((r) => cent(r['gepland (euro)']!))).toEqual(
          v.perFinancier.map((f) => f.geplandCent),
        );
        const paren = data.filter((r) => r.onderdeel === 'verrekening');
        expect(paren.map((r) => cent(r['bedrag (euro)']!))).toEqual(
          v.paren.map((p) => p.bedragCent),
        );
        expect(paren.length).toBeGreaterThan(0);
      }
    }
  });

  it('answers 403 to every other role and 401 without a session, on every route', async () => {
    for (const { pad } of coordinatorRoutes(app)) {
      for (const url of urlVoor(pad)) {
        for (const user of anderen) {
          const res = await get(url, user);
          expect(res.statusCode, `${user.rol} ${url}`).toBe(403);
          expectGeenIdentifier(res.body, url);
        }
        expect((await get(url, null)).statusCode).toBe(401);
      }
    }
  });

  it('refuses a bad period with 400', async () => {
    for (const q of [
      'van=2026-05&tot=2026-04',
      'van=2024-01&tot=2027-01', // 37 months
      'van=2026-13&tot=2026-12',
      'van=2026-01',
      'van=2026-01&tot=2026-12&maand=2026-1',
    ]) {
      const res = await get(`/api/coordinator/regels?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await get(`/api/coordinator/overzicht?van=2024-01&tot=2026-12`)).statusCode).toBe(200);
    expect(
      (await get(`/api/coordinator/export?soort=alles&formaat=csv&${PERIODE}`)).statusCode,
    ).toBe(400);
    expect(
      (await get(`/api/coordinator/export?soort=regels&formaat=xlsx&${PERIODE}`)).statusCode,
    ).toBe(400);
  });

  it('logs line-level reads per client and aggregates without client', async () => {
    const voor = await t.store.query<{ n: number }>('SELECT count(*)::int AS n FROM toegang_log');
    await get(`/api/coordinator/regels?${PERIODE}`);
    await get(`/api/coordinator/overzicht?${PERIODE}`);
    const rows = await t.store.query<{ actie: string; client_id: string | null; aantal: number }>(
      'SELECT actie, client_id::text AS client_id, aantal FROM toegang_log WHERE gebruiker_id = $1 AND id > (SELECT coalesce(max(id), 0) FROM toegang_log) - 10 ORDER BY id',
      [coordinator.id],
    );
    expect(voor[0]!.n).toBeGreaterThan(0);
    const regels = rows.filter((r) => r.actie === 'coordinator:regels');
    expect(new Set(regels.map((r) => r.client_id))).toEqual(
      new Set([WILHELMINA.id, BARTHOLOMEUS.id]),
    );
    expect(rows.some((r) => r.actie === 'coordinator:overzicht' && r.client_id === null)).toBe(
      true,
    );
  });

  it('prices the shipped demo plans with the demo tariffs', async () => {
    // A second store with the demo, so the assertions above keep their own data.
    const d = await openTestStore(kind);
    try {
      const demoApp = await buildApp({
        store: d.store,
        schemaVersion: d.schemaVersion,
        staticDir: null,
      });
      const anja = await userWithSession(d.store, 'arrangeur', 'Anja');
      await d.store.query("UPDATE gebruikers SET gebruikersnaam = 'anja' WHERE id = $1", [anja.id]);
      expect(await maakDemoClienten(d.store, new Date('2026-11-23T10:00:00Z'))).toBeGreaterThan(0);
      const c = await userWithSession(d.store, 'coordinator', 'Coen');
      const res = await demoApp.inject({
        url: `/api/coordinator/overzicht?van=2026-01&tot=2026-12`,
        headers: { cookie: c.cookie },
      });
      const o = overzichtSchema.parse(res.json());
      expect(o.rijen.length).toBeGreaterThan(0);
      expect(o.rijen.every((r) => r.zonderTarief === 0)).toBe(true);
      expect(o.perMaand.at(-2)!.kostenCent).toBeGreaterThan(0);
      // The demo's vastgestelde overrides (PV-AANSPOREN, routed to the Wmo, paid by the Zvw)
      // reach the overrides list and the verevening, so a demo shows both views with content.
      const get = (pad: string) =>
        demoApp.inject({
          url: `/api/coordinator/${pad}?van=2026-01&tot=2026-12`,
          headers: { cookie: c.cookie },
        });
      const ov = (await get('overrides')).json() as {
        overrides: { domein: string; gerouteerdDomein: string }[];
      };
      expect(ov.overrides.length).toBeGreaterThan(0);
      expect(ov.overrides.every((r) => r.domein !== r.gerouteerdDomein)).toBe(true);
      const v = vereveningSchema.parse((await get('verevening')).json());
      expect(v.paren.length).toBeGreaterThan(0);
      await demoApp.close();
    } finally {
      await d.cleanup();
    }
  });
});
