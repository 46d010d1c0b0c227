/**
 * Planned volume per month (issue 6, point 2: "price planned volume"). A plan states omvang in
 * catalog units (`uur/week`, `etmaal/maand`, `stuk`, …); a coordinator counts per month in
 * volume units (uur, etmaal, stuk, …). The rules, per kind of unit:
 *
 * - per week (`uur/week`, `dagdeel/week`, `rit/week`, `maaltijd/week`): aantal × (days of the
 *   periode in that month) / 7 — a week is seven days, whatever the month;
 * - per month (`uur/maand`, `etmaal/maand`, `abonnement` → maand): aantal × (days of the periode
 *   in that month) / (days in that month) — a part month is paid pro rata;
 * - one-off (`stuk`, `etmaal`): the full aantal, in the month the periode starts.
 *
 * Volumes are kept as whole hundredths (`…Honderdsten`), so a line shows 2 decimals and a total
 * is an exact integer sum of its lines, never a sum of rounded floats.
 */
import type { Eenheid } from '../catalog/index.ts';
import { dagenInMaand, dagnummer, eersteDag, laatsteDag, maandVan } from './datum.ts';
import type { VolumeEenheid } from './model.ts';

export const VOLUME_EENHEID: Record<Eenheid, VolumeEenheid> = {
  'uur/week': 'uur',
  'uur/maand': 'uur',
  'dagdeel/week': 'dagdeel',
  'rit/week': 'rit',
  etmaal: 'etmaal',
  'etmaal/maand': 'etmaal',
  'maaltijd/week': 'maaltijd',
  stuk: 'stuk',
  abonnement: 'maand',
};

export type Ritme = 'week' | 'maand' | 'eenmalig';

export const RITME: Record<Eenheid, Ritme> = {
  'uur/week': 'week',
  'uur/maand': 'maand',
  'dagdeel/week': 'week',
  'rit/week': 'week',
  etmaal: 'eenmalig',
  'etmaal/maand': 'maand',
  'maaltijd/week': 'week',
  stuk: 'eenmalig',
  abonnement: 'maand',
};

export const isEenheid = (e: string): e is Eenheid => Object.hasOwn(VOLUME_EENHEID, e);

export interface Omvang {
  readonly aantal: number;
  readonly eenheid: Eenheid;
}

/** A span of days, both ends inclusive; `tot` absent = open ended. */
export interface Periode {
  readonly van: string;
  readonly tot?: string | undefined;
}

/** Days of `periode` that fall in `maand` (0 when they do not meet). */
export function dagenInPeriode(periode: Periode, maand: string): number {
  const start = Math.max(dagnummer(periode.van), dagnummer(eersteDag(maand)));
  const eind = Math.min(
    periode.tot === undefined ? Number.POSITIVE_INFINITY : dagnummer(periode.tot),
    dagnummer(laatsteDag(maand)),
  );
  return eind >= start ? eind - start + 1 : 0;
}

/** Planned volume in `maand`, in whole hundredths of the volume unit. */
export function volumeHonderdsten(omvang: Omvang, periode: Periode, maand: string): number {
  const aantal = Math.max(0, omvang.aantal);
  switch (RITME[omvang.eenheid]) {
    case 'week':
      return Math.round((aantal * 100 * dagenInPeriode(periode, maand)) / 7);
    case 'maand':
      return Math.round((aantal * 100 * dagenInPeriode(periode, maand)) / dagenInMaand(maand));
    case 'eenmalig':
      // An empty periode (tot before van) starts nothing.
      if (periode.tot !== undefined && periode.tot < periode.van) return 0;
      return maandVan(periode.van) === maand ? Math.round(aantal * 100) : 0;
  }
}

/** Planned volume in `maand`, rounded to 2 decimals. */
export function volumeInMaand(omvang: Omvang, periode: Periode, maand: string): number {
  return volumeHonderdsten(omvang, periode, maand) / 100;
}
