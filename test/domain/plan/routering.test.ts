import { describe, expect, it } from 'vitest';
import { routeringSnapshotSchema, type RouteringSnapshot } from '../../../src/domain/plan/model.ts';
import {
  effectiefDomein,
  geldendeBeslissing,
  probeerRouteerPlanItem,
  routeerPlanItem,
  zelfdeBesluit,
} from '../../../src/domain/plan/routering.ts';
import { clientInvoerSchema } from '../../../src/domain/model/client.ts';
import { clientInvoer, wlzIndicatie } from '../../fixtures/clients.ts';

const client = (over: Parameters<typeof clientInvoer>[0] = {}) =>
  clientInvoerSchema.parse(clientInvoer(over));
const PEIL = '2026-11-23';

describe('routeerPlanItem', () => {
  it.each([
    ['HH-SCHOONMAAK', {}, 'Wmo', 'gemeente', 'GM0228'],
    ['PV-ADL', { verzorgingsaard: 'geneeskundig' }, 'Zvw', 'zorgverzekeraar', '7119'],
    ['UL-BED', { verwachteDuurWeken: 8 }, 'Zvw', 'zorgverzekeraar', '7119'],
    ['HM-ROLSTOEL', {}, 'Wmo', 'gemeente', 'GM0228'],
  ] as const)('%s for an adult at home → %s', (code, feiten, domein, soort, financier) => {
    const r = routeerPlanItem(client(), { inzet: { code, ...feiten } }, PEIL);
    expect(routeringSnapshotSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({ domein, financier: { soort, code: financier }, peildatum: PEIL });
    expect(r!.grondslag).not.toBe('');
    expect(r!.regel).not.toBe('');
  });

  it('carries intensieve kindzorg from the client record into routing (issue 17 point 4)', () => {
    const kind = { geboortedatum: '2010-05-01' };
    const item = { inzet: { code: 'PV-STEUNKOUSEN', periode: { van: '2017-06-01' } } };
    expect(
      routeerPlanItem(client({ ...kind, intensieveKindzorg: true }), item, PEIL),
    ).toMatchObject({
      domein: 'Zvw',
      regel: 'persoonlijke-verzorging/jeugd-ikz-tot-2018',
      zeker: true,
    });
    expect(
      routeerPlanItem(client({ ...kind, intensieveKindzorg: false }), item, PEIL),
    ).toMatchObject({ domein: 'Jeugdwet', zeker: true });
  });

  it('routes to the Wlz for a client with an indicatie at home', () => {
    const r = routeerPlanItem(
      client({ wlzIndicatie: wlzIndicatie({ geldigVan: '2025-01-01' }) }),
      { inzet: { code: 'PV-ADL', verzorgingsaard: 'geneeskundig' } },
      PEIL,
    );
    expect(r).toMatchObject({ domein: 'Wlz', financier: { soort: 'zorgkantoor' } });
  });

  it('routes begeleiding of a minor to the Jeugdwet', () => {
    const r = routeerPlanItem(
      client({ geboortedatum: '2014-06-01' }),
      { inzet: { code: 'BG-INDIVIDUEEL' } },
      PEIL,
    );
    expect(r?.domein).toBe('Jeugdwet');
  });

  it('takes the start of the inzet as peildatum, and the given date without one', () => {
    const jarig = client({ geboortedatum: '2008-12-15' }); // 18 on 2026-12-15
    const voor = routeerPlanItem(jarig, { inzet: { code: 'BG-INDIVIDUEEL' } }, PEIL);
    expect(voor).toMatchObject({ domein: 'Jeugdwet', peildatum: PEIL });
    const na = routeerPlanItem(
      jarig,
      { inzet: { code: 'BG-INDIVIDUEEL', periode: { van: '2027-01-01' } } },
      PEIL,
    );
    expect(na).toMatchObject({ domein: 'Wmo', peildatum: '2027-01-01' });
  });

  it('returns null for an item without inzet', () => {
    expect(routeerPlanItem(client(), {}, PEIL)).toBeNull();
    expect(probeerRouteerPlanItem(client(), {}, PEIL)).toEqual({
      ok: true,
      routering: null,
      besluit: null,
    });
  });

  it.each([
    [{ code: 'BESTAAT-NIET' }, "Onbekende inzet-code 'BESTAAT-NIET'"],
    [{ code: 'HH-SCHOONMAAK', omvang: { aantal: 2, eenheid: 'stuk' } }, 'De eenheid van'],
    [{ code: 'HH-SCHOONMAAK', periode: { van: '2010-01-01' } }, 'Er zijn geen regels vóór'],
  ])('says why an inzet cannot be routed: %j', (inzet, fout) => {
    const r = probeerRouteerPlanItem(client(), { inzet }, PEIL);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fout).toContain(fout);
    expect(routeerPlanItem(client(), { inzet }, PEIL)).toBeNull();
  });
});

