import { describe, expect, it } from 'vitest';
import {
  controleerImport,
  gemeenteCode,
  importSleutels,
  leesDatum,
} from '../../../src/domain/caseload-import/index.ts';

const KOP = [
  'Voornaam',
  'Achternaam',
  'Geboortedatum',
  'BSN',
  'Postcode',
  'Huisnummer',
  'Gemeente',
  'Zorgverzekeraar',
];
const rij = (...w: string[]) => Object.fromEntries(KOP.map((k, i) => [k, w[i] ?? '']));

describe('caseload import: per row, in Dutch, what is wrong', () => {
  it('accepts a good row and maps gemeente name to CBS code and a Dutch date to ISO', () => {
    const uit = controleerImport(
      KOP,
      [rij('Jan', 'de Vries', '12-03-1941', '111222333', '6711ab', '12', 'ede', '3311')],
      '2026-12-03',
    );
    expect(uit.ontbrekendeKolommen).toEqual([]);
    const r = uit.rijen[0]!;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regel).toBe(2);
    expect(r.client).toMatchObject({
      voornaam: 'Jan',
      achternaam: 'de Vries',
      geboortedatum: '1941-03-12',
      bsn: '111222333',
      postcode: '6711 AB',
      gemeente: 'GM0228',
      zorgverzekeraar: '3311',
      wlzIndicatie: null,
    });
  });

  it('names the failing elfproef, an unknown gemeente, an unknown UZOVI and a wrong date', () => {
    const uit = controleerImport(
      KOP,
      [
        rij('Piet', 'Bakker', '1950-02-30', '123456789', '6711 AB', '3', 'Atlantis', '9999'),
        rij('Els', 'Smit', '01-01-2099', '', '6711 AB', '3', 'GM0228', ''),
      ],
      '2026-12-03',
    );
    const [a, b] = uit.rijen;
    expect(a!.ok).toBe(false);
    expect(b!.ok).toBe(false);
    const fa = a!.ok ? [] : a!.fouten.join('\n');
    expect(fa).toContain('geboortedatum: "1950-02-30" is geen bestaande datum');
    expect(fa).toContain('gemeente: "Atlantis" is geen gemeente die wij kennen');
    expect(fa).toContain('zorgverzekeraar: "9999" is geen UZOVI-code die wij kennen');
    expect(fa).toContain('bsn: Dit BSN klopt niet (de elfproef faalt)');
    expect(b!.ok ? [] : b!.fouten).toEqual(['geboortedatum: deze datum ligt in de toekomst.']);
  });

  it('reports empty required cells and a missing required column', () => {
    const uit = controleerImport(
      ['voornaam', 'achternaam', 'geboortedatum', 'postcode', 'huisnummer'],
      [
        {
          voornaam: 'A',
          achternaam: '',
          geboortedatum: '1950-01-01',
          postcode: '6711AB',
          huisnummer: '1',
        },
      ],
      '2026-12-03',
    );
    expect(uit.ontbrekendeKolommen).toEqual(['gemeente']);
    const r = uit.rijen[0]!;
    expect(r.ok ? [] : r.fouten).toEqual([
      'gemeente: deze kolom ontbreekt in het bestand.',
      'achternaam: niet ingevuld.',
    ]);
  });

  it('refuses the same client twice in one file (by BSN, or by name and birth date)', () => {
    const uit = controleerImport(
      KOP,
      [
        rij('Jan', 'de Vries', '12-03-1941', '111222333', '6711 AB', '12', 'Ede'),
        rij('Johannes', 'Vries', '1941-03-12', '111222333', '6711 AB', '12', 'Ede'),
        rij('Jan', 'De  Vries', '1941-03-12', '', '6711 AB', '12', 'Ede'),
      ],
      '2026-12-03',
    );
    expect(uit.rijen.map((r) => r.ok)).toEqual([true, false, false]);
    expect(uit.rijen[1]!.ok ? [] : uit.rijen[1]!.fouten).toEqual([
      'Dezelfde cliënt staat al op regel 2 van dit bestand.',
    ]);
  });

  it('lists unknown columns and reads aliases', () => {
    const uit = controleerImport(
      ['voornaam', 'naam', 'geboren', 'UZOVI', 'opmerking'],
      [],
      '2026-12-03',
    );
    expect(uit.onbekendeKolommen).toEqual(['opmerking']);
    expect(uit.ontbrekendeKolommen).toEqual(['postcode', 'huisnummer', 'gemeente']);
  });

  it('helpers: dates, gemeente codes and match keys', () => {
    expect(leesDatum('1-2-1941')).toBe('1941-02-01');
    expect(leesDatum('31/04/1941')).toBeNull();
    expect(leesDatum('morgen')).toBeNull();
    expect(gemeenteCode('GM0228')).toBe('GM0228');
    expect(gemeenteCode('Súdwest-Fryslân')).toBeDefined();
    expect(gemeenteCode('GM9999')).toBeUndefined();
    expect(
      importSleutels({ voornaam: 'Jan', achternaam: 'de Vries', geboortedatum: '1941-03-12' }),
    ).toEqual(['naam:jan|devries|1941-03-12']);
  });
});
