/**
 * Public reference data shipped with the app (no network needed): gemeenten with CBS code and
 * zorgkantoorregio, zorgkantoorregio's with their iWlz code, zorgverzekeraars with UZOVI code.
 * Sources, dates and known doubts: ./BRONNEN.md.
 */
import { GEMEENTEN_RIJEN } from './gemeenten.data.ts';
import { ZORGKANTOORREGIOS } from './zorgkantoren.data.ts';
import { ZORGVERZEKERAARS } from './zorgverzekeraars.data.ts';

export { GEMEENTEN_PEILDATUM } from './gemeenten.data.ts';
export { ZORGKANTOORREGIOS, ZORGVERZEKERAARS };

export interface Gemeente {
  readonly cbsCode: string;
  readonly naam: string;
  readonly provincie: string;
  readonly zorgkantoorregioCode: string;
}

export const GEMEENTEN: readonly Gemeente[] = GEMEENTEN_RIJEN.map(
  ([cbsCode, naam, provincie, zorgkantoorregioCode]) => ({
    cbsCode,
    naam,
    provincie,
    zorgkantoorregioCode,
  }),
);

const gemeenteByCode = new Map(GEMEENTEN.map((g) => [g.cbsCode, g]));
const regioByCbs = new Map(ZORGKANTOORREGIOS.map((r) => [r.cbsCode, r]));
const verzekeraarByUzovi = new Map(ZORGVERZEKERAARS.map((v) => [v.uzovi, v]));

export function findGemeente(cbsCode: string): Gemeente | undefined {
  return gemeenteByCode.get(cbsCode);
}

export function findZorgverzekeraar(uzovi: string) {
  return verzekeraarByUzovi.get(uzovi);
}

/**
 * The name the organisation gave a UZOVI code the shipped list lacks (`gegeven`: code → name, the
 * synced zorgverzekeraar records; issue 16, point 4). A listed code has none: it keeps the list's
 * name whatever was given.
 */
export function gegevenZorgverzekeraarNaam(
  uzovi: string,
  gegeven: ReadonlyMap<string, string> | undefined,
): string | undefined {
  return findZorgverzekeraar(uzovi) ? undefined : gegeven?.get(uzovi);
}

/** The zorgkantoor (iWlz COD001 code) of the region the gemeente belongs to. */
export function findZorgkantoorForGemeente(cbsCode: string) {
  const gemeente = gemeenteByCode.get(cbsCode);
  return gemeente ? regioByCbs.get(gemeente.zorgkantoorregioCode) : undefined;
}
