/** Dutch formatting of the coordinator's numbers, months, units and financiers. */
import type {
  KostenDomein,
  KostenFinancier,
  Maand,
  VolumeEenheid,
} from '../../../domain/kosten/model.ts';
import { MAANDNAMEN as MAANDEN } from '../../../domain/model/dates.ts';

import { euro, euroBedrag, getal, perEenheid, volumeNl } from '../../lib/opmaak.ts';

// Money, numbers and volumes the way every screen writes them (ui/lib/opmaak.ts).
export { euro, euroBedrag, getal, perEenheid, volumeNl };

/** "2026-03" → "maart 2026". */
export function maandNl(maand: Maand): string {
  const [jaar, m] = maand.split('-');
  return `${MAANDEN[Number(m) - 1] ?? m} ${jaar}`;
}

/** "2026-03" → "mrt 2026" for the chart's axis. */
export function maandKort(maand: Maand): string {
  const [jaar, m] = maand.split('-');
  const kort = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  return `${kort[Number(m) - 1] ?? m} ${jaar}`;
}

/** The months from `van` to `tot` inclusive. */
export function maandenTussen(van: Maand, tot: Maand): Maand[] {
  const uit: Maand[] = [];
  let [j, m] = van.split('-').map(Number) as [number, number];
  const [tj, tm] = tot.split('-').map(Number) as [number, number];
  while (j < tj || (j === tj && m <= tm)) {
    uit.push(`${j}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      j += 1;
    }
  }
  return uit;
}

/** The default period: the 12 months ending with the month of `nu`. */
export function standaardPeriode(nu: Date = new Date()): { van: Maand; tot: Maand } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const tot = `${nu.getFullYear()}-${pad(nu.getMonth() + 1)}`;
  const begin = new Date(nu.getFullYear(), nu.getMonth() - 11, 1);
  return { van: `${begin.getFullYear()}-${pad(begin.getMonth() + 1)}`, tot };
}

/** The volume of an overview row: units differ per inzet, so each is shown on its own. */
export function volumesNl(volume: Partial<Record<VolumeEenheid, number>>): string {
  const delen = (Object.entries(volume) as [VolumeEenheid, number][])
    .filter(([, n]) => n > 0)
    .map(([e, n]) => volumeNl(n, e));
  return delen.length ? delen.join(' · ') : '—';
}

export const DOMEIN_LABEL: Record<KostenDomein, string> = {
  Wlz: 'Wlz',
  Zvw: 'Zvw',
  Wmo: 'Wmo',
  Jeugdwet: 'Jeugdwet',
  geen: 'Geen domein',
};

/**
 * Colours of the domains in the chart: the Okabe–Ito palette, told apart also by people with a
 * colour vision deficiency, each with at least 3:1 contrast against white.
 */
export const DOMEIN_KLEUR: Record<KostenDomein, string> = {
  Wlz: '#0b5394',
  Zvw: '#b35900',
  Wmo: '#007a5a',
  Jeugdwet: '#a3487f',
  geen: '#6b6b6b',
};

export const financierNl = (f: KostenFinancier | null): string => f?.naam ?? 'Geen financier';

/** "Wmo · Gemeente Utrecht". */
export const domeinFinancier = (d: KostenDomein, f: KostenFinancier | null): string =>
  `${DOMEIN_LABEL[d]} · ${financierNl(f)}`;
