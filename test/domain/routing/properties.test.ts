import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INZET_CATALOGUS } from '../../../src/domain/catalog/index.ts';
import { GEMEENTEN } from '../../../src/domain/reference/index.ts';
import { REGELS, safeRouteInzet } from '../../../src/domain/routing/index.ts';

const datum = (van: number, tot: number) =>
  fc
    .integer({ min: Date.UTC(van, 0, 1) / 86_400_000, max: Date.UTC(tot, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

const optioneel = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const wlzIndicatie = fc.record({
  zorgprofiel: fc.constantFrom('VV-4', 'VV-5', 'VG', 'LG', 'GGZ-W', 'LVG'),
  leveringsvorm: fc.constantFrom('verblijf', 'vpt', 'mpt', 'pgb', null),
  behandeling: fc.boolean(),
  geldigVan: datum(2015, 2030),
});

const context = fc.record({
  geboortedatum: datum(1920, 2014),
  woonsituatie: fc.constantFrom('thuis', 'instelling'),
  wlzIndicatie: fc.oneof(fc.constant(null), fc.constant('onbekend'), wlzIndicatie),
  gemeente: optioneel(fc.constantFrom(...GEMEENTEN.map((g) => g.cbsCode))),
  zorgverzekeraar: optioneel(fc.constantFrom('7095', '3311', '7119', '1234')),
  intensieveKindzorg: optioneel(fc.boolean()),
});

const inzet = fc.record({
  code: fc.constantFrom(...INZET_CATALOGUS.map((i) => i.code)),
  verzorgingsaard: optioneel(fc.constantFrom('geneeskundig', 'begeleidend')),
  msvt: optioneel(fc.boolean()),
  medischeIndicatie: optioneel(fc.boolean()),
  verwachteDuurWeken: optioneel(fc.integer({ min: 1, max: 200 })),
  voorafgaandeZiekenhuisopname: optioneel(fc.boolean()),
  deelVanWijkverpleging: optioneel(fc.boolean()),
});

const peildatum = datum(2015, 2030);
const regelById = new Map(REGELS.map((r) => [r.id, r]));

describe('routing properties', () => {
  it('is total: every valid input routes, with a non-empty uitleg and grondslag', () => {
    fc.assert(
      fc.property(context, inzet, peildatum, (c, i, p) => {
        fc.pre(c.geboortedatum <= p);
        const u = safeRouteInzet(c, i, p);
        expect(u.ok, u.ok ? '' : u.fout).toBe(true);
        if (!u.ok) return;
        expect(u.besluit.uitleg.trim()).not.toBe('');
        expect(u.besluit.grondslag.trim()).not.toBe('');
        expect(u.besluit.bron.length).toBeGreaterThan(0);
        // zeker only when nothing is missing; missing facts always mean zeker: false.
        if (u.besluit.ontbrekend.length > 0) expect(u.besluit.zeker).toBe(false);
        // The financier follows the domain, or its absence is named.
        if (u.besluit.domein === 'geen') expect(u.besluit.financier).toBeNull();
        else if (!u.besluit.financier) expect(u.besluit.ontbrekend.length).toBeGreaterThan(0);
        // Every Wlz decision for a client with an indicatie names the CIZ-indicatie.
        if (u.besluit.domein === 'Wlz' && u.besluit.situatie.startsWith('wlz-')) {
          expect(u.besluit.voorwaarden.map((v) => v.code)).toContain('ciz-indicatie');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: the same input gives the same decision', () => {
    fc.assert(
      fc.property(context, inzet, peildatum, (c, i, p) => {
        fc.pre(c.geboortedatum <= p);
        expect(safeRouteInzet(structuredClone(c), structuredClone(i), p)).toEqual(
          safeRouteInzet(c, i, p),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('Wlz with verblijf ⇒ never Wmo or Zvw, except the listed exceptions (E1–E6, P1 algemene voorzieningen)', () => {
    fc.assert(
      fc.property(context, inzet, wlzIndicatie, peildatum, (c, i, w, p) => {
        fc.pre(c.geboortedatum <= p && w.geldigVan <= p);
        const u = safeRouteInzet({ ...c, wlzIndicatie: { ...w, leveringsvorm: 'verblijf' } }, i, p);
        expect(u.ok).toBe(true);
        if (!u.ok) return;
        // Wlz art. 3.2.1 closes some grounds (GGZ-W before 2021 and for minors, LVG for minors):
        // such an indicatie does not count and the zorgprofiel is named as the fact to check.
        if (u.besluit.ontbrekend.some((o) => o.veld === 'context.wlzIndicatie.zorgprofiel')) {
          expect(['GGZ-W', 'LVG']).toContain(w.zorgprofiel);
          expect(u.besluit.situatie).not.toBe('wlz-verblijf');
          return;
        }
        expect(u.besluit.situatie).toBe('wlz-verblijf');
        if (u.besluit.domein === 'Wmo' || u.besluit.domein === 'Zvw') {
          expect(regelById.get(u.besluit.regel)?.uitzondering, u.besluit.regel).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('Wlz at home ⇒ woningaanpassing is always Wmo (E1)', () => {
    fc.assert(
      fc.property(
        context,
        wlzIndicatie,
        peildatum,
        fc.constantFrom('WA-TRAPLIFT', 'WA-BADKAMER', 'WA-DREMPELS', 'WA-TILLIFT'),
        (c, w, p, code) => {
          fc.pre(c.geboortedatum <= p && w.geldigVan <= p);
          const leveringsvorm = (['vpt', 'mpt', 'pgb', null] as const)[p.charCodeAt(9) % 4]!;
          const u = safeRouteInzet({ ...c, wlzIndicatie: { ...w, leveringsvorm } }, { code }, p);
          expect(u.ok && u.besluit.domein).toBe('Wmo');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('eigen kracht and netwerk ⇒ geen, whoever the client is', () => {
    fc.assert(
      fc.property(
        context,
        peildatum,
        fc.constantFrom('IH-NETWERK', 'IH-VRIJWILLIGER', 'IH-HUISGENOOT', 'IH-ZELF'),
        (c, p, code) => {
          fc.pre(c.geboortedatum <= p);
          const u = safeRouteInzet(c, { code }, p);
          expect(u.ok && u.besluit.domein).toBe('geen');
        },
      ),
      { numRuns: 300 },
    );
  });
});
