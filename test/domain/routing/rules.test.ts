import { describe, expect, it } from 'vitest';
import { CATEGORIEEN } from '../../../src/domain/catalog/index.ts';
import { bepaalFinancier, FINANCIER_SOORT } from '../../../src/domain/routing/financier.ts';
import {
  geldigOp,
  kiesRegel,
  regelversieOp,
  type Toestand,
} from '../../../src/domain/routing/engine.ts';
import {
  BRONNEN,
  REGELS,
  REGELVERSIES,
  SITUATIES,
  type Feiten,
} from '../../../src/domain/routing/rules.ts';
import { VOORWAARDE_CODES } from '../../../src/domain/routing/voorwaarden.ts';

const VERSIES = REGELVERSIES.map((v) => v.versie);
const dagNa = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dagVoor = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('the rule table as data', () => {
  it('has unique ids of the form categorie/sleutel', () => {
    const ids = REGELS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of REGELS) expect(r.id.startsWith(`${r.categorie}/`)).toBe(true);
  });

  it.each(REGELS.map((r) => [r.id, r] as const))(
    '%s cites a source, a legal basis and a plain uitleg',
    (_id, r) => {
      expect(r.bron.length).toBeGreaterThan(0);
      for (const b of r.bron) expect(BRONNEN).toContain(b);
      expect(r.grondslag).toMatch(/(Wet|Wmo|Besluit|Zorgverzekeringswet|Jeugdwet|Regeling|Zvw)/);
      for (const v of r.voorwaarden) expect(VOORWAARDE_CODES).toContain(v);
      // 1–2 sentences a client can read: no article numbers, no codes.
      const zinnen = r.uitleg.split(/[.!?](\s|$)/).filter((z) => z && z.trim().length > 1);
      expect(zinnen.length).toBeGreaterThanOrEqual(1);
      expect(zinnen.length).toBeLessThanOrEqual(2);
      expect(r.uitleg).not.toMatch(/art\.|artikel|GM\d|\d{4}|[a-z]+-[a-z]+-[a-z]+/i);
      expect(r.then.financier).toBe(FINANCIER_SOORT[r.then.domein]);
    },
  );

  it('only changes on rule-version dates', () => {
    for (const r of REGELS) {
      expect(VERSIES, r.id).toContain(r.validFrom);
      if (r.validTo) expect(VERSIES, r.id).toContain(dagNa(r.validTo));
    }
  });

  it('has no gap: every category × situation × behandeling × minderjarig × facts × version has a rule', () => {
    const waarden: { [K in keyof Feiten]-?: readonly (Feiten[K] | undefined)[] } = {
      verzorgingsaard: [undefined, 'geneeskundig', 'begeleidend'],
      msvt: [undefined, true, false],
      medischeIndicatie: [undefined, true, false],
      langerDan26Weken: [undefined, true, false],
      voorafgaandeZiekenhuisopname: [undefined, true, false],
      deelVanWijkverpleging: [undefined, true, false],
      algemeenGebruikelijk: [undefined, true],
      intensieveKindzorg: [undefined, true, false],
      soOfAvg: [undefined, true, false],
    };
    // One fact varied at a time on top of all-unknown, plus all-known combinations per fact.
    const feitenLijst: Feiten[] = [{}];
    for (const [naam, opties] of Object.entries(waarden))
      for (const w of opties) feitenLijst.push({ [naam]: w });
    let gecontroleerd = 0;
    for (const versie of VERSIES) {
      for (const peildatum of [
        versie,
        dagVoor(VERSIES[VERSIES.indexOf(versie) + 1] ?? '2100-01-01'),
      ]) {
        for (const categorie of CATEGORIEEN) {
          for (const situatie of SITUATIES) {
            for (const behandeling of situatie === 'wlz-verblijf' ? [false, true] : [false]) {
              for (const minderjarig of situatie === 'minderjarig'
                ? [true]
                : situatie === 'geen-wlz'
                  ? [false]
                  : [false, true]) {
                for (const psychischeStoornis of situatie.startsWith('wlz-')
                  ? [false, true]
                  : [false]) {
                  const toestand: Toestand = {
                    situatie,
                    behandeling,
                    minderjarig,
                    psychischeStoornis,
                    ontbrekend: [],
                  };
                  for (const feiten of feitenLijst) {
                    expect(
                      kiesRegel(categorie, toestand, feiten, peildatum),
                      `${categorie} ${situatie} ${peildatum}`,
                    ).toBeDefined();
                    gecontroleerd++;
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(gecontroleerd).toBeGreaterThan(10_000);
  });
});

describe('rule version by peildatum', () => {
  it.each([
    ['2014-12-31', undefined],
    ['2015-01-01', '2015-01-01'],
    ['2015-12-31', '2015-01-01'],
    ['2016-12-31', '2016-01-01'],
    ['2017-01-01', '2017-01-01'],
    ['2018-06-30', '2018-01-01'],
    ['2019-12-31', '2018-01-01'],
    ['2020-01-01', '2020-01-01'],
    ['2017-03-31', '2017-01-01'],
    ['2017-04-01', '2017-04-01'],
    ['2024-12-31', '2021-01-01'],
    ['2026-03-01', '2025-01-01'],
  ])('%s → %s', (peildatum, versie) => {
    expect(regelversieOp(peildatum)).toBe(versie);
  });

  it('a row is valid from its first day to its last day inclusive', () => {
    const r = { validFrom: '2017-01-01', validTo: '2019-12-31' };
    expect(geldigOp(r, '2016-12-31')).toBe(false);
    expect(geldigOp(r, '2017-01-01')).toBe(true);
    expect(geldigOp(r, '2019-12-31')).toBe(true);
    expect(geldigOp(r, '2020-01-01')).toBe(false);
    expect(geldigOp({ validFrom: '2015-01-01' }, '2099-01-01')).toBe(true);
  });

  it('rows of one category that can both match never overlap in time with the same when', () => {
    for (const a of REGELS) {
      for (const b of REGELS) {
        if (
          a === b ||
          a.categorie !== b.categorie ||
          JSON.stringify(a.when) !== JSON.stringify(b.when)
        )
          continue;
        const overlap =
          a.validFrom <= (b.validTo ?? '9999') && b.validFrom <= (a.validTo ?? '9999');
        expect(overlap, `${a.id} / ${b.id}`).toBe(false);
      }
    }
  });
});

describe('financier resolution', () => {
  const ede = { gemeente: 'GM0228', zorgverzekeraar: '7095' };
  it('Wlz: Ede (GM0228) → zorgkantoorregio Arnhem, iWlz 5507', () => {
    expect(bepaalFinancier('Wlz', ede).financier).toEqual({
      soort: 'zorgkantoor',
      code: '5507',
      naam: 'Zorgkantoor Arnhem',
    });
  });
  it('Wlz: Groningen (GM0014) → 5501', () => {
    expect(bepaalFinancier('Wlz', { gemeente: 'GM0014' }).financier?.code).toBe('5501');
  });
  it('Wmo and Jeugdwet: the gemeente by CBS code', () => {
    expect(bepaalFinancier('Wmo', ede).financier).toEqual({
      soort: 'gemeente',
      code: 'GM0228',
      naam: 'Gemeente Ede',
    });
    expect(bepaalFinancier('Jeugdwet', ede).financier?.code).toBe('GM0228');
  });
  it('Zvw: the zorgverzekeraar by UZOVI, also when not in the shipped list', () => {
    expect(bepaalFinancier('Zvw', ede).financier).toEqual({
      soort: 'zorgverzekeraar',
      code: '7095',
      naam: 'VGZ Zorgverzekeraar N.V.',
    });
    expect(bepaalFinancier('Zvw', { zorgverzekeraar: '9999' }).financier?.naam).toBe(
      'Zorgverzekeraar (UZOVI 9999)',
    );
  });
  it('geen: no financier, nothing missing', () => {
    expect(bepaalFinancier('geen', {})).toEqual({ financier: null, ontbrekend: null });
  });
  it('missing facts are named, never guessed', () => {
    expect(bepaalFinancier('Wmo', {}).ontbrekend?.veld).toBe('context.gemeente');
    expect(bepaalFinancier('Wlz', { gemeente: null }).ontbrekend?.veld).toBe('context.gemeente');
    expect(bepaalFinancier('Zvw', { gemeente: 'GM0228' }).ontbrekend?.veld).toBe(
      'context.zorgverzekeraar',
    );
  });
});
