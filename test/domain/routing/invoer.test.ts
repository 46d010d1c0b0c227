import { describe, expect, it } from 'vitest';
import { clientInvoerSchema } from '../../../src/domain/model/client.ts';
import { isoDateSchema } from '../../../src/domain/model/dates.ts';
import { inzetSchema, periodeInWeken, type Inzet } from '../../../src/domain/model/inzet.ts';
import {
  routingContextFromClient,
  routingContextSchema,
} from '../../../src/domain/model/routing-context.ts';
import { RoutingFout, routeInzet, safeRouteInzet } from '../../../src/domain/routing/index.ts';

const context = {
  geboortedatum: '1945-04-10',
  wlzIndicatie: null,
  gemeente: 'GM0228',
  zorgverzekeraar: '7095',
};

describe('invalid input gives a clear error, never a decision', () => {
  it.each([
    [
      'unknown gemeente',
      { ...context, gemeente: 'GM9999' },
      { code: 'HH-SCHOONMAAK' },
      '2026-03-01',
      /context\.gemeente: Onbekende gemeentecode 'GM9999'/,
    ],
    [
      'bad UZOVI',
      { ...context, zorgverzekeraar: '12' },
      { code: 'HH-SCHOONMAAK' },
      '2026-03-01',
      /context\.zorgverzekeraar: Een UZOVI-code heeft 4 cijfers/,
    ],
    [
      'bad birth date',
      { ...context, geboortedatum: '1945-02-30' },
      { code: 'HH-SCHOONMAAK' },
      '2026-03-01',
      /context\.geboortedatum: Deze datum bestaat niet/,
    ],
    [
      'unknown inzet code',
      context,
      { code: 'XX-ONBEKEND' },
      '2026-03-01',
      /inzet\.code: Onbekende inzet-code 'XX-ONBEKEND'/,
    ],
    [
      'unknown category',
      context,
      { categorie: 'tandarts' },
      '2026-03-01',
      /inzet\.categorie: Onbekende categorie/,
    ],
    [
      'code and category disagree',
      context,
      { code: 'WA-TRAPLIFT', categorie: 'verpleging' },
      '2026-03-01',
      /hoort bij categorie 'woningaanpassing'/,
    ],
    [
      'neither code nor category',
      context,
      {},
      '2026-03-01',
      /Geef een inzet-code of een categorie/,
    ],
    [
      'wrong unit',
      context,
      { code: 'PV-ADL', omvang: { aantal: 3, eenheid: 'stuk' } },
      '2026-03-01',
      /De eenheid van .* is uur\/week/,
    ],
    [
      'negative volume',
      context,
      { code: 'PV-ADL', omvang: { aantal: -1, eenheid: 'uur/week' } },
      '2026-03-01',
      /groter dan 0/,
    ],
    [
      'period backwards',
      context,
      { code: 'UL-BED', periode: { van: '2026-05-01', tot: '2026-04-01' } },
      '2026-03-01',
      /einddatum ligt vóór/,
    ],
    ['bad peildatum', context, { code: 'PV-ADL' }, '01-03-2026', /peildatum: Vul een datum in/],
    [
      'peildatum before the first rules',
      context,
      { code: 'PV-ADL' },
      '2014-12-31',
      /geen regels vóór 2015-01-01/,
    ],
    [
      'born after the peildatum',
      { ...context, geboortedatum: '2027-01-01' },
      { code: 'PV-ADL' },
      '2026-03-01',
      /geboortedatum .* ligt na de peildatum/,
    ],
    ['context not an object', 'Ede', { code: 'PV-ADL' }, '2026-03-01', /context/],
  ])('%s', (_naam, c, i, p, fout) => {
    const u = safeRouteInzet(c, i, p);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.fout).toMatch(fout);
  });

  it('routeInzet throws RoutingFout for a parsed but unroutable input', () => {
    const c = routingContextSchema.parse(context);
    const i = inzetSchema.parse({ code: 'PV-ADL' });
    expect(() => routeInzet(c, i, isoDateSchema.parse('2010-01-01'))).toThrow(RoutingFout);
  });

  it('a gap in the rule table is an error, never a silent default', () => {
    const c = routingContextSchema.parse(context);
    const zonderRegels = {
      ...inzetSchema.parse({ code: 'PV-ADL' }),
      categorie: 'bestaat-niet',
    } as unknown as Inzet;
    expect(() => routeInzet(c, zonderRegels, isoDateSchema.parse('2026-03-01'))).toThrow(
      /Geen regel voor bestaat-niet/,
    );
  });
});

describe('schemas', () => {
  it('a left-out Wlz-indicatie means unknown, not "geen"', () => {
    expect(routingContextSchema.parse({ geboortedatum: '1950-01-01' }).wlzIndicatie).toBe(
      'onbekend',
    );
  });
  it('an inzet by category only takes the category default type', () => {
    expect(inzetSchema.parse({ categorie: 'hulpmiddel-mobiliteit' }).type.code).toBe('HM-ROLSTOEL');
  });
  it('periodeInWeken counts both ends', () => {
    expect(periodeInWeken({ van: '2026-01-01', tot: '2026-01-07' })).toBe(1);
    expect(periodeInWeken({ van: '2026-01-01' })).toBeUndefined();
  });
  it('the catalog fact is overruled by what the inzet says', () => {
    const u = safeRouteInzet(
      context,
      { code: 'PV-AANSPOREN', verzorgingsaard: 'geneeskundig' },
      '2026-03-01',
    );
    expect(u.ok && u.besluit.domein).toBe('Zvw');
  });
});

describe('routingContextFromClient', () => {
  const client = clientInvoerSchema.parse({
    voornaam: 'Jan',
    achternaam: 'Jansen',
    geboortedatum: '1940-02-02',
    postcode: '6711 AB',
    huisnummer: '12',
    gemeente: 'GM0228',
    zorgverzekeraar: '3311',
    wlzIndicatie: {
      zorgprofiel: 'VV-6',
      leveringsvorm: 'verblijf',
      behandeling: true,
      geldigVan: '2024-01-01',
    },
  });

  it('maps the client form to the routing context', () => {
    const c = routingContextFromClient(client);
    expect(c.woonsituatie).toBe('instelling');
    expect(c.gemeente).toBe('GM0228');
    expect(c.zorgverzekeraar).toBe('3311');
    expect(c.wlzIndicatie).toMatchObject({ leveringsvorm: 'verblijf', behandeling: true });
  });

  it('passes intensieve kindzorg on; left out it stays unknown', () => {
    expect(
      routingContextFromClient({ ...client, intensieveKindzorg: true }).intensieveKindzorg,
    ).toBe(true);
    expect(routingContextFromClient(client).intensieveKindzorg).toBeUndefined();
  });

  it('"geen Wlz-indicatie" in the client form is a known fact: routing is zeker', () => {
    const c = routingContextFromClient({ ...client, wlzIndicatie: null });
    expect(c.woonsituatie).toBe('thuis');
    const u = safeRouteInzet(c, { code: 'DB-OUDEREN' }, '2026-03-01');
    expect(u.ok && u.besluit).toMatchObject({
      domein: 'Wmo',
      zeker: true,
      financier: { code: 'GM0228' },
    });
  });
});
