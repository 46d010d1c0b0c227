/**
 * Calendar arithmetic for the cost rules, on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`).
 * Day numbers are days since 1970-01-01 in UTC, so no time zone or summer time can shift a day.
 * Pure: no clock is read here.
 */

import { dagnummer, datumVan, plusDagen } from '../model/dates.ts';

export { dagnummer, datumVan, plusDagen };

/** The month an ISO date falls in. */
export const maandVan = (iso: string): string => iso.slice(0, 7);

/** First day of a month `YYYY-MM`. */
export const eersteDag = (maand: string): string => `${maand}-01`;

export function dagenInMaand(maand: string): number {
  const [y, m] = maand.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Last day of a month `YYYY-MM`. */
export const laatsteDag = (maand: string): string =>
  `${maand}-${String(dagenInMaand(maand)).padStart(2, '0')}`;

/** The month after `maand`. */
export function volgendeMaand(maand: string): string {
  const [y, m] = maand.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `van` to `tot` inclusive (empty when van > tot). */
export function maandenTussen(van: string, tot: string): string[] {
  const maanden: string[] = [];
  for (let m = van; m <= tot; m = volgendeMaand(m)) maanden.push(m);
  return maanden;
}

/** Number of months from `van` to `tot` inclusive. */
export function aantalMaanden(van: string, tot: string): number {
  const [vy, vm] = van.split('-').map(Number) as [number, number];
  const [ty, tm] = tot.split('-').map(Number) as [number, number];
  return (ty - vy) * 12 + (tm - vm) + 1;
}

/** Whether a string is a real ISO date (`2026-02-30` is not). */
export function isIsoDatum(v: string | null | undefined): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  return datumVan(dagnummer(v)) === v;
}
