/**
 * Dutch formatting shared by every screen: dates, money and volumes. One place, so the caseload,
 * the plan, the print, the review and the tariffs say "23 november 2026", "€ 65,00" and
 * "12,5 uur" the same way.
 */
import type { VolumeEenheid } from '../../domain/kosten/model.ts';
import { datumVoluit } from '../../domain/model/kalender.ts';

/** "2026-11-23" → "23 november 2026"; anything else is shown as is. */
export const datumNl = datumVoluit;

/** A `YYYY-MM-DD` value in free text is written out; other text stays as it is. */
export const misschienDatum = (waarde: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(waarde) ? datumVoluit(waarde) : waarde;

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const GETAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const TIJD = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const DAG = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long' });

/** Whole cents → "€ 1.234,50". */
export const euro = (cent: number): string => EURO.format(cent / 100);

/** Euro (a tariff) → "€ 65,00". */
export const euroBedrag = (bedrag: number): string => EURO.format(bedrag);

/** 12.5 → "12,5". */
export const getal = (n: number): string => GETAL.format(n);

/** A moment (ISO time) as people say it: "om 14:05" on the day of `nu`, else "op 22 november om 14:05". */
export function wanneerNl(iso: string, nu: Date): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const tijd = TIJD.format(d);
  return d.toDateString() === nu.toDateString() ? `om ${tijd}` : `op ${DAG.format(d)} om ${tijd}`;
}

const EENHEDEN: Record<VolumeEenheid, readonly [string, string]> = {
  uur: ['uur', 'uur'],
  dagdeel: ['dagdeel', 'dagdelen'],
  rit: ['rit', 'ritten'],
  etmaal: ['etmaal', 'etmalen'],
  maaltijd: ['maaltijd', 'maaltijden'],
  stuk: ['stuk', 'stuks'],
  maand: ['maand', 'maanden'],
};

/** 12.5, 'uur' → "12,5 uur"; 8, 'dagdeel' → "8 dagdelen". */
export function volumeNl(aantal: number, eenheid: VolumeEenheid): string {
  const [enkel, meer] = EENHEDEN[eenheid];
  return `${getal(aantal)} ${aantal === 1 ? enkel : meer}`;
}

/** "per uur", "per dagdeel". */
export const perEenheid = (eenheid: VolumeEenheid): string => `per ${EENHEDEN[eenheid][0]}`;
