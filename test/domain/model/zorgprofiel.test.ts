import { describe, expect, it } from 'vitest';
import {
  normaliseerZorgprofiel,
  wlzIndicatieSchema,
  ZORGPROFIEL_TABEL,
  ZORGPROFIELEN_KEUZE,
  zorgprofielInfo,
} from '../../../src/domain/model/wlz.ts';

describe('zorgprofielen as the CIZ writes them (issue 16 point 2)', () => {
  it.each([
    ['VV5', 'VV5'],
    ['VV 5', 'VV5'],
    ['VV-5', 'VV5'],
    ['5VV', 'VV5'],
    ['5 VV', 'VV5'],
    ['vv5', 'VV5'],
    ['VV10', 'VV10'],
    ['VV-9b', 'VV9b'],
    ['9VV B', 'VV9b'],
    ['VG6', 'VG6'],
    ['LG4', 'LG4'],
    ['LVG 3', 'LVG3'],
    ['SGLVG', 'SGLVG'],
    ['ZGaud 3', 'ZGaud3'],
    ['3ZGaud', 'ZGaud3'],
    ['ZGVIS-5', 'ZGvis5'],
    ['GGZ-W2', 'GGZ-W2'],
    ['GGZ W 2', 'GGZ-W2'],
    ['2GGZ W', 'GGZ-W2'],
    ['GGZ-B', 'GGZ-B'],
    ['ＶＶ５', 'VV5'], // full-width, as a copied PDF may have it (NFKC)
    // Sector-only values that older app versions stored stay readable.
    ['GGZ-W', 'GGZ-W'],
    ['VG', 'VG'],
  ])('%s → %s', (invoer, canoniek) => {
    expect(normaliseerZorgprofiel(invoer)).toBe(canoniek);
  });

  it.each(['VV11', 'VV0', 'XX1', 'LG8', 'ZGaud5', 'GGZ-W6', '', '55'])('refuses %s', (invoer) => {
    expect(normaliseerZorgprofiel(invoer)).toBeUndefined();
  });

  it('the schema stores the canonical form', () => {
    const r = wlzIndicatieSchema.parse({
      zorgprofiel: '5 VV',
      leveringsvorm: 'vpt',
      behandeling: false,
      geldigVan: '2026-01-01',
    });
    expect(r.zorgprofiel).toBe('VV5');
  });

  it('the full list: VV 1–10, VG 1–8, LG 1–7, LVG 1–5, SGLVG, ZGaud 1–4, ZGvis 1–5, GGZ-B, GGZ-W 1–5, each current one with its iWlz code but GGZ-B', () => {
    const perSector = new Map<string, number>();
    for (const p of ZORGPROFIELEN_KEUZE) {
      const s = zorgprofielInfo(p).sector;
      perSector.set(s, (perSector.get(s) ?? 0) + 1);
    }
    expect(Object.fromEntries(perSector)).toEqual({
      VV: 10,
      VG: 8,
      LG: 7,
      LVG: 5,
      SGLVG: 1,
      ZGaud: 4,
      ZGvis: 5,
      'GGZ-B': 1,
      'GGZ-W': 5,
    });
    const zonderCode = ZORGPROFIEL_TABEL.filter((p) => !p.verouderd && !p.iwlz).map(
      (p) => p.profiel,
    );
    expect(zonderCode).toEqual(['GGZ-B']);
    const codes = ZORGPROFIEL_TABEL.flatMap((p) => (p.iwlz ? [p.iwlz] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });
});
