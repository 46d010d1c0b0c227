import { describe, expect, it } from 'vitest';
import { routeringSnapshotSchema, type RouteringSnapshot } from '../../../src/domain/plan/model.ts';
import {
  effectiefDomein,
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
