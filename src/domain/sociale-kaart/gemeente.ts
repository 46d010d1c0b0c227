/**
 * In which gemeente an entry of the sociale kaart is (issue 11, point 9): the arrangeur sees the
 * offers in her client's gemeente first, and the others marked ("Andere gemeente: Wageningen").
 *
 * An entry has no gemeente field: it is read from the places in its `wijk` ("Ede, Veldhuizen",
 * "Veenendaal en Rhenen") and from the place at the end of its `adres` ("…, 6712 XA Ede"). A place
 * is a gemeente's own name (the shipped CBS list) or a village of a gemeente in the demo region
 * (Bennekom and Lunteren belong to Ede). Words that are no place ("Bezorging aan huis") give no
 * gemeente: such an entry is not marked, and comes after the client's own gemeente.
 */
import { GEMEENTEN } from '../reference/index.ts';
import type { Voorziening } from './model.ts';

/** Villages (woonplaatsen) of the region that are not a gemeente themselves, by CBS code. */
const WOONPLAATSEN: Readonly<Record<string, string>> = {
  bennekom: 'GM0228',
  lunteren: 'GM0228',
  otterlo: 'GM0228',
  ederveen: 'GM0228',
  harskamp: 'GM0228',
  wekerom: 'GM0228',
  'de klomp': 'GM0228',
  voorthuizen: 'GM0203',
  kootwijkerbroek: 'GM0203',
  garderen: 'GM0203',
  oosterbeek: 'GM0274',
};

const normaal = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();

const PLAATS = new Map<string, string>([
  ...GEMEENTEN.map((g) => [normaal(g.naam), g.cbsCode] as const),
  ...Object.entries(WOONPLAATSEN),
]);

const NAAM = new Map(GEMEENTEN.map((g) => [g.cbsCode, g.naam]));

/** The place names in a wijk ("Ede, Bennekom en Lunteren") or at the end of an adres. */
function plaatsen(v: Pick<Voorziening, 'wijk' | 'adres'>): string[] {
  const uit: string[] = [];
  if (v.wijk) uit.push(...v.wijk.split(/,|\ben\b/));
  if (v.adres) {
    const laatste = v.adres.split(',').at(-1) ?? '';
    uit.push(laatste.replace(/^\s*\d{4}\s?[A-Za-z]{2}\s+/, ''));
  }
  return uit.map(normaal).filter((p) => p !== '');
}

const cache = new WeakMap<object, readonly string[]>();

/** CBS codes of the gemeenten an entry is in or serves; empty when its text names none. */
export function gemeentenVan(v: Pick<Voorziening, 'wijk' | 'adres'>): readonly string[] {
  const eerder = cache.get(v);
  if (eerder) return eerder;
  const codes = [...new Set(plaatsen(v).flatMap((p) => (PLAATS.has(p) ? [PLAATS.get(p)!] : [])))];
  cache.set(v, codes);
  return codes;
}

/**
 * The names of the other gemeente(n) when an entry is not in the client's gemeente (to mark it),
 * else null: also when the entry names no gemeente, or the client's gemeente is unknown.
 */
export function andereGemeente(
  v: Pick<Voorziening, 'wijk' | 'adres'>,
  gemeente: string | null | undefined,
): string | null {
  if (!gemeente) return null;
  const codes = gemeentenVan(v);
  if (codes.length === 0 || codes.includes(gemeente)) return null;
  return codes.map((c) => NAAM.get(c) ?? c).join(' en ');
}

/**
 * The same entries, those in the client's gemeente first, then those that name no gemeente, then
 * the others; within each group the order of `lijst` (the search's ranking) is kept.
 */
export function eersteInGemeente<V extends Pick<Voorziening, 'wijk' | 'adres'>>(
  lijst: readonly V[],
  gemeente: string | null | undefined,
): V[] {
  if (!gemeente) return [...lijst];
  const groep = (v: V) => {
    const codes = gemeentenVan(v);
    return codes.includes(gemeente) ? 0 : codes.length === 0 ? 1 : 2;
  };
  return lijst
    .map((v, i) => ({ v, i, g: groep(v) }))
    .sort((a, b) => a.g - b.g || a.i - b.i)
    .map((x) => x.v);
}
