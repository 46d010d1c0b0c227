import { describe, expect, it } from 'vitest';
import { clientInvoerSchema } from '../../../src/domain/model/client.ts';
import { isRealDate, leeftijdOp } from '../../../src/domain/model/dates.ts';
import {
  bsnSchema,
  isValidBsn,
  normalisePostcode,
  postcodeSchema,
} from '../../../src/domain/model/identity.ts';
import { wlzGeldigOp, wlzIndicatieSchema } from '../../../src/domain/model/wlz.ts';
import { clientInvoer, wlzIndicatie } from '../../fixtures/clients.ts';

const boodschappen = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('BSN elfproef', () => {
  it.each(['111222333', '123456782', '999999990', '012345672'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['123456789', 'fails the elfproef'],
    ['111222334', 'one digit off'],
    ['000000000', 'all zeros sum to 0 but is no BSN'],
    ['11122233', 'eight digits'],
    ['1112223334', 'ten digits'],
    ['11122233a', 'a letter'],
  ])('rejects %s (%s)', (bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });

  it('strips spaces and dots before checking, and explains a failure in Dutch', () => {
    expect(bsnSchema.parse('111.222.333')).toBe('111222333');
    expect(bsnSchema.parse(' 1112 22333 ')).toBe('111222333');
    expect(boodschappen(bsnSchema.safeParse('123456789'))).toEqual([
      'Dit BSN klopt niet (de elfproef faalt). Kijk het nummer na.',
    ]);
    expect(boodschappen(bsnSchema.safeParse('1234'))).toEqual(['Een BSN heeft 9 cijfers.']);
  });
});

describe('postcode', () => {
  it.each([
    ['1234ab', '1234 AB'],
    ['1234 AB', '1234 AB'],
    [' 6711  ab ', '6711 AB'],
    ['9999ZZ', '9999 ZZ'],
  ])('normalises %j to %j', (invoer, verwacht) => {
    expect(normalisePostcode(invoer)).toBe(verwacht);
    expect(postcodeSchema.parse(invoer)).toBe(verwacht);
  });

  it.each([
    ['0123 AB', 'no postcode starts with 0'],
    ['1234 SA', 'SA is not issued'],
    ['1234 SD', 'SD is not issued'],
    ['1234 SS', 'SS is not issued'],
    ['123 AB', 'three digits'],
    ['1234 A', 'one letter'],
    ['1234 A1', 'digit as letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (invoer) => {
    expect(normalisePostcode(invoer)).toBeNull();
    expect(boodschappen(postcodeSchema.safeParse(invoer))).toEqual([
      'Vul een postcode in zoals 6711 AB.',
    ]);
  });
});

describe('Wlz-indicatie', () => {
  // wlzGeldigOp only takes dates that passed the gate (branded IsoDate), so build them through it.
  const geldig = (geldigVan: string, geldigTot?: string) =>
    wlzIndicatieSchema.parse(wlzIndicatie({ geldigVan, geldigTot }));

  it('accepts an open-ended indicatie and one whose end equals its start', () => {
    expect(wlzIndicatieSchema.safeParse(wlzIndicatie()).success).toBe(true);
    const eenDag = wlzIndicatie({ geldigVan: '2026-03-01', geldigTot: '2026-03-01' });
    expect(wlzIndicatieSchema.safeParse(eenDag).success).toBe(true);
  });

  it('rejects geldigTot before geldigVan, on the geldigTot field', () => {
    const r = wlzIndicatieSchema.safeParse(
      wlzIndicatie({ geldigVan: '2026-03-01', geldigTot: '2026-02-28' }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['geldigTot'],
        message: 'De einddatum ligt vóór de begindatum.',
      }),
    ]);
  });

  it('rejects a date that does not exist and an unknown zorgprofiel', () => {
    expect(
      boodschappen(wlzIndicatieSchema.safeParse(wlzIndicatie({ geldigVan: '2026-02-30' }))),
    ).toEqual(['Deze datum bestaat niet.']);
    const r = wlzIndicatieSchema.safeParse({ ...wlzIndicatie(), zorgprofiel: 'VV-11' });
    expect(boodschappen(r)).toEqual([
      "Onbekend zorgprofiel 'VV-11'. Gebruik een zorgprofiel van het CIZ, zoals VV5, VG6, LG4, LVG3, ZGaud2, ZGvis3, GGZ-B of GGZ-W2.",
    ]);
  });

  it('defaults behandeling to false and allows "leveringsvorm nog niet gekozen" (null)', () => {
    const r = wlzIndicatieSchema.parse(
      wlzIndicatie({ leveringsvorm: null, behandeling: undefined }),
    );
    expect(r.behandeling).toBe(false);
    expect(r.leveringsvorm).toBeNull();
  });

  it("reads an empty end date ('' or null, as date inputs send it) as no end date", () => {
    for (const leeg of ['', null]) {
      const r = wlzIndicatieSchema.parse({ ...wlzIndicatie(), geldigTot: leeg });
      expect(r.geldigTot).toBeUndefined();
    }
  });

  it('is in force on both end dates, not a day outside them', () => {
    const w = geldig('2026-01-01', '2026-06-30');
    expect(wlzGeldigOp(w, '2025-12-31')).toBe(false);
    expect(wlzGeldigOp(w, '2026-01-01')).toBe(true);
    expect(wlzGeldigOp(w, '2026-03-15')).toBe(true);
    expect(wlzGeldigOp(w, '2026-06-30')).toBe(true);
    expect(wlzGeldigOp(w, '2026-07-01')).toBe(false);
  });

  it('without geldigTot is in force from geldigVan on, indefinitely', () => {
    expect(wlzGeldigOp(geldig('2026-01-01'), '2025-12-31')).toBe(false);
    expect(wlzGeldigOp(geldig('2026-01-01'), '2090-01-01')).toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['1942-03-15', '2026-03-14', 83],
    ['1942-03-15', '2026-03-15', 84],
    ['1942-03-15', '2026-12-31', 84],
    ['1960-02-29', '2026-02-28', 65],
    ['1960-02-29', '2026-03-01', 66],
  ])('leeftijdOp(%s, %s) = %i', (geboren, peildatum, jaren) => {
    expect(leeftijdOp(geboren, peildatum)).toBe(jaren);
  });

  it('knows which calendar dates exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
  });
});

