/**
 * Who pays within a domain (docs/financiering.md §5):
 * - Wmo and Jeugdwet: the gemeente of the client's BRP address (Wmo art. 2.3.5 lid 1a; Jeugdwet
 *   woonplaatsbeginsel since 2022-01-01, VNG-WPB). For jeugdhulp met verblijf that is the address
 *   just before the verblijf: the context's gemeente is expected to hold that address.
 * - Zvw: the client's zorgverzekeraar (UZOVI).
 * - Wlz: the zorgkantoor of the region the client's gemeente belongs to (iWlz COD001), via the
 *   shipped reference tables (src/domain/reference, dated, sources in BRONNEN.md).
 * A missing gemeente or zorgverzekeraar is never guessed: financier null and the fact named.
 */
import {
  findGemeente,
  findZorgkantoorForGemeente,
  findZorgverzekeraar,
} from '../reference/index.ts';
import type { RoutingContext } from '../model/routing-context.ts';

export type Domein = 'Wlz' | 'Zvw' | 'Wmo' | 'Jeugdwet' | 'geen';
export type FinancierSoort = 'gemeente' | 'zorgverzekeraar' | 'zorgkantoor';

export interface Financier {
  readonly soort: FinancierSoort;
  readonly code: string;
  readonly naam: string;
}

export interface Ontbrekend {
  /** Path of the missing input field, e.g. `context.gemeente`. */
  readonly veld: string;
  /** The question to ask, in Dutch. */
  readonly vraag: string;
}

export const ONTBREKEND_GEMEENTE: Ontbrekend = {
  veld: 'context.gemeente',
  vraag: 'In welke gemeente woont de cliënt (CBS-code)?',
};
export const ONTBREKEND_ZORGVERZEKERAAR: Ontbrekend = {
  veld: 'context.zorgverzekeraar',
  vraag: 'Bij welke zorgverzekeraar is de cliënt verzekerd (UZOVI-code)?',
};

export const FINANCIER_SOORT: Record<Domein, FinancierSoort | null> = {
  Wmo: 'gemeente',
  Jeugdwet: 'gemeente',
  Zvw: 'zorgverzekeraar',
  Wlz: 'zorgkantoor',
  geen: null,
};

export function bepaalFinancier(
  domein: Domein,
  context: Pick<RoutingContext, 'gemeente' | 'zorgverzekeraar'>,
): { financier: Financier | null; ontbrekend: Ontbrekend | null } {
  switch (FINANCIER_SOORT[domein]) {
    case null:
      return { financier: null, ontbrekend: null };
    case 'gemeente': {
      const g = context.gemeente ? findGemeente(context.gemeente) : undefined;
      if (!g) return { financier: null, ontbrekend: ONTBREKEND_GEMEENTE };
      return {
        financier: { soort: 'gemeente', code: g.cbsCode, naam: `Gemeente ${g.naam}` },
        ontbrekend: null,
      };
    }
    case 'zorgkantoor': {
      const regio = context.gemeente ? findZorgkantoorForGemeente(context.gemeente) : undefined;
      if (!regio) return { financier: null, ontbrekend: ONTBREKEND_GEMEENTE };
      return {
        financier: {
          soort: 'zorgkantoor',
          code: regio.iwlzCode,
          naam: `Zorgkantoor ${regio.naamIwlz}`,
        },
        ontbrekend: null,
      };
    }
    case 'zorgverzekeraar': {
      const uzovi = context.zorgverzekeraar;
      if (!uzovi) return { financier: null, ontbrekend: ONTBREKEND_ZORGVERZEKERAAR };
      // The shipped UZOVI list is incomplete (reference/BRONNEN.md): an unlisted code is still the
      // client's insurer, we just cannot name it.
      const naam = findZorgverzekeraar(uzovi)?.naam ?? `Zorgverzekeraar (UZOVI ${uzovi})`;
      return { financier: { soort: 'zorgverzekeraar', code: uzovi, naam }, ontbrekend: null };
    }
  }
}
