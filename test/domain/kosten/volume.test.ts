import { describe, expect, it } from 'vitest';
import { EENHEDEN } from '../../../src/domain/catalog/index.ts';
import {
  VOLUME_EENHEID,
  dagenInPeriode,
  volumeHonderdsten,
  volumeInMaand,
} from '../../../src/domain/kosten/volume.ts';

describe('volumeInMaand', () => {
  it('maps every catalog unit to a volume unit', () => {
    for (const e of EENHEDEN) expect(VOLUME_EENHEID[e]).toBeDefined();
    expect(VOLUME_EENHEID.abonnement).toBe('maand');
    expect(VOLUME_EENHEID['etmaal/maand']).toBe('etmaal');
    expect(VOLUME_EENHEID['dagdeel/week']).toBe('dagdeel');
  });

  it('counts days of the periode within the month, both ends inclusive', () => {
    expect(dagenInPeriode({ van: '2026-01-15' }, '2026-01')).toBe(17);
    expect(dagenInPeriode({ van: '2026-01-15', tot: '2026-01-15' }, '2026-01')).toBe(1);
    expect(dagenInPeriode({ van: '2026-01-15' }, '2025-12')).toBe(0);
    expect(dagenInPeriode({ van: '2025-12-01', tot: '2026-02-03' }, '2026-02')).toBe(3);
    expect(dagenInPeriode({ van: '2024-01-01' }, '2024-02')).toBe(29); // leap year
  });

  it('weekly units: aantal × days / 7, rounded to hundredths', () => {
    const omvang = { aantal: 2, eenheid: 'uur/week' } as const;
    // 17 days × 2 / 7 = 4.857… → 4.86
    expect(volumeInMaand(omvang, { van: '2026-01-15' }, '2026-01')).toBe(4.86);
    expect(volumeInMaand(omvang, { van: '2026-01-15' }, '2026-02')).toBe(8);
    expect(volumeInMaand(omvang, { van: '2026-01-15' }, '2025-12')).toBe(0);
    // 31 days × 3 dagdelen / 7 = 13.2857 → 13.29
    expect(
      volumeInMaand({ aantal: 3, eenheid: 'dagdeel/week' }, { van: '2025-01-01' }, '2026-03'),
    ).toBe(13.29);
    expect(
      volumeHonderdsten({ aantal: 5, eenheid: 'rit/week' }, { van: '2026-03-01' }, '2026-03'),
    ).toBe(Math.round((5 * 31 * 100) / 7));
  });

  it('monthly units: aantal × days in periode / days in month', () => {
    // February 2026 has 28 days; 15–28 is 14 days → 3 × 14/28 = 1.5
    expect(
      volumeInMaand({ aantal: 3, eenheid: 'uur/maand' }, { van: '2026-02-15' }, '2026-02'),
    ).toBe(1.5);
    // 10 of 31 days × 4 = 1.2903 → 1.29
    expect(
      volumeInMaand(
        { aantal: 4, eenheid: 'etmaal/maand' },
        { van: '2026-01-01', tot: '2026-01-10' },
        '2026-01',
      ),
    ).toBe(1.29);
    expect(
      volumeInMaand(
        { aantal: 1, eenheid: 'abonnement' },
        { van: '2026-03-01', tot: '2026-03-31' },
        '2026-03',
      ),
    ).toBe(1);
    expect(
      volumeInMaand(
        { aantal: 1, eenheid: 'abonnement' },
        { van: '2026-03-01', tot: '2026-03-31' },
        '2026-04',
      ),
    ).toBe(0);
  });

  it('one-off units count fully in the month the periode starts, never after', () => {
    const rolstoel = { aantal: 1, eenheid: 'stuk' } as const;
    expect(volumeInMaand(rolstoel, { van: '2026-03-20' }, '2026-03')).toBe(1);
    expect(volumeInMaand(rolstoel, { van: '2026-03-20' }, '2026-04')).toBe(0);
    expect(volumeInMaand(rolstoel, { van: '2026-03-20' }, '2026-02')).toBe(0);
    expect(
      volumeInMaand(
        { aantal: 5, eenheid: 'etmaal' },
        { van: '2026-05-31', tot: '2026-06-04' },
        '2026-05',
      ),
    ).toBe(5);
    expect(
      volumeInMaand(
        { aantal: 5, eenheid: 'etmaal' },
        { van: '2026-05-31', tot: '2026-06-04' },
        '2026-06',
      ),
    ).toBe(0);
    // An empty periode starts nothing.
    expect(volumeInMaand(rolstoel, { van: '2026-03-20', tot: '2026-03-19' }, '2026-03')).toBe(0);
  });

  it('never gives a negative volume', () => {
    expect(
      volumeInMaand({ aantal: -2, eenheid: 'uur/week' }, { van: '2026-01-01' }, '2026-01'),
    ).toBe(0);
  });
});
