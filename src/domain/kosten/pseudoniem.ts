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
 * Replaces every occurrence of the client's identifiers in `tekst` by "[…]", case-insensitive:
 * names (also inside longer words: "Jansens" loses "Jansen"), a BSN or other number with or
 * without spaces, a postcode with or without space, a birth date as ISO, d-m-yyyy, dd-mm-yyyy
 * (also with / or .) and "3 maart 1941". Used on override reasons, which an arrangeur types freely.
 * Identifiers shorter than 3 characters (except numbers of 4+ digits) are ignored.
 */
export function schoonTekst(tekst: string, identifiers: readonly string[]): string {
  // Longest first, so "Jan Jansen" goes as one piece before "Jan" and "Jansen" do.
  const bronnen = [...new Set(identifiers.flatMap((i) => (i ? patronen(i) : [])))].sort(
    (a, b) => b.length - a.length,
  );
  let schoon = tekst;
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
