/**
 * The CSV writer of the coordinator exports and the pseudonym, as units: Excel-friendly format
 * (`;`, decimal comma, BOM, CRLF), text that survives a round trip, formulas defused.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { KostenRegel } from '../../src/domain/kosten/model.ts';
import { pseudoniem } from '../../src/server/db/kosten-bron.ts';
import {
  BOM,
  bestandsnaam,
  decimaal,
  euro,
  regelsCsv,
  tekst,
} from '../../src/server/routes/coordinator-csv.ts';

const regel = (r: Partial<KostenRegel>): KostenRegel => ({
  pseudoniem: 'C-AAAAAAAA',
  leeftijdsband: '85+',
  gemeente: 'Ede',
  maand: '2026-01',
  inzetCode: 'PV-ADL',
  inzetNaam: 'Persoonlijke verzorging',
  volumeEenheid: 'uur',
  volume: 9.71,
  domein: 'Wmo',
  financier: { soort: 'gemeente', code: 'GM0228', naam: 'Gemeente Ede' },
  gerouteerdDomein: 'Zvw',
  gerouteerdeFinancier: null,
  override: null,
  tarief: 60,
  tariefDemo: true,
  kostenCent: 58260,
  gerouteerdKostenCent: 0,
  ...r,
});

describe('coordinator CSV', () => {
  it('writes money and volume with a decimal comma', () => {
    expect(euro(123450)).toBe('1234,50');
    expect(euro(5)).toBe('0,05');
    expect(euro(-1999)).toBe('-19,99');
    expect(euro(0)).toBe('0,00');
    expect(decimaal(9.714)).toBe('9,71');
    expect(decimaal(16)).toBe('16,00');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(tekst('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(tekst('+31')).toBe("'+31");
    expect(tekst('@SUM')).toBe("'@SUM");
    expect(tekst('-2')).toBe("'-2");
    expect(tekst('Gewoon')).toBe('Gewoon');
    expect(tekst(null)).toBe('');
  });

  it('round-trips free text with separators, quotes and line breaks', () => {
    const reden = 'Afspraak; "zie mail"\r\nmet gemeente';
    const csv = regelsCsv([
      regel({ override: { domein: 'Wmo', reden } }),
      regel({ override: { domein: 'Wmo', reden: '=1+1' }, kostenCent: 1 }),
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFmaand;pseudoniem;leeftijdsband;gemeente;/);
    const p = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, delimiter: ';' });
    expect(p.errors).toEqual([]);
    expect(p.data.map((r) => r['override reden'])).toEqual([reden, "'=1+1"]);
    expect(p.data.map((r) => r['kosten (euro)'])).toEqual(['582,60', '0,01']);
    expect(p.data[0]).toMatchObject({ volume: '9,71', 'tarief (euro)': '60,00', demotarief: 'ja' });
  });

  it('names a download after the kind and period only', () => {
    expect(bestandsnaam('regels', '2026-01', '2026-12', 'csv')).toBe(
      'wie-betaalt-wat-regels-2026-01-2026-12.csv',
    );
  });
});

describe('pseudoniem', () => {
  const sleutel = Buffer.alloc(32, 7);
  it('is C- and 8 base32 characters, stable per client and key', () => {
    const id = '6f1c2d9e-0b4a-4c55-9a1e-2f3b4c5d6e7f';
    const p = pseudoniem(sleutel, id);
    expect(p).toMatch(/^C-[A-Z2-7]{8}$/);
    expect(pseudoniem(sleutel, id)).toBe(p);
    expect(pseudoniem(sleutel, id.toUpperCase())).toBe(p);
    expect(pseudoniem(Buffer.alloc(32, 8), id)).not.toBe(p);
    expect(pseudoniem(sleutel, '00000000-0000-4000-8000-000000000000')).not.toBe(p);
  });
});
