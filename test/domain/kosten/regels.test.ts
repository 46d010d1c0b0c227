import { describe, expect, it } from 'vitest';
import type { KostenRegel, Tarief } from '../../../src/domain/kosten/model.ts';
import { maakOverzicht } from '../../../src/domain/kosten/overzicht.ts';
import {
  bouwKostenRegels,
  bouwRegelsMetBron,
  maakOverrides,
  type KostenItem,
  type KostenPlan,
} from '../../../src/domain/kosten/regels.ts';
import { maakVerevening } from '../../../src/domain/kosten/verevening.ts';

let n = 0;
const tarief = (t: Partial<Record<keyof Tarief, unknown>> & { bedrag: number }): Tarief =>
  ({
    id: `t${(n += 1)}`,
    inzetCode: 'PV-ADL',
    domein: 'Zvw',
    financierCode: null,
    volumeEenheid: 'uur',
    geldigVan: '2015-01-01',
    demo: true,
    bijgewerktOp: '2026-01-01T00:00:00.000Z',
    ...t,
  }) as Tarief;

const TARIEVEN = [
  tarief({ bedrag: 60 }),
  tarief({ bedrag: 62, financierCode: '7095', geldigVan: '2026-02-01' }),
  tarief({ bedrag: 50, domein: 'Wmo' }),
  tarief({ bedrag: 1500, inzetCode: 'HM-ROLSTOEL', domein: 'Wmo', volumeEenheid: 'stuk' }),
];

