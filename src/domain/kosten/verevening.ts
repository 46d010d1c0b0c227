/**
 * Verevening (issue 6, point 4): per financier, the cost it carries as planned versus the cost it
 * would carry had every inzet followed the regular rules, and the net amount to settle between
 * each pair of financiers.
 *
 * - geplandCent: the lines where it is the planned financier, at the planned tariff (kostenCent).
 * - gerouteerdCent: the lines where it is the routed financier, at its own tariff
 *   (gerouteerdKostenCent).
 * - Settlement: for a line whose planned financier differs from the routed one (an override, or a
 *   domeinoverstijgende afspraak), the routed financier owes the planned one what the planned one
 *   actually pays (kostenCent). Per unordered pair the amounts are netted into one row.
 *   A line with no financier on either side (domain 'geen', unknown gemeente) has nobody to
 *   settle with and only shows in the per-financier figures.
 *
 * So, for each financier, (received − paid) over the pairs equals the sum of kostenCent of its
 * overridden-in lines minus that of its overridden-out lines; when tariffs do not differ per
 * domain or financier this is exactly its verschilCent (a property test checks both).
 */
import { financierSleutel } from './overzicht.ts';
import type { KostenFinancier, KostenRegel, Maand, Verevening } from './model.ts';

/** What the verevening reads of a line (a sum of lines of one financier pair fits too). */
export type VereveningRegel = Pick<
  KostenRegel,
  'maand' | 'financier' | 'gerouteerdeFinancier' | 'kostenCent' | 'gerouteerdKostenCent'
>;

export function maakVerevening(
  regels: readonly VereveningRegel[],
  van: Maand,
  tot: Maand,
): Verevening {
  const inPeriode = regels.filter((r) => r.maand >= van && r.maand <= tot);
  const financiers = new Map<string, KostenFinancier>();
  const gepland = new Map<string, number>();
  const gerouteerd = new Map<string, number>();
  /** Directed: key "a→b" = what a owes b. */
  const schuld = new Map<string, number>();
  const plus = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

  for (const r of inPeriode) {
    if (r.financier) {
      const k = financierSleutel(r.financier);
      financiers.set(k, financiers.get(k) ?? r.financier);
      plus(gepland, k, r.kostenCent);
    }
    if (r.gerouteerdeFinancier) {
      const k = financierSleutel(r.gerouteerdeFinancier);
      financiers.set(k, financiers.get(k) ?? r.gerouteerdeFinancier);
      plus(gerouteerd, k, r.gerouteerdKostenCent);
    }
    if (r.financier && r.gerouteerdeFinancier) {
      const ontvanger = financierSleutel(r.financier);
      const betaler = financierSleutel(r.gerouteerdeFinancier);
      if (ontvanger !== betaler && r.kostenCent > 0)
        plus(schuld, `${betaler}→${ontvanger}`, r.kostenCent);
    }
  }

  const perFinancier = [...financiers]
    .map(([k, financier]) => {
      const g = gepland.get(k) ?? 0;
      const r = gerouteerd.get(k) ?? 0;
      return { financier, geplandCent: g, gerouteerdCent: r, verschilCent: g - r };
    })
    .sort(
      (a, b) =>
        a.financier.soort.localeCompare(b.financier.soort) ||
        a.financier.naam.localeCompare(b.financier.naam) ||
        a.financier.code.localeCompare(b.financier.code),
    );

  const paren: Verevening['paren'] = [];
  const gedaan = new Set<string>();
  for (const sleutel of [...schuld.keys()].sort()) {
    const [a, b] = sleutel.split('→') as [string, string];
    const paar = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (gedaan.has(paar)) continue;
    gedaan.add(paar);
    const netto = (schuld.get(`${a}→${b}`) ?? 0) - (schuld.get(`${b}→${a}`) ?? 0);
    if (netto === 0) continue;
    const [betaler, ontvanger] = netto > 0 ? [a, b] : [b, a];
    paren.push({
      betaler: financiers.get(betaler)!,
      ontvanger: financiers.get(ontvanger)!,
      bedragCent: Math.abs(netto),
    });
  }
  paren.sort(
    (x, y) =>
      x.betaler.naam.localeCompare(y.betaler.naam) ||
      x.ontvanger.naam.localeCompare(y.ontvanger.naam),
  );
  return { van, tot, perFinancier, paren };
}
