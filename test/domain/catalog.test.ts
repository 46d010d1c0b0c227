import { describe, expect, it } from 'vitest';
import {
  CATEGORIEEN,
  EENHEDEN,
  INZET_CATALOGUS,
  TREDEN,
  findInzetType,
  standaardType,
  typenVan,
} from '../../src/domain/catalog/index.ts';

// docs/financiering.md §1, copied here on purpose: a renamed or dropped key must fail this test.
const PARAGRAAF_1 = [
  'verpleging',
  'persoonlijke-verzorging',
  'casemanagement-dementie',
  'huishoudelijke-ondersteuning',
  'begeleiding-individueel',
  'dagbesteding',
  'vervoer-dagbesteding',
  'kortdurend-verblijf',
  'eerstelijnsverblijf',
  'geriatrische-revalidatie',
  'behandeling-so',
  'hulpmiddel-mobiliteit',
  'hulpmiddel-tijdelijke-uitleen',
  'hulpmiddel-medisch-verbruik',
  'woningaanpassing',
  'personenalarmering',
  'zorgtechnologie',
  'maaltijdvoorziening',
  'mantelzorgondersteuning',
  'informele-hulp',
  'algemene-voorziening',
  'ggz-behandeling',
  'beschermd-wonen',
  'wlz-verblijf',
];

describe('inzet catalog', () => {
  it('has exactly the category keys of docs/financiering.md §1', () => {
    expect([...CATEGORIEEN]).toEqual(PARAGRAAF_1);
  });

  it.each(PARAGRAAF_1)('%s has at least one type, and its default belongs to it', (c) => {
    expect(typenVan(c as (typeof CATEGORIEEN)[number]).length).toBeGreaterThan(0);
    expect(standaardType(c as (typeof CATEGORIEEN)[number]).categorie).toBe(c);
  });

  it('has unique, stable-looking codes, a Dutch label, a known unit and a ladder step', () => {
    const codes = INZET_CATALOGUS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of INZET_CATALOGUS) {
      expect(i.code).toMatch(/^[A-Z]{2,3}(-[A-Z0-9]+)+$/);
      expect(i.label.length).toBeGreaterThan(3);
      expect(EENHEDEN).toContain(i.eenheid);
      expect(TREDEN).toContain(i.trede);
      expect(findInzetType(i.code)).toBe(i);
    }
  });

  it('contains the types a nurse names', () => {
    const labels = INZET_CATALOGUS.map((i) => i.label);
    for (const l of [
      'Rolstoel (blijvend)',
      'Rollator',
      'Woningaanpassing: traplift',
      'Dagbesteding ouderen',
    ]) {
      expect(labels).toContain(l);
    }
  });

  it('puts informele hulp on the eigen-kracht / netwerk rungs and nothing professional there', () => {
    for (const i of typenVan('informele-hulp'))
      expect(['eigen-kracht', 'netwerk']).toContain(i.trede);
    for (const i of INZET_CATALOGUS.filter((x) => x.categorie !== 'informele-hulp')) {
      expect(['eigen-kracht', 'netwerk']).not.toContain(i.trede);
    }
  });

  it('returns undefined for an unknown code', () => {
    expect(findInzetType('NOPE')).toBeUndefined();
  });
});
