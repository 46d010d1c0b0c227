/**
 * Who pays for a plan item, in words, for every screen that shows it (editor, overview, review):
 * always from `geldendeBeslissing`, so an override shows the chosen domain's financier and the
 * routed decision beside it, everywhere the same (issue 11, point 3).
 */
import type { Beslissing, GeldendeBeslissing } from '../../domain/plan/routering.ts';
import { nl } from '../i18n/nl.ts';

/** The financier's name, or why there is none. */
export function financierNaam(b: Beslissing): string {
  if (b.financier) return b.financier.naam;
  return b.domein === 'geen' ? nl.plan.geenFinancier : nl.plan.financierOnbekend;
}

/** "Wmo — Gemeente Ede". */
export function betalerKort(b: Beslissing): string {
  return nl.betaler.kort(nl.plan.domeinNaam[b.domein], financierNaam(b));
}

/** "Volgens de routering: Zvw — CZ" when the arrangeur chose another domain, else null. */
export function naastRoutering(g: GeldendeBeslissing): string | null {
  return g.gerouteerd ? nl.betaler.volgensRoutering(betalerKort(g.gerouteerd)) : null;
}
