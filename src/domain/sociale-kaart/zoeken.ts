/**
 * Searching the sociale kaart, offline and in memory: the catalog has some 40 entries and a device
 * adds at most a few hundred local ones, so a scan per keystroke is well under a millisecond and
 * needs no index in IndexedDB.
 *
 * The rules an arrangeur can rely on (test/domain/sociale-kaart.test.ts):
 * - case and accents do not matter ("cafe" finds "Café");
 * - every typed word must match the start of a word in the naam, wijk, omschrijving or adres
 *   ("maal ede" finds a maaltijdservice in Ede; "steunpunt" does not find "Mantelzorgsteunpunt");
 * - a hyphenated name also matches as one word ("tafeltjedekje");
 * - entries whose naam matches come first, then those whose wijk matches, then the rest.
 */
import { VOORZIENING_CATEGORIEEN, type Voorziening, type VoorzieningCategorie } from './model.ts';

export interface Zoekvraag {
  /** What the arrangeur typed; empty lists everything (in the chosen category). */
  tekst?: string;
  /** Only this category; absent or '' = all categories. */
  categorie?: VoorzieningCategorie | '' | undefined;
}

/** The fields the search reads; catalog and local entries both have them. */
export type Zoekbaar = Pick<Voorziening, 'naam' | 'omschrijving' | 'categorie' | 'wijk' | 'adres'>;

/** Lower-case, accent-free words; a hyphenated word is also kept joined ("dek-je" → dek, je, dekje). */
export function zoekwoorden(tekst: string): string[] {
  const woorden: string[] = [];
  for (const stuk of tekst.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/)) {
    const delen = stuk.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    woorden.push(...delen);
    if (delen.length > 1) woorden.push(delen.join(''));
  }
  return [...new Set(woorden)];
}

interface Index {
  naam: string[];
  wijk: string[];
  overig: string[];
}

// Catalog entries are the same objects on every search, so their words are made once. Local
// entries are new objects after each read; their cache entries go with them (WeakMap).
const indexen = new WeakMap<object, Index>();
function index(v: Zoekbaar): Index {
  let i = indexen.get(v);
  if (!i) {
    i = {
      naam: zoekwoorden(v.naam),
      wijk: zoekwoorden(v.wijk ?? ''),
      overig: zoekwoorden(`${v.omschrijving} ${v.adres ?? ''}`),
    };
    indexen.set(v, i);
  }
  return i;
}

const past = (woorden: readonly string[], w: string) => woorden.some((x) => x.startsWith(w));

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
const categorieVolgorde = (c: VoorzieningCategorie) => VOORZIENING_CATEGORIEEN.indexOf(c);

/**
 * The entries that match, best first. Without text: all entries (of the category), grouped by
 * category in the order of VOORZIENING_CATEGORIEEN and then by naam. Never changes `lijst`.
 */
export function zoekVoorzieningen<V extends Zoekbaar>(lijst: readonly V[], vraag: Zoekvraag): V[] {
  const { categorie } = vraag;
  const inCategorie = categorie ? lijst.filter((v) => v.categorie === categorie) : [...lijst];
  const woorden = zoekwoorden(vraag.tekst ?? '');
  if (woorden.length === 0) {
    return inCategorie.sort(
      (a, b) =>
        categorieVolgorde(a.categorie) - categorieVolgorde(b.categorie) ||
        collator.compare(a.naam, b.naam),
    );
  }

  const treffers: { v: V; inNaam: number; naamBegint: boolean; inWijk: number }[] = [];
  for (const v of inCategorie) {
    const i = index(v);
    let inNaam = 0;
    let inWijk = 0;
    const alles = woorden.every((w) => {
      const n = past(i.naam, w);
      const k = past(i.wijk, w);
      if (n) inNaam += 1;
      if (k) inWijk += 1;
      return n || k || past(i.overig, w);
    });
    if (alles) {
      const [eerste] = woorden;
      const naamBegint = eerste !== undefined && (i.naam[0]?.startsWith(eerste) ?? false);
      treffers.push({ v, inNaam, naamBegint, inWijk });
    }
  }
  // More words in the naam first; then a naam that starts with the first word ("ede" ranks
  // "Ede…" above "Tafeltje-dek-je Ede"); then more words in the wijk; then alphabetical.
  treffers.sort(
    (a, b) =>
      b.inNaam - a.inNaam ||
      Number(b.naamBegint) - Number(a.naamBegint) ||
      b.inWijk - a.inWijk ||
      collator.compare(a.v.naam, b.v.naam),
  );
  return treffers.map((t) => t.v);
}
