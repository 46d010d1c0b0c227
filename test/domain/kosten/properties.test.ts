/**
 * Issue 6, point 5: "monthly totals equal the sum of their lines for any generated set of plans",
 * and the verevening pairs add up to the per-financier figures.
 *
 * Rounding, exactly: a line's volume is rounded once to hundredths; an overview volume is the
 * integer sum of its lines' hundredths (so `round(row × 100) = Σ round(line × 100)`, no slack);
 * money is whole cents everywhere, so sums are exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInzetType } from '../../../src/domain/catalog/index.ts';
import { aantalMaanden, datumVan, maandenTussen } from '../../../src/domain/kosten/datum.ts';
import {
  BETAALDE_DOMEINEN,
  DOMEINEN,
  type KostenDomein,
  type KostenRegel,
  type Tarief,
} from '../../../src/domain/kosten/model.ts';
import {
  financierSleutel,
  maakOverzicht,
  zonderTarief,
} from '../../../src/domain/kosten/overzicht.ts';
import { bouwKostenRegels, type KostenPlan } from '../../../src/domain/kosten/regels.ts';
import { maakVerevening } from '../../../src/domain/kosten/verevening.ts';
import { VOLUME_EENHEID } from '../../../src/domain/kosten/volume.ts';
import { bepaalFinancier } from '../../../src/domain/routing/financier.ts';
import { GEMEENTEN } from '../../../src/domain/reference/index.ts';

/** One catalog type per unit, so every volume rule is exercised. */
const CODES = [
  'PV-ADL', // uur/week
  'CM-DEMENTIE', // uur/maand
  'DB-OUDEREN', // dagdeel/week
  'VV-DAGBESTEDING', // rit/week
  'ELV-LAAG', // etmaal
  'KV-LOGEEROPVANG', // etmaal/maand
  'MT-MAALTIJDSERVICE', // maaltijd/week
  'HM-ROLSTOEL', // stuk
  'PA-ALARM', // abonnement
] as const;
const eenheidVan = (code: string) => findInzetType(code)!.eenheid;

const dag = (van: string, tot: string) =>
  fc
    .integer({ min: Date.parse(van) / 86_400_000, max: Date.parse(tot) / 86_400_000 })
    .map((d) => datumVan(d));

const context = fc.record({
  gemeente: fc.option(fc.constantFrom(...GEMEENTEN.slice(0, 40).map((g) => g.cbsCode)), {
    nil: null,
  }),
  zorgverzekeraar: fc.option(fc.constantFrom('7095', '3311', '7119'), { nil: null }),
});

function item(
  ctx: { gemeente: string | null; zorgverzekeraar: string | null },
  domeinen: readonly KostenDomein[],
) {
  return fc
    .record({
      id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5'),
      stap: fc.constantFrom('professioneel', 'professioneel', 'hulpmiddel', 'netwerk'),
      code: fc.constantFrom(...CODES),
      aantal: fc.integer({ min: 0, max: 4000 }).map((n) => n / 100),
      periode: fc.option(
        fc.tuple(
          dag('2024-01-01', '2027-06-30'),
          fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        ),
        { nil: undefined },
      ),
      domein: fc.constantFrom(...domeinen),
      override: fc.option(fc.constantFrom(...domeinen), { nil: undefined }),
    })
    .map((i) => ({
      id: i.id,
      stap: i.stap,
      inzet: {
        code: i.code,
        omvang: { aantal: i.aantal, eenheid: eenheidVan(i.code) },
        ...(i.periode
          ? {
              periode: {
                van: i.periode[0],
                ...(i.periode[1] === undefined
                  ? {}
                  : { tot: datumVan(Date.parse(i.periode[0]) / 86_400_000 + i.periode[1]) }),
              },
            }
          : {}),
      },
      routering: {
        domein: i.domein,
        financier: bepaalFinancier(i.domein, ctx).financier,
        grondslag: 'test',
      },
      ...(i.override
        ? { override: { domein: i.override, reden: 'Afspraak met de gemeente' } }
        : {}),
    }));
}

