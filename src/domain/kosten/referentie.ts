/**
 * What the coordinator sees of a routing decision comes from reference data, never from text a
 * device sent (issue 12, point 4): the financier's name is looked up by its code, the grondslag
 * by the rule id in the rule table, the inzet by its catalog code. A stored snapshot is trusted
 * only for its codes.
 */
import { findInzetType } from '../catalog/index.ts';
import { findGemeente, findZorgverzekeraar, ZORGKANTOORREGIOS } from '../reference/index.ts';
import { REGELS } from '../routing/index.ts';
import type { KostenDomein, KostenFinancier } from './model.ts';

const zorgkantoorByIwlz = new Map(ZORGKANTOORREGIOS.map((r) => [r.iwlzCode, r]));

/**
 * The financier with `soort` and `code` as the reference data names it (the same names routing
 * gives); null for a code the reference data does not know (a gemeente or zorgkantoor) or a soort
 * that is not a financier. An unlisted UZOVI code is still an insurer (the shipped list is
 * incomplete, reference/BRONNEN.md) and is named by its code, as routing does.
 */
export function financierUitReferentie(
  f: { readonly soort: string; readonly code: string } | null | undefined,
): KostenFinancier | null {
  if (!f) return null;
  switch (f.soort) {
    case 'gemeente': {
      const g = findGemeente(f.code);
      return g ? { soort: 'gemeente', code: g.cbsCode, naam: `Gemeente ${g.naam}` } : null;
    }
    case 'zorgkantoor': {
      const r = zorgkantoorByIwlz.get(f.code);
      return r
        ? { soort: 'zorgkantoor', code: r.iwlzCode, naam: `Zorgkantoor ${r.naamIwlz}` }
        : null;
    }
    case 'zorgverzekeraar': {
      if (!/^\d{4}$/.test(f.code)) return null;
      const naam = findZorgverzekeraar(f.code)?.naam ?? `Zorgverzekeraar (UZOVI ${f.code})`;
      return { soort: 'zorgverzekeraar', code: f.code, naam };
    }
    default:
      return null;
  }
}

/**
 * The grondslag of rule `regel` as the rule table states it, in the version in force at
 * `regelversie` (else the newest row with that id); null for a rule id the table does not know.
 */
export function grondslagUitRegels(
  regel: string | undefined,
  regelversie?: string | undefined,
): string | null {
  if (!regel) return null;
  const rijen = REGELS.filter((r) => r.id === regel);
  if (rijen.length === 0) return null;
  const geldig = regelversie
    ? rijen.find(
        (r) => r.validFrom <= regelversie && (r.validTo === undefined || regelversie <= r.validTo),
      )
    : undefined;
  return (geldig ?? rijen.at(-1)!).grondslag;
}

/** A routing snapshot as stored (device or server), only its codes trusted. */
export interface OpgeslagenBesluit {
  readonly domein: KostenDomein;
  readonly financier?: { readonly soort: string; readonly code: string } | null | undefined;
  readonly regel?: string | undefined;
  readonly regelversie?: string | undefined;
}

/**
 * The decision as the coordinator sees it: domain from the snapshot, financier and grondslag
 * from the reference data. @returns null when the rule id is unknown (not a decision of ours).
 */
export function besluitUitReferentie(b: OpgeslagenBesluit): {
  domein: KostenDomein;
  financier: KostenFinancier | null;
  grondslag: string;
} | null {
  const grondslag = grondslagUitRegels(b.regel, b.regelversie);
  if (grondslag === null) return null;
  return { domein: b.domein, financier: financierUitReferentie(b.financier), grondslag };
}

/** Whether `code` is an inzet type of the catalog. */
export const isCatalogusCode = (code: string): boolean => findInzetType(code) !== undefined;