const VGZ = { soort: 'zorgverzekeraar', code: '7095', naam: 'VGZ' } as const;
const EDE = { soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' } as const;

const verzorging = (extra: Partial<KostenItem> = {}): KostenItem => ({
  id: 'item-pv',
  stap: 'professioneel',
  inzet: { code: 'PV-ADL', omvang: { aantal: 4, eenheid: 'uur/week' } },
  routering: { domein: 'Zvw', financier: VGZ, grondslag: 'Zvw art. 2.10' },
  ...extra,
});

const plan = (versies: KostenPlan['versies'], extra: Partial<KostenPlan> = {}): KostenPlan => ({
  pseudo: { pseudoniem: 'C-TEST0001', leeftijdsband: '75-84', gemeente: 'Ede' },
  context: { gemeente: 'GM0228', zorgverzekeraar: '7095' },
  versies,
  ...extra,
});

describe('bouwKostenRegels', () => {
  it('prices a weekly inzet per month with the financier tariff winning from its date', () => {
    const regels = bouwKostenRegels({
      plannen: [plan([{ vanaf: '2026-01-15', versie: 1, items: [verzorging()] }])],
      tarieven: TARIEVEN,
      van: '2026-01',
      tot: '2026-02',
    });
    expect(regels).toHaveLength(2);
    // January: 17 days × 4 / 7 = 9.714 → 9.71 uur × €60 = €582.60
    expect(regels[0]).toMatchObject({
      maand: '2026-01',
      pseudoniem: 'C-TEST0001',
      inzetNaam: 'Persoonlijke verzorging (wassen, aankleden, toilet)',
      volume: 9.71,
      volumeEenheid: 'uur',
      domein: 'Zvw',
      financier: VGZ,
      tarief: 60,
      tariefDemo: true,
      kostenCent: 58260,
      gerouteerdKostenCent: 58260,
      override: null,
    });
    // February: 16 uur × €62 (VGZ's own price from 2026-02-01) = €992
    expect(regels[1]).toMatchObject({
      maand: '2026-02',
      volume: 16,
      tarief: 62,
      kostenCent: 99200,
    });
  });

  it('lets each versie apply until the day before the next one, with its override', () => {
    const v2 = verzorging({
      override: { domein: 'Wmo', reden: 'Afgesproken met mevrouw Jansen (BSN 123456782).' },
    });
    const lijnen = bouwRegelsMetBron({
      plannen: [
        plan(
          [
            { vanaf: '2026-01-15', versie: 1, items: [verzorging()] },
            { vanaf: '2026-02-10', versie: 2, items: [v2] },
          ],
          { identificerend: ['Jansen', '123456782'] },
        ),
      ],
      tarieven: TARIEVEN,
      van: '2026-02',
      tot: '2026-02',
    });
    const regels = lijnen.map((l) => l.regel);
    expect(regels).toHaveLength(2);
    const [oud, nieuw] = regels.sort((a, b) => a.volume - b.volume) as [KostenRegel, KostenRegel];
    // 1–9 Feb under versie 1: 9 × 4 / 7 = 5.14 uur × €62
    expect(oud).toMatchObject({ volume: 5.14, domein: 'Zvw', kostenCent: 31868, override: null });
    // 10–28 Feb under versie 2: 19 × 4 / 7 = 10.86 uur, Wmo at €50, routed VGZ at €62
    expect(nieuw).toMatchObject({
      volume: 10.86,
      domein: 'Wmo',
      financier: EDE,
      gerouteerdDomein: 'Zvw',
      gerouteerdeFinancier: VGZ,
      tarief: 50,
      kostenCent: 54300,
      gerouteerdKostenCent: 67332,
      override: { domein: 'Wmo', reden: 'Afgesproken met mevrouw […] (BSN […]).' },
    });
    const overrides = maakOverrides(lijnen);
    expect(overrides).toEqual([
      expect.objectContaining({
        pseudoniem: 'C-TEST0001',
        domein: 'Wmo',
        gerouteerdDomein: 'Zvw',
        grondslag: 'Zvw art. 2.10',
        reden: 'Afgesproken met mevrouw […] (BSN […]).',
        vanaf: '2026-02',
      }),
    ]);
  });

  it("narrows to the item's own periode and ends an open plan at the report end", () => {
    const item = verzorging({
      inzet: {
        code: 'PV-ADL',
        omvang: { aantal: 7, eenheid: 'uur/week' },
        periode: { van: '2026-03-10', tot: '2026-04-05' },
      },
    });
    const regels = bouwKostenRegels({
      plannen: [plan([{ vanaf: '2026-01-01', versie: 1, items: [item] }])],
      tarieven: TARIEVEN,
      van: '2026-01',
      tot: '2026-12',
    });
    expect(regels.map((r) => [r.maand, r.volume])).toEqual([
      ['2026-03', 22],
      ['2026-04', 5],
    ]);
  });

  it('counts a one-off item once, in the month it starts, also when a later versie lists it', () => {
    const rolstoel: KostenItem = {
      id: 'item-rolstoel',
      stap: 'hulpmiddel',
      inzet: { code: 'HM-ROLSTOEL', omvang: { aantal: 1, eenheid: 'stuk' } },
      routering: { domein: 'Wmo', financier: EDE, grondslag: 'Wmo' },
    };
    const plannen = [
      plan([
        { vanaf: '2025-11-20', versie: 1, items: [rolstoel] },
        { vanaf: '2026-02-01', versie: 2, items: [rolstoel] },
      ]),
    ];
    const heelJaar = bouwKostenRegels({
      plannen,
      tarieven: TARIEVEN,
      van: '2025-01',
      tot: '2026-12',
    });
    expect(heelJaar.map((r) => [r.maand, r.volume, r.kostenCent])).toEqual([
      ['2025-11', 1, 150000],
    ]);
    // A report starting after the purchase does not count it again for versie 2.
    expect(
      bouwKostenRegels({ plannen, tarieven: TARIEVEN, van: '2026-01', tot: '2026-12' }),
    ).toEqual([]);
  });

  it('counts only hulpmiddel and professioneel items with inzet, omvang and routing', () => {
    const regels = bouwKostenRegels({
      plannen: [
        plan([
          {
            vanaf: '2026-01-01',
            versie: 1,
            items: [
              verzorging({ id: 'a', stap: 'netwerk' }),
              verzorging({ id: 'b', routering: undefined }),
              verzorging({ id: 'c', inzet: { code: 'PV-ADL' } }),
              verzorging({
                id: 'd',
                inzet: { code: 'PV-ADL', omvang: { aantal: 1, eenheid: 'per dag' } },
              }),
              verzorging({ id: 'e' }),
            ],
          },
        ]),
      ],
      tarieven: TARIEVEN,
      van: '2026-01',
      tot: '2026-01',
    });
    expect(regels).toHaveLength(1);
  });

  it('prices a line without tariff at 0 and counts it in zonderTarief', () => {
    const regels = bouwKostenRegels({
      plannen: [
        plan([
          {
            vanaf: '2026-01-01',
            versie: 1,
            items: [verzorging({ override: { domein: 'Wlz', reden: 'Afspraak zorgkantoor' } })],
          },
        ]),
      ],
      tarieven: TARIEVEN,
      van: '2026-01',
      tot: '2026-01',
    });
    expect(regels[0]).toMatchObject({
      domein: 'Wlz',
      tarief: null,
      kostenCent: 0,
      // 31 days × 4 / 7 = 17.71 uur × €60 (routed Zvw)
      gerouteerdKostenCent: 106260,
    });
    expect(regels[0]?.financier?.soort).toBe('zorgkantoor');
    const o = maakOverzicht(regels, '2026-01', '2026-01');
    expect(o.rijen[0]).toMatchObject({ zonderTarief: 1, kostenCent: 0, regels: 1, clienten: 1 });
  });
});

const regel = (r: Partial<KostenRegel>): KostenRegel => ({
  pseudoniem: 'C-A',
  leeftijdsband: '85+',
  gemeente: 'Ede',
  maand: '2026-01',
  inzetCode: 'PV-ADL',
  inzetNaam: 'PV',
  volumeEenheid: 'uur',
  volume: 1,
  domein: 'Wmo',
  financier: EDE,
  gerouteerdDomein: 'Wmo',
  gerouteerdeFinancier: EDE,
  override: null,
  tarief: 10,
  tariefDemo: false,
  kostenCent: 0,
  gerouteerdKostenCent: 0,
  ...r,
});

describe('maakOverzicht', () => {
  it('adds up per month, domain and financier with distinct clients and volume per unit', () => {
    const regels = [
      regel({ kostenCent: 1000, volume: 1.25 }),
      regel({ kostenCent: 2001, volume: 2.5, pseudoniem: 'C-B' }),
      regel({ kostenCent: 5, volume: 3, volumeEenheid: 'dagdeel' }),
      regel({ kostenCent: 700, domein: 'Zvw', financier: VGZ }),
      regel({ kostenCent: 300, maand: '2026-03' }),
    ];
    const o = maakOverzicht(regels, '2026-01', '2026-03');
    expect(o.rijen).toEqual([
      {
        maand: '2026-01',
        domein: 'Zvw',
        financier: VGZ,
        clienten: 1,
        volume: { uur: 1 },
        kostenCent: 700,
        regels: 1,
        zonderTarief: 0,
      },
      {
        maand: '2026-01',
        domein: 'Wmo',
        financier: EDE,
        clienten: 2,
        volume: { uur: 3.75, dagdeel: 3 },
        kostenCent: 3006,
        regels: 3,
        zonderTarief: 0,
      },
      {
        maand: '2026-03',
        domein: 'Wmo',
        financier: EDE,
        clienten: 1,
        volume: { uur: 1 },
        kostenCent: 300,
        regels: 1,
        zonderTarief: 0,
      },
    ]);
    expect(o.perMaand).toEqual([
      { maand: '2026-01', clienten: 2, kostenCent: 3706 },
      { maand: '2026-02', clienten: 0, kostenCent: 0 },
      { maand: '2026-03', clienten: 1, kostenCent: 300 },
    ]);
    expect(o.demoTarieven).toBe(false);
  });
});

describe('maakVerevening', () => {
  it('compares planned with routed cost and nets each pair of financiers', () => {
    const regels = [
      // Planned Ede (override), routed VGZ: Ede carries 1000, VGZ would have carried 1200.
      regel({
        financier: EDE,
        gerouteerdeFinancier: VGZ,
        gerouteerdDomein: 'Zvw',
        kostenCent: 1000,
        gerouteerdKostenCent: 1200,
      }),
      // Planned VGZ, routed Ede.
      regel({ domein: 'Zvw', financier: VGZ, kostenCent: 500, gerouteerdKostenCent: 400 }),
      // No override.
      regel({ kostenCent: 300, gerouteerdKostenCent: 300 }),
      // Outside the period: ignored.
      regel({ maand: '2027-01', financier: EDE, gerouteerdeFinancier: VGZ, kostenCent: 99999 }),
    ];
    const v = maakVerevening(regels, '2026-01', '2026-12');
    expect(v.perFinancier).toEqual([
      { financier: EDE, geplandCent: 1300, gerouteerdCent: 700, verschilCent: 600 },
      { financier: VGZ, geplandCent: 500, gerouteerdCent: 1200, verschilCent: -700 },
    ]);
    // VGZ owes Ede 1000, Ede owes VGZ 500: net VGZ pays Ede 500.
    expect(v.paren).toEqual([{ betaler: VGZ, ontvanger: EDE, bedragCent: 500 }]);
  });

  it('leaves out a pair that nets to zero and lines without a financier on one side', () => {
    const v = maakVerevening(
      [
        regel({ financier: EDE, gerouteerdeFinancier: VGZ, kostenCent: 400 }),
        regel({ financier: VGZ, gerouteerdeFinancier: EDE, kostenCent: 400 }),
        regel({
          domein: 'geen',
          financier: null,
          gerouteerdeFinancier: VGZ,
          kostenCent: 0,
          gerouteerdKostenCent: 800,
        }),
      ],
      '2026-01',
      '2026-01',
    );
    expect(v.paren).toEqual([]);
    expect(v.perFinancier.find((f) => f.financier.code === '7095')?.gerouteerdCent).toBe(800);
  });
});
