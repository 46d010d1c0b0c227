/**
 * The coordinator's overview (issue 6, point 3): per month, domain and financier — distinct
 * clients, planned volume per unit, planned cost. Every number is an exact sum of the lines it
 * stands for (volume in whole hundredths, money in whole cents), so a total never drifts from
 * its drill-down; test/domain/kosten/properties.test.ts holds that for any generated plans.
 */
import { maandenTussen } from './datum.ts';
import {
  DOMEINEN,
  type KostenFinancier,
  type KostenRegel,
  type Maand,
  type Overzicht,
  type OverzichtRij,
  type VolumeEenheid,
} from './model.ts';

/** The key of a financier (null: none known). */
export const financierSleutel = (f: KostenFinancier | null): string =>
  f ? `${f.soort}:${f.code}` : '';

/**
 * Whether a line lacks a tariff it should have: a paid domain without price. A line in domain
 * 'geen' costs the financiers nothing by nature and is not counted here.
 */
export const zonderTarief = (r: KostenRegel): boolean => r.tarief === null && r.domein !== 'geen';

const domeinVolgorde = (d: string) => DOMEINEN.indexOf(d as (typeof DOMEINEN)[number]);

/** The order of the overview's rows: month, domain, financier name, financier key. */
export const vergelijkRijen = (
  a: Pick<OverzichtRij, 'maand' | 'domein' | 'financier'>,
  b: Pick<OverzichtRij, 'maand' | 'domein' | 'financier'>,
): number =>
  a.maand.localeCompare(b.maand) ||
  domeinVolgorde(a.domein) - domeinVolgorde(b.domein) ||
  (a.financier?.naam ?? '').localeCompare(b.financier?.naam ?? '') ||
  financierSleutel(a.financier).localeCompare(financierSleutel(b.financier));

export function maakOverzicht(regels: readonly KostenRegel[], van: Maand, tot: Maand): Overzicht {
  const maanden = maandenTussen(van, tot);
  const inPeriode = regels.filter((r) => r.maand >= van && r.maand <= tot);
  type Groep = {
    rij: Omit<OverzichtRij, 'clienten' | 'volume'>;
    clienten: Set<string>;
    volumeH: Map<VolumeEenheid, number>;
  };
  const groepen = new Map<string, Groep>();
  for (const r of inPeriode) {
    const k = `${r.maand}|${r.domein}|${financierSleutel(r.financier)}`;
    let g = groepen.get(k);
    if (!g) {
      g = {
        rij: {
          maand: r.maand,
          domein: r.domein,
          financier: r.financier,
          kostenCent: 0,
          regels: 0,
          zonderTarief: 0,
        },
        clienten: new Set(),
        volumeH: new Map(),
      };
      groepen.set(k, g);
    }
    g.rij.kostenCent += r.kostenCent;
    g.rij.regels += 1;
    if (zonderTarief(r)) g.rij.zonderTarief += 1;
    g.clienten.add(r.pseudoniem);
    g.volumeH.set(
      r.volumeEenheid,
      (g.volumeH.get(r.volumeEenheid) ?? 0) + Math.round(r.volume * 100),
    );
  }
  const rijen: OverzichtRij[] = [...groepen.values()]
    .map((g) => ({
      ...g.rij,
      clienten: g.clienten.size,
      volume: Object.fromEntries([...g.volumeH].map(([e, h]) => [e, h / 100])),
    }))
    .sort(vergelijkRijen);
  // Every month of the period, also an empty one: a chart shows a gap as a zero, not a jump.
  const perMaand = maanden.map((maand) => {
    const vanMaand = inPeriode.filter((r) => r.maand === maand);
    return {
      maand,
      clienten: new Set(vanMaand.map((r) => r.pseudoniem)).size,
      kostenCent: vanMaand.reduce((s, r) => s + r.kostenCent, 0),
    };
  });
  return {
    van,
    tot,
    rijen,
    perMaand,
    demoTarieven: inPeriode.some((r) => r.tarief !== null && r.tariefDemo),
  };
}

/** The lines of one overview cell (the drill-down), optionally filtered. */
export function filterRegels(
  regels: readonly KostenRegel[],
  filter: {
    readonly maand?: Maand | undefined;
    readonly domein?: string | undefined;
    /** A financier code, or 'geen' for lines without financier. */
    readonly financier?: string | undefined;
  },
): KostenRegel[] {
  return regels.filter(
    (r) =>
      (filter.maand === undefined || r.maand === filter.maand) &&
      (filter.domein === undefined || r.domein === filter.domein) &&
      (filter.financier === undefined ||
        (filter.financier === 'geen'
          ? r.financier === null
          : r.financier?.code === filter.financier)),
  );
}
