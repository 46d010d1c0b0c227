/**
 * Tariff lookup and the rules of a dated tariff table (issue 6, point 2).
 *
 * A tariff row is keyed by inzet code, domain and financier code (null = the domain's default for
 * every financier). Rows of one key form a series: each new price starts on its `geldigVan` and
 * the previous row ends the day before, so on any date at most one row of a key applies.
 * The price of a month is the price on its first day (one price per line per month).
 */
import { findInzetType } from '../catalog/index.ts';
import { eersteDag, plusDagen } from './datum.ts';
import type { KostenDomein, VolumeEenheid } from './model.ts';
import { VOLUME_EENHEID } from './volume.ts';

/** What the rules read of a tariff row (plain strings: rows from SQL or tests fit too). */
export interface TariefVelden {
  readonly inzetCode: string;
  readonly domein: string;
  readonly financierCode: string | null;
  readonly geldigVan: string;
  readonly geldigTot?: string | undefined;
}
type Sleutel = Pick<TariefVelden, 'inzetCode' | 'domein' | 'financierCode'>;

/** The date whose price applies to a whole month. */
export const prijsDatum = (maand: string): string => eersteDag(maand);

const geldtOp = (t: Pick<TariefVelden, 'geldigVan' | 'geldigTot'>, datum: string): boolean =>
  t.geldigVan <= datum && (t.geldigTot === undefined || datum <= t.geldigTot);

/**
 * The tariff for an inzet paid from `domein` by `financierCode` on `datum`: the financier's own
 * row wins over the domain default. A domain without financier ('geen') has no tariff.
 */
export function zoekTarief<T extends TariefVelden>(
  tarieven: readonly T[],
  inzetCode: string,
  domein: KostenDomein,
  financierCode: string | null,
  datum: string,
): T | undefined {
  if (domein === 'geen') return undefined;
  let specifiek: T | undefined;
  let standaard: T | undefined;
  for (const t of tarieven) {
    if (t.inzetCode !== inzetCode || t.domein !== domein || !geldtOp(t, datum)) continue;
    // Two rows of one key on one date cannot happen in a series; if data says otherwise, the
    // later start wins (it is the newer decision).
    if (t.financierCode === null) {
      if (!standaard || t.geldigVan > standaard.geldigVan) standaard = t;
    } else if (financierCode !== null && t.financierCode === financierCode) {
      if (!specifiek || t.geldigVan > specifiek.geldigVan) specifiek = t;
    }
  }
  return specifiek ?? standaard;
}

/** The key of a tariff series. */
export const tariefSleutel = (t: Sleutel): string =>
  `${t.inzetCode}|${t.domein}|${t.financierCode ?? ''}`;

/** The rows of one series, oldest first. */
export function tariefReeks<T extends TariefVelden>(tarieven: readonly T[], sleutel: Sleutel): T[] {
  const k = tariefSleutel(sleutel);
  return tarieven
    .filter((t) => tariefSleutel(t) === k)
    .sort((a, b) => a.geldigVan.localeCompare(b.geldigVan));
}

export type NieuweTariefReeks<T> =
  | {
      readonly ok: true;
      /** The row that now ends, with the day its price ends; null for a new series. */
      readonly vorige: { readonly tarief: T; readonly geldigTot: string } | null;
    }
  | { readonly ok: false; readonly vorige: T };

/**
 * What adding a price from `geldigVan` to a series means: the latest row ends the day before.
 * Refused when the new price does not start after the latest one (a tariff table is changed by
 * adding later prices, never by rewriting the past).
 */
export function nieuweTariefReeks<T extends TariefVelden>(
  tarieven: readonly T[],
  nieuw: Sleutel & { readonly geldigVan: string },
): NieuweTariefReeks<T> {
  const reeks = tariefReeks(tarieven, nieuw);
  const laatste = reeks.at(-1);
  if (!laatste) return { ok: true, vorige: null };
  if (nieuw.geldigVan <= laatste.geldigVan) return { ok: false, vorige: laatste };
  return { ok: true, vorige: { tarief: laatste, geldigTot: plusDagen(nieuw.geldigVan, -1) } };
}

/** Whether `t` is the latest row of its series (only that row may be withdrawn). */
export function isLaatsteVanReeks<T extends TariefVelden & { id: string }>(
  tarieven: readonly T[],
  t: T,
): boolean {
  return tariefReeks(tarieven, t).at(-1)?.id === t.id;
}

/** The row that becomes current again when the latest row `t` of its series is withdrawn. */
export function vorigeVanReeks<T extends TariefVelden & { id: string }>(
  tarieven: readonly T[],
  t: T,
): T | undefined {
  const reeks = tariefReeks(tarieven, t);
  const i = reeks.findIndex((r) => r.id === t.id);
  return i > 0 ? reeks[i - 1] : undefined;
}

/** The volume unit an inzet type is priced in, from the catalog; undefined for an unknown code. */
export function volumeEenheidVan(inzetCode: string): VolumeEenheid | undefined {
  const type = findInzetType(inzetCode);
  return type ? VOLUME_EENHEID[type.eenheid] : undefined;
}

/** Euro (≤ 2 decimals) to whole cents, without float drift (19.99 → 1999). */
export const naarCent = (euro: number): number => Math.round(euro * 100);
