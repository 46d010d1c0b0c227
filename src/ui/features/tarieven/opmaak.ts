import { findInzetType } from '../../../domain/catalog/index.ts';
import type { Tarief } from '../../../domain/kosten/model.ts';
import {
  ZORGKANTOORREGIOS,
  findGemeente,
  findZorgverzekeraar,
} from '../../../domain/reference/index.ts';

export { euroBedrag, perEenheid } from '../../lib/opmaak.ts';

export const inzetLabel = (code: string): string => findInzetType(code)?.label ?? code;

/** The financier's name from its code and domain (as routing names it); null is "alle". */
export function financierNaam(domein: Tarief['domein'], code: string | null): string {
  if (code === null) return `Alle (standaard ${domein})`;
  if (domein === 'Wmo' || domein === 'Jeugdwet') {
    const g = findGemeente(code);
    return g ? `Gemeente ${g.naam}` : `Gemeente (code ${code})`;
  }
  if (domein === 'Zvw') return findZorgverzekeraar(code)?.naam ?? `Zorgverzekeraar (UZOVI ${code})`;
  const regio = ZORGKANTOORREGIOS.find((r) => r.iwlzCode === code);
  return regio ? `Zorgkantoor ${regio.naamIwlz}` : `Zorgkantoor (code ${code})`;
}

/** "65,50" or "1.234,5" or "65.50" → number; '' → undefined (the schema says "Vul een bedrag in"). */
export function tekstNaarBedrag(tekst: unknown): unknown {
  if (typeof tekst !== 'string') return tekst;
  const schoon = tekst.replace(/[€\s]/g, '');
  if (schoon === '') return undefined;
  const genormaliseerd = schoon.includes(',')
    ? schoon.replace(/\./g, '').replace(',', '.')
    : schoon;
  return /^-?\d+(\.\d+)?$/.test(genormaliseerd) ? Number(genormaliseerd) : Number.NaN;
}

/** 65.5 → "65,50" for the input. */
export const bedragAlsTekst = (n: number): string =>
  n.toLocaleString('nl-NL', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  });
