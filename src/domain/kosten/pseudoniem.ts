/**
 * What a coordinator may see of a client (issue 6, point 3): an age band instead of a birth date,
 * and free text cleaned of the client's identifying details. The pseudonym itself is made on the
 * server (it needs the server's secret key).
 */
import { leeftijdOp } from '../model/dates.ts';
import { isIsoDatum } from './datum.ts';
import type { Leeftijdsband } from './model.ts';
import { MAANDNAMEN } from '../model/dates.ts';

/** The age band on `peildatum`; 'onbekend' without a (valid) birth date. */
export function leeftijdsband(geboortedatum: string | undefined, peildatum: string): Leeftijdsband {
  if (!geboortedatum || !isIsoDatum(geboortedatum)) return 'onbekend';
  const leeftijd = leeftijdOp(geboortedatum, peildatum);
  if (leeftijd < 0) return 'onbekend';
  if (leeftijd < 18) return '0-17';
  if (leeftijd < 65) return '18-64';
  if (leeftijd < 75) return '65-74';
  if (leeftijd < 85) return '75-84';
  return '85+';
}

export const WEGGELATEN = '[…]';

/** As written in Dutch: "mrt", "sept" too. */
const MAAND_AFKORTINGEN = [
  'jan',
  'feb',
  'mrt|maa',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sept|sep',
  'okt',
  'nov',
  'dec',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Digits that may be written with spaces, dots or dashes between them (a BSN, a phone number). */
const cijfers = (s: string): string => [...s].join('[\\s.\\-]*');

/** The regex sources that find one identifier in the ways people write it. */
function patronen(identifier: string): string[] {
  const id = identifier.trim();
  if (isIsoDatum(id)) {
    const [y, m, d] = id.split('-') as [string, string, string];
    const dag = `0?${Number(d)}`;
    const maand = `0?${Number(m)}`;
    const naam = MAANDNAMEN[Number(m) - 1]!;
    const kort = MAAND_AFKORTINGEN[Number(m) - 1]!;
    return [
      escape(id),
      `${dag}\\s*[-/.]\\s*${maand}\\s*[-/.]\\s*${y}`,
      `${dag}\\s+(${naam}|${kort}\\.?)\\s+${y}`,
    ];
  }
  const compact = id.replace(/[\s.-]/g, '');
  if (/^\d{4,}$/.test(compact)) return [cijfers(compact)];
  // A postcode: "6711 AB", "6711AB", "6711-ab".
  const postcode = /^(\d{4})\s*-?\s*([a-z]{2})$/i.exec(id);
  if (postcode) return [`${postcode[1]}[\\s-]*${postcode[2]}`];
  // Shorter fragments ("de", a house number) would blank out ordinary words.
  if (id.length < 3) return [];
  return [id.split(/\s+/).map(escape).join('\\s+')];
}

/**
 * Text as it is compared: NFKC (full-width and other compatibility forms become plain letters and
 * digits) without zero-width characters, soft hyphens and other invisible format characters, so
 * "Ja\u200Bn" or "Ｊａｎ" cannot slip a name past the patterns.
 */
export function normaliseer(tekst: string): string {
  return tekst.normalize('NFKC').replace(ONZICHTBAAR, '');
}
// Soft hyphen, zero-width (non-)joiners and spaces, direction marks, word joiner, BOM, and the rest
// of Unicode's format characters (Cf).
const ONZICHTBAAR = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\p{Cf}/gu;

const MAANDEN =
  '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'jan|feb|mrt|maa|apr|jun|jul|aug|sept|sep|okt|nov|dec)';
const NIET_LETTER_VOOR = '(?<![\\p{L}\\p{N}])';
const NIET_LETTER_NA = '(?![\\p{L}\\p{N}])';
const STRAATWOORDEN =
  '(?:straatweg|straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|erf|park|' +
  'markt|veld|wal|baan|ring|boulevard|allee|plantsoen|hoeve|dam|zijde|poort|brink|akker|weide|' +
  'straatje|oord|haven|burcht|polder|kamp|donk|horst|brug)';
const HUISNUMMER =
  '\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-/]\\s?\\d{1,4}|\\s?(?:hs|bis|i{1,3})\\b)?';

/**
 * What identifies anyone, whoever it is about: written the many ways people write it. Each is
 * removed from every override reason, not only the client's own.
 */