describe('clientInvoerSchema', () => {
  it('accepts the form input and stores "not filled in" as absent, not as ""', () => {
    const r = clientInvoerSchema.parse(
      clientInvoer({ bsn: '', zorgverzekeraar: '', huisarts: '  ', postcode: '6711ab' }),
    );
    expect(r.bsn).toBeUndefined();
    expect(r.zorgverzekeraar).toBeUndefined();
    expect(r.huisarts).toBeUndefined();
    expect(r.postcode).toBe('6711 AB');
  });

  it('reports every wrong field with its path and a Dutch message', () => {
    const r = clientInvoerSchema.safeParse(
      clientInvoer({
        voornaam: ' ',
        bsn: '123456789',
        gemeente: 'GM9999',
        zorgverzekeraar: 'VGZ',
        wlzIndicatie: wlzIndicatie({ geldigVan: '2026-05-01', geldigTot: '2026-04-01' }),
      }),
    );
    expect(r.success).toBe(false);
    const perVeld = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(perVeld).toEqual({
      voornaam: 'Vul de voornaam in.',
      bsn: 'Dit BSN klopt niet (de elfproef faalt). Kijk het nummer na.',
      gemeente: 'Kies een gemeente uit de lijst.',
      zorgverzekeraar: 'Een UZOVI-code heeft 4 cijfers. Kies een zorgverzekeraar uit de lijst.',
      'wlzIndicatie.geldigTot': 'De einddatum ligt vóór de begindatum.',
    });
  });
});

describe('a UZOVI code the shipped list does not know (issue 16, point 4)', () => {
  it('is accepted as any 4-digit code, so the plan never waits for the list', () => {
    const r = clientInvoerSchema.safeParse(clientInvoer({ zorgverzekeraar: '0101' }));
    expect(r.success && r.data.zorgverzekeraar).toBe('0101');
  });
});

describe('one message per mistake', () => {
  it('reports a malformed date once, not also as "bestaat niet"', () => {
    const r = clientInvoerSchema.safeParse(clientInvoer({ geboortedatum: '' }));
    expect(boodschappen(r)).toEqual(['Vul een datum in als jjjj-mm-dd.']);
  });
});