describe('effectiefDomein and zelfdeBesluit', () => {
  const snap: RouteringSnapshot = {
    domein: 'Wmo',
    financier: { soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' },
    grondslag: 'Wmo 2015 art. 2.3.5',
    regel: 'r1',
    regelversie: '2025-01-01',
    zeker: true,
    peildatum: PEIL,
  };
  it('the override wins over routing; without either there is none', () => {
    expect(effectiefDomein({ routering: snap })).toBe('Wmo');
    expect(
      effectiefDomein({ routering: snap, override: { domein: 'Zvw', reden: 'Afspraak' } }),
    ).toBe('Zvw');
    expect(effectiefDomein({})).toBeUndefined();
  });
  it('ignores only the peildatum', () => {
    expect(zelfdeBesluit(snap, { ...snap, peildatum: '2027-01-01' })).toBe(true);
    expect(zelfdeBesluit(snap, { ...snap, domein: 'Zvw' })).toBe(false);
    expect(zelfdeBesluit(snap, { ...snap, financier: null })).toBe(false);
    expect(zelfdeBesluit(snap, { ...snap, zeker: false })).toBe(false);
  });
});

describe('geldendeBeslissing (issue 11, point 3: one answer to "who pays" for every screen)', () => {
  const c = client();
  const zvw = probeerRouteerPlanItem(
    c,
    { inzet: { code: 'PV-ADL', verzorgingsaard: 'geneeskundig' } },
    PEIL,
  );
  if (!zvw.ok || !zvw.besluit || !zvw.routering) throw new Error('PV-ADL routes');
  const override = { domein: 'Wmo' as const, reden: 'De gemeente heeft dit al toegezegd.' };

  it('without an override: routing decision, uitleg and voorwaarden, nothing beside it', () => {
    const g = geldendeBeslissing({ routering: zvw.besluit }, c);
    expect(g).toMatchObject({
      domein: 'Zvw',
      financier: { soort: 'zorgverzekeraar', code: '7119' },
      uitleg: zvw.besluit.uitleg,
      voorwaarden: zvw.besluit.voorwaarden,
      gerouteerd: null,
      reden: null,
    });
  });

  it.each([
    ['live decision (editor)', zvw.besluit],
    ['stored snapshot (overview, print, review, coordinator)', zvw.routering],
  ])(
    'Zvw routed, Wmo chosen, from a %s: the gemeente pays, with Wmo uitleg and voorwaarden',
    (_, routering) => {
      const g = geldendeBeslissing({ routering, override }, c)!;
      expect(g.domein).toBe('Wmo');
      expect(g.financier).toEqual({ soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' });
      expect(g.uitleg).toContain('gemeente');
      expect(g.uitleg).not.toBe(zvw.besluit.uitleg);
      expect(g.voorwaarden.map((v) => v.code)).toEqual([
        'wmo-melding-onderzoek',
        'wmo-beschikking',
      ]);
      expect(g.voorwaarden.map((v) => v.code)).not.toContain('indicatie-wijkverpleegkundige');
      expect(g.reden).toBe(override.reden);
      expect(g.gerouteerd).toMatchObject({
        domein: 'Zvw',
        financier: { soort: 'zorgverzekeraar', code: '7119' },
      });
    },
  );

  it('the editor (live) and the stored snapshot give the same payer', () => {
    const live = geldendeBeslissing({ routering: zvw.besluit, override }, c)!;
    const opgeslagen = geldendeBeslissing({ routering: zvw.routering, override }, c)!;
    expect(opgeslagen.domein).toBe(live.domein);
    expect(opgeslagen.financier).toEqual(live.financier);
    expect(opgeslagen.voorwaarden).toEqual(live.voorwaarden);
  });

  it('an override to routing’s own domain is no difference; the reason is still kept', () => {
    const g = geldendeBeslissing(
      { routering: zvw.besluit, override: { ...override, domein: 'Zvw' } },
      c,
    )!;
    expect(g).toMatchObject({ domein: 'Zvw', gerouteerd: null, reden: override.reden });
    expect(g.uitleg).toBe(zvw.besluit.uitleg);
  });

  it('a chosen domain whose fact is missing has no financier, never a guessed one', () => {
    const g = geldendeBeslissing(
      { routering: zvw.routering, override },
      { zorgverzekeraar: '7119' },
    )!;
    expect(g.domein).toBe('Wmo');
    expect(g.financier).toBeNull();
    expect(
      geldendeBeslissing(
        { routering: zvw.routering, override: { domein: 'geen', reden: 'Zelf' } },
        c,
      ),
    ).toMatchObject({ domein: 'geen', financier: null, voorwaarden: [] });
  });

  it('an override without a routing result still says who pays; nothing known is null', () => {
    expect(geldendeBeslissing({ override }, c)).toMatchObject({
      domein: 'Wmo',
      financier: { code: 'GM0228' },
      gerouteerd: null,
    });
    expect(geldendeBeslissing({}, c)).toBeNull();
  });
});
