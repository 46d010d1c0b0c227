import { describe, expect, it } from 'vitest';
import type { Tarief } from '../../../src/domain/kosten/model.ts';
import {
  isLaatsteVanReeks,
  nieuweTariefReeks,
  prijsDatum,
  volumeEenheidVan,
  vorigeVanReeks,
  zoekTarief,
} from '../../../src/domain/kosten/tarieven.ts';

let n = 0;
const tarief = (
  t: Partial<Record<keyof Tarief, unknown>> & { bedrag: number; geldigVan: string },
): Tarief =>
  ({
    id: `t${(n += 1)}`,
    inzetCode: 'PV-ADL',
    domein: 'Zvw',
    financierCode: null,
    volumeEenheid: 'uur',
    demo: false,
    bijgewerktOp: '2026-01-01T00:00:00.000Z',
    ...t,
  }) as Tarief;

const standaardOud = tarief({ bedrag: 55, geldigVan: '2015-01-01', geldigTot: '2025-12-31' });
const standaard = tarief({ bedrag: 60, geldigVan: '2026-01-01' });
const vgz = tarief({
  bedrag: 62.5,
  geldigVan: '2026-03-01',
  geldigTot: '2026-06-30',
  financierCode: '7095',
});
const wmo = tarief({ bedrag: 48, geldigVan: '2015-01-01', domein: 'Wmo' });
const alle = [standaardOud, standaard, vgz, wmo];

describe('zoekTarief', () => {
  it('takes the domain default when the financier has no own row', () => {
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '3311', '2026-04-01')).toBe(standaard);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', null, '2026-04-01')).toBe(standaard);
  });

  it("lets the financier's own row win while it is valid", () => {
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '7095', '2026-04-01')).toBe(vgz);
  });

  it('is valid from geldigVan up to and including geldigTot', () => {
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '7095', '2026-02-28')).toBe(standaard);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '7095', '2026-03-01')).toBe(vgz);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '7095', '2026-06-30')).toBe(vgz);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', '7095', '2026-07-01')).toBe(standaard);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', null, '2025-12-31')).toBe(standaardOud);
    expect(zoekTarief(alle, 'PV-ADL', 'Zvw', null, '2014-12-31')).toBeUndefined();
  });

  it('matches the domain and the inzet code, and has no tariff for domain geen', () => {
    expect(zoekTarief(alle, 'PV-ADL', 'Wmo', '7095', '2026-04-01')).toBe(wmo);
    expect(zoekTarief(alle, 'PV-ADL', 'Wlz', null, '2026-04-01')).toBeUndefined();
    expect(zoekTarief(alle, 'HH-SCHOONMAAK', 'Zvw', null, '2026-04-01')).toBeUndefined();
    expect(zoekTarief(alle, 'PV-ADL', 'geen', null, '2026-04-01')).toBeUndefined();
  });

  it('prices a month on its first day', () => {
    expect(prijsDatum('2026-03')).toBe('2026-03-01');
  });
});

describe('tariff series', () => {
  it('closes the latest row the day before a new price starts', () => {
    const r = nieuweTariefReeks(alle, {
      inzetCode: 'PV-ADL',
      domein: 'Zvw',
      financierCode: null,
      geldigVan: '2027-03-01',
    });
    expect(r).toEqual({ ok: true, vorige: { tarief: standaard, geldigTot: '2027-02-28' } });
  });

  it('starts a new series without closing anything', () => {
    const r = nieuweTariefReeks(alle, {
      inzetCode: 'PV-ADL',
      domein: 'Zvw',
      financierCode: '3311',
      geldigVan: '2026-01-01',
    });
    expect(r).toEqual({ ok: true, vorige: null });
  });

  it('refuses a price that does not start after the latest one', () => {
    for (const geldigVan of ['2026-01-01', '2025-06-01']) {
      const r = nieuweTariefReeks(alle, {
        inzetCode: 'PV-ADL',
        domein: 'Zvw',
        financierCode: null,
        geldigVan,
      });
      expect(r).toEqual({ ok: false, vorige: standaard });
    }
  });

  it('knows the latest row and the one before it', () => {
    expect(isLaatsteVanReeks(alle, standaard)).toBe(true);
    expect(isLaatsteVanReeks(alle, standaardOud)).toBe(false);
    expect(vorigeVanReeks(alle, standaard)).toBe(standaardOud);
    expect(vorigeVanReeks(alle, standaardOud)).toBeUndefined();
  });

  it('derives the volume unit from the catalog', () => {
    expect(volumeEenheidVan('PV-ADL')).toBe('uur');
    expect(volumeEenheidVan('DB-OUDEREN')).toBe('dagdeel');
    expect(volumeEenheidVan('PA-ALARM')).toBe('maand');
    expect(volumeEenheidVan('BESTAAT-NIET')).toBeUndefined();
  });
});