const ALGEMEEN: readonly RegExp[] = [
  // E-mail addresses.
  /[\p{L}\p{N}._%+'-]+\s*(?:@|\(at\)|\[at\])\s*[\p{L}\p{N}-]+(?:\s*\.\s*[\p{L}\p{N}-]+)+/giu,
  // Phone numbers (+31 6 1234 5678, 0031-318-123456, (0318) 12 34 56, 06-12345678) and a BSN or
  // any other number of 8 or more digits, with any separators between the digits; first, so a
  // date pattern cannot take a piece out of the middle of one.
  /(?:\+|(?<![\p{L}\p{N}]))\(?\d(?:[\s.\-/()]{0,3}\d){7,}(?![\p{L}\p{N}])/gu,
  // Dates: ISO, d-m-yy(yy) with - / . (spaces allowed), "21 juli 1938", "21 juli", "juli 1938".
  new RegExp(`${NIET_LETTER_VOOR}\\d{4}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{1,2}${NIET_LETTER_NA}`, 'gu'),
  new RegExp(
    `${NIET_LETTER_VOOR}\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*'?\\d{2,4}${NIET_LETTER_NA}`,
    'gu',
  ),
  new RegExp(
    `${NIET_LETTER_VOOR}\\d{1,2}(?:e|ste|de)?\\s*[-.]?\\s*${MAANDEN}\\.?(?:\\s*[-.]?\\s*'?\\d{2,4})?${NIET_LETTER_NA}`,
    'giu',
  ),
  new RegExp(`${NIET_LETTER_VOOR}${MAANDEN}\\.?\\s+'?\\d{2,4}${NIET_LETTER_NA}`, 'giu'),
  // A street with a house number: "Dorpsstraat 5", "Laan van Meerdervoort 12a", "Kerkweg 3-1".
  new RegExp(
    `${NIET_LETTER_VOOR}[\\p{L}'-]+${STRAATWOORDEN}\\s+${HUISNUMMER}${NIET_LETTER_NA}`,
    'giu',
  ),
  new RegExp(
    `${NIET_LETTER_VOOR}(?:laan|weg|plein|kade|pad|dreef|hof)\\s+(?:(?:van|de|der|den|het|op|ten|ter|'t)\\s+)*[\\p{L}'-]+\\s+${HUISNUMMER}${NIET_LETTER_NA}`,
    'giu',
  ),
  // A postcode: "6711 AB", "6711AB", "6711-AB", "6711ab" (lowercase only when written together,
  // so "in 2015 en" stays).
  new RegExp(
    `${NIET_LETTER_VOOR}[1-9]\\d{3}(?:\\s*-?\\s*[A-Z]{2}|[a-z]{2})${NIET_LETTER_NA}`,
    'gu',
  ),
];

/**
 * Cleans free text for a coordinator (issue 6 point 3, issue 12 point 4). After normalisation
 * (`normaliseer`), replaces by "[…]":
 * - every occurrence of the identifiers given (the client's and her naasten's names — also inside
 *   longer words: "Jansens" loses "Jansen" — her BSN, birth date, postcode), case-insensitive;
 * - whatever identifies anyone: e-mail addresses, dates in any Dutch form (`21-7-38`,
 *   `21 juli 1938`, `21 juli`), phone numbers and any number of 8+ digits (a BSN with any
 *   separators), a street with a house number, a postcode.
 * Identifiers shorter than 3 characters (except numbers of 4+ digits) are ignored.
 */
export function schoonTekst(tekst: string, identifiers: readonly string[]): string {
  // Longest first, so "Jan Jansen" goes as one piece before "Jan" and "Jansen" do.
  const bronnen = [
    ...new Set(identifiers.flatMap((i) => (i ? patronen(normaliseer(i)) : []))),
  ].sort((a, b) => b.length - a.length);
  let schoon = normaliseer(tekst);
  // The general patterns first: a name inside an e-mail address would otherwise leave the rest
  // of the address ("[…]@example.nl") for no pattern to find.
  for (const patroon of ALGEMEEN) schoon = schoon.replace(patroon, WEGGELATEN);
  for (const bron of bronnen) schoon = schoon.replace(new RegExp(bron, 'giu'), WEGGELATEN);
  return schoon;
}

/** Common tussenvoegsels: never an identifier on their own. */
const TUSSENVOEGSELS = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'la',
  'le',
  'du',
  'el',
  'al',
  'von',
  'vd',
]);

/**
 * The identifiers of a client to clean text with: the full name, every name part (without bare
 * tussenvoegsels), and the other details given.
 */
export function identificerendeDelen(client: {
  readonly voornaam?: string | null | undefined;
  readonly achternaam?: string | null | undefined;
  readonly overig?: readonly (string | null | undefined)[];
}): string[] {
  const namen = [client.voornaam, client.achternaam].filter((n): n is string => !!n?.trim());
  const delen = new Set<string>();
  if (namen.length === 2) delen.add(`${namen[0]} ${namen[1]}`);
  for (const naam of namen) {
    delen.add(naam.trim());
    for (const woord of naam.split(/[\s-]+/)) {
      if (woord.length >= 3 && !TUSSENVOEGSELS.has(woord.toLowerCase())) delen.add(woord);
    }
  }
  for (const o of client.overig ?? []) if (o?.trim()) delen.add(o.trim());
  return [...delen];
}