function plannen(opts: { domeinen: readonly KostenDomein[]; volledigeContext: boolean }) {
  const ctx = opts.volledigeContext
    ? fc.record({
        gemeente: fc.constantFrom('GM0228', 'GM0363', 'GM0344'),
        zorgverzekeraar: fc.constantFrom('7095', '3311'),
      })
    : context;
  return fc.array(
    ctx.chain((c) =>
      fc.record({
        pseudo: fc.record({
          pseudoniem: fc.constantFrom('C-AAAAAAAA', 'C-BBBBBBBB', 'C-CCCCCCCC', 'C-DDDDDDDD'),
          leeftijdsband: fc.constantFrom('18-64' as const, '85+' as const),
          gemeente: fc.constant(null),
        }),
        context: fc.constant(c),
        versies: fc.array(
          fc.record({
            vanaf: dag('2024-06-01', '2027-03-31'),
            versie: fc.integer({ min: 1, max: 5 }),
            items: fc.array(item(c, opts.domeinen), { maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    ),
    { maxLength: 6 },
  ) as fc.Arbitrary<KostenPlan[]>;
}

let id = 0;
const tariefRij = fc
  .record({
    inzetCode: fc.constantFrom(...CODES),
    domein: fc.constantFrom(...BETAALDE_DOMEINEN),
    financierCode: fc.constantFrom(null, null, '7095', 'GM0228'),
    cent: fc.integer({ min: 0, max: 500_000 }),
    geldigVan: dag('2023-01-01', '2027-01-01'),
    duur: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    demo: fc.boolean(),
  })
  .map(
    (t): Tarief =>
      ({
        id: `t${(id += 1)}`,
        inzetCode: t.inzetCode,
        domein: t.domein,
        financierCode: t.financierCode,
        bedrag: t.cent / 100,
        volumeEenheid: VOLUME_EENHEID[eenheidVan(t.inzetCode)],
        geldigVan: t.geldigVan,
        ...(t.duur === undefined
          ? {}
          : { geldigTot: datumVan(Date.parse(t.geldigVan) / 86_400_000 + t.duur) }),
        demo: t.demo,
        bijgewerktOp: '2026-01-01T00:00:00.000Z',
      }) as Tarief,
  );

const maand = fc
  .integer({ min: 0, max: 35 })
  .map((i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const periode = fc
  .tuple(maand, maand)
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

const honderdsten = (v: number) => Math.round(v * 100);
const rijSleutel = (r: Pick<KostenRegel, 'maand' | 'domein' | 'financier'>) =>
  `${r.maand}|${r.domein}|${financierSleutel(r.financier)}`;

/** Per financier: received − paid over the pairs. */
function nettoUitParen(paren: ReturnType<typeof maakVerevening>['paren']): Map<string, number> {
  const netto = new Map<string, number>();
  for (const p of paren) {
    const o = financierSleutel(p.ontvanger);
    const b = financierSleutel(p.betaler);
    netto.set(o, (netto.get(o) ?? 0) + p.bedragCent);
    netto.set(b, (netto.get(b) ?? 0) - p.bedragCent);
  }
  return netto;
}

describe('kosten properties', () => {
  it('every overview number is the exact sum of its lines', () => {
    fc.assert(
      fc.property(
        plannen({ domeinen: DOMEINEN, volledigeContext: false }),
        fc.array(tariefRij, { maxLength: 40 }),
        periode,
        (ps, tarieven, [van, tot]) => {
          const regels = bouwKostenRegels({ plannen: ps, tarieven, van, tot });
          const o = maakOverzicht(regels, van, tot);

          for (const r of regels) {
            expect(r.maand >= van && r.maand <= tot).toBe(true);
            expect(Number.isInteger(r.kostenCent) && r.kostenCent >= 0).toBe(true);
            expect(honderdsten(r.volume)).toBeCloseTo(r.volume * 100, 6);
          }
          // Every line lands in exactly one row.
          expect(o.rijen.reduce((s, r) => s + r.regels, 0)).toBe(regels.length);
          expect(new Set(o.rijen.map(rijSleutel)).size).toBe(o.rijen.length);

          for (const rij of o.rijen) {
            const lijnen = regels.filter((r) => rijSleutel(r) === rijSleutel(rij));
            expect(rij.regels).toBe(lijnen.length);
            expect(rij.kostenCent).toBe(lijnen.reduce((s, r) => s + r.kostenCent, 0));
            expect(rij.clienten).toBe(new Set(lijnen.map((r) => r.pseudoniem)).size);
            expect(rij.zonderTarief).toBe(lijnen.filter(zonderTarief).length);
            const eenheden = new Set(lijnen.map((r) => r.volumeEenheid));
            expect(new Set(Object.keys(rij.volume))).toEqual(eenheden);
            for (const e of eenheden) {
              const som = lijnen
                .filter((r) => r.volumeEenheid === e)
                .reduce((s, r) => s + honderdsten(r.volume), 0);
              expect(honderdsten(rij.volume[e]!)).toBe(som);
            }
          }

          expect(o.perMaand.map((m) => m.maand)).toEqual(maandenTussen(van, tot));
          expect(o.perMaand).toHaveLength(aantalMaanden(van, tot));
          for (const m of o.perMaand) {
            const rijen = o.rijen.filter((r) => r.maand === m.maand);
            expect(m.kostenCent).toBe(rijen.reduce((s, r) => s + r.kostenCent, 0));
            const lijnen = regels.filter((r) => r.maand === m.maand);
            expect(m.clienten).toBe(new Set(lijnen.map((r) => r.pseudoniem)).size);
            expect(m.clienten).toBeLessThanOrEqual(rijen.reduce((s, r) => s + r.clienten, 0));
          }
          expect(o.demoTarieven).toBe(regels.some((r) => r.tarief !== null && r.tariefDemo));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('verevening: per-financier sums match the lines and the pairs net to the moved costs', () => {
    fc.assert(
      fc.property(
        plannen({ domeinen: DOMEINEN, volledigeContext: false }),
        fc.array(tariefRij, { maxLength: 40 }),
        periode,
        (ps, tarieven, [van, tot]) => {
          const regels = bouwKostenRegels({ plannen: ps, tarieven, van, tot });
          const v = maakVerevening(regels, van, tot);
          for (const f of v.perFinancier) {
            const k = financierSleutel(f.financier);
            expect(f.geplandCent).toBe(
              regels
                .filter((r) => financierSleutel(r.financier) === k)
                .reduce((s, r) => s + r.kostenCent, 0),
            );
            expect(f.gerouteerdCent).toBe(
              regels
                .filter((r) => financierSleutel(r.gerouteerdeFinancier) === k)
                .reduce((s, r) => s + r.gerouteerdKostenCent, 0),
            );
            expect(f.verschilCent).toBe(f.geplandCent - f.gerouteerdCent);
          }
          // Settlement moves money between financiers only: it sums to zero.
          const netto = nettoUitParen(v.paren);
          expect([...netto.values()].reduce((s, n) => s + n, 0)).toBe(0);
          // For each financier: received − paid = cost carried for others − cost others carry for it.
          const verplaatst = new Map<string, number>();
          for (const r of regels) {
            if (!r.financier || !r.gerouteerdeFinancier) continue;
            const p = financierSleutel(r.financier);
            const g = financierSleutel(r.gerouteerdeFinancier);
            if (p === g) continue;
            verplaatst.set(p, (verplaatst.get(p) ?? 0) + r.kostenCent);
            verplaatst.set(g, (verplaatst.get(g) ?? 0) - r.kostenCent);
          }
          for (const k of new Set([...netto.keys(), ...verplaatst.keys()])) {
            expect(netto.get(k) ?? 0).toBe(verplaatst.get(k) ?? 0);
          }
          // One row per unordered pair, always a positive amount.
          const paren = v.paren.map((p) =>
            [financierSleutel(p.betaler), financierSleutel(p.ontvanger)].sort().join('|'),
          );
          expect(new Set(paren).size).toBe(paren.length);
          for (const p of v.paren) expect(p.bedragCent).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with one price per inzet for every domain, the pairs settle exactly each verschil', () => {
    fc.assert(
      fc.property(
        plannen({ domeinen: BETAALDE_DOMEINEN, volledigeContext: true }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), {
          minLength: CODES.length,
          maxLength: CODES.length,
        }),
        periode,
        (ps, prijzen, [van, tot]) => {
          const tarieven: Tarief[] = CODES.flatMap((code, i) =>
            BETAALDE_DOMEINEN.map(
              (domein) =>
                ({
                  id: `${code}-${domein}`,
                  inzetCode: code,
                  domein,
                  financierCode: null,
                  bedrag: prijzen[i]! / 100,
                  volumeEenheid: VOLUME_EENHEID[eenheidVan(code)],
                  geldigVan: '2015-01-01',
                  demo: true,
                  bijgewerktOp: '2026-01-01T00:00:00.000Z',
                }) as Tarief,
            ),
          );
          const regels = bouwKostenRegels({ plannen: ps, tarieven, van, tot });
          const v = maakVerevening(regels, van, tot);
          const netto = nettoUitParen(v.paren);
          for (const f of v.perFinancier) {
            expect(netto.get(financierSleutel(f.financier)) ?? 0).toBe(f.verschilCent);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
