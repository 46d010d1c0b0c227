/**
 * Who pays for a plan item, in words, for every screen that shows it (editor, overview, review):
 * always from `geldendeBeslissing`, so an override shows the chosen domain's financier and the
 * routed decision beside it, everywhere the same (issue 11, point 3).
 */
import type { Beslissing, GeldendeBeslissing } from '../../domain/plan/routering.ts';
import { gegevenZorgverzekeraarNaam } from '../../domain/reference/index.ts';
import { nl } from '../i18n/nl.ts';

/**
 * The financier's name, or why there is none. A zorgverzekeraar the shipped list lacks goes by the
 * name given on this device (`zorgverzekeraarNamen`, issue 16 point 4), with its code.
 */
export function financierNaam(
  b: Beslissing,
  zorgverzekeraarNamen?: ReadonlyMap<string, string>,
): string {
  const f = b.financier;
  const gegeven =
    f?.soort === 'zorgverzekeraar'
      ? gegevenZorgverzekeraarNaam(f.code, zorgverzekeraarNamen)
      : undefined;
  if (f && gegeven) return nl.betaler.zorgverzekeraarMetCode(gegeven, f.code);
  if (f) return f.naam;
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
