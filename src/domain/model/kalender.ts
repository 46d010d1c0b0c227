/**
 * The one date toolkit (issue 15.5): Dutch month names, real dates, ages, "today" in
 * Europe/Amsterdam, day arithmetic and dates written out. Pure — "now" is always passed in — and
 * free of zod, so the first paint can use it (issue 13.6); the `isoDateSchema` gate lives beside it
 * in dates.ts, which re-exports all of this.
 */
/** Dutch month names, January first: for dates written out in full (and recognised in free text). */
export const MAANDNAMEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole years between birth date and peildatum (both ISO dates). Pure: the caller passes the date. */
export function leeftijdOp(geboortedatum: string, peildatum: string): number {
  const [gy, gm, gd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [py, pm, pd] = peildatum.split('-').map(Number) as [number, number, number];
  let jaren = py - gy;
  if (pm < gm || (pm === gm && pd < gd)) jaren -= 1;
  return jaren;
}

// ---------------------------------------------------------------------------------------------
// The one date toolkit. Pure: "now" is always passed in; the edge (ui/server) reads one clock.

/** The time zone every calendar day in Arrangeur is counted in. */
export const TIJDZONE = 'Europe/Amsterdam';

// Made once: building an Intl formatter costs about a millisecond, too much per autosave.
const NL_DAG = new Intl.DateTimeFormat('sv-SE', { timeZone: TIJDZONE });

/** Today in the Netherlands as `YYYY-MM-DD` at moment `nu` (at 00:30 there it is already tomorrow). */
export function vandaagIn(nu: Date): string {
  return NL_DAG.format(nu);
}

const MS_PER_DAG = 86_400_000;

/** Day number of an ISO date (UTC days since the epoch, so no summer time can shift a day). */
export function dagnummer(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAG);
}

/** ISO date of a day number. */
export function datumVan(dag: number): string {
  return new Date(dag * MS_PER_DAG).toISOString().slice(0, 10);
}

/** ISO date `dagen` days after `iso` (negative: before). */
export function plusDagen(iso: string, dagen: number): string {
  return datumVan(dagnummer(iso) + dagen);
}

/** "2026-11-23" → "23 november 2026", as people write it; anything else is shown as is. */
export function datumVoluit(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MAANDNAMEN[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
