/**
 * Import of an existing caseload (issue 14, point 3): the rows of a `;`-separated file (the Excel
 * export nurses keep), checked row by row before anything is stored. Pure: the caller parses the
 * file (Papaparse, header row) and passes today's date; this module names, per row, in plain
 * Dutch what is wrong, and turns a good row into the client fields the client form would store.
 *
 * Columns (header names are matched without case, spaces, `-` or `_`; order is free; other columns
 * are ignored and named in `onbekendeKolommen`): see IMPORT_KOLOMMEN and docs/beheer.md.
 *
 * A client is the same client (re-import changes nothing) when the BSN matches, or, for a row or a
 * stored client without BSN, when voornaam, achternaam and geboortedatum match (importSleutels).
 */
import { clientInvoerSchema, type ClientGegevens } from '../model/client.ts';
import { isRealDate } from '../model/dates.ts';
import { heeftOngeldigeTekens } from '../model/tekst.ts';
import { GEMEENTEN, findGemeente, findZorgverzekeraar } from '../reference/index.ts';

export interface ImportKolom {
  readonly naam: string;
  readonly verplicht: boolean;
  /** Other header names that mean the same (Excel exports differ). */
  readonly ookAls: readonly string[];
  /** Plain Dutch, for the screen and docs/beheer.md. */
  readonly uitleg: string;
}

export const IMPORT_KOLOMMEN: readonly ImportKolom[] = [
  { naam: 'voornaam', verplicht: true, ookAls: [], uitleg: 'Voornaam van de cliënt.' },
  {
    naam: 'achternaam',
    verplicht: true,
    ookAls: ['naam', 'familienaam'],
    uitleg: 'Achternaam, met tussenvoegsel (bijvoorbeeld "de Vries").',
  },
  {
    naam: 'geboortedatum',
    verplicht: true,
    ookAls: ['geboren'],
    uitleg: 'Als dd-mm-jjjj (12-03-1941) of jjjj-mm-dd (1941-03-12).',
  },
  {
    naam: 'bsn',
    verplicht: false,
    ookAls: ['burgerservicenummer'],
    uitleg: '9 cijfers; moet de elfproef halen. Leeg mag.',
  },
  { naam: 'postcode', verplicht: true, ookAls: [], uitleg: 'Bijvoorbeeld 6711 AB.' },
  { naam: 'huisnummer', verplicht: true, ookAls: [], uitleg: 'Bijvoorbeeld 12 of 12a.' },
  {
    naam: 'gemeente',
    verplicht: true,
    ookAls: ['woonplaats gemeente'],
    uitleg: 'Naam van de gemeente (Ede) of de CBS-code (GM0228).',
  },
  {
    naam: 'zorgverzekeraar',
    verplicht: false,
    ookAls: ['uzovi'],
    uitleg: 'UZOVI-code van 4 cijfers (bijvoorbeeld 3311). Leeg mag.',
  },
  { naam: 'huisarts', verplicht: false, ookAls: [], uitleg: 'Naam van de huisarts. Leeg mag.' },
];

/** At most this many rows per file: a caseload, not a population register. */
export const IMPORT_MAX_RIJEN = 2000;

const normKop = (k: string): string => k.toLowerCase().replace(/[\s_-]/g, '');
const normNaam = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const KOP_NAAR_KOLOM = new Map<string, string>(
  IMPORT_KOLOMMEN.flatMap((k) => [k.naam, ...k.ookAls].map((n) => [normKop(n), k.naam] as const)),
);

const GEMEENTE_OP_NAAM = new Map(GEMEENTEN.map((g) => [normNaam(g.naam), g]));

/** The CBS code for a gemeente name (case, accents and spaces ignored) or a CBS code itself. */
export function gemeenteCode(invoer: string): string | undefined {
  const t = invoer.trim();
  const code = /^gm\d{4}$/i.test(t) ? t.toUpperCase() : null;
  if (code) return findGemeente(code)?.cbsCode;
  return GEMEENTE_OP_NAAM.get(normNaam(t))?.cbsCode;
}

/** `dd-mm-jjjj`, `d-m-jjjj` (also with `/` or `.`) or `jjjj-mm-dd` → `jjjj-mm-dd`; else null. */
export function leesDatum(invoer: string): string | null {
  const t = invoer.trim();
  let j: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (iso) [, j, m, d] = iso as unknown as [string, string, string, string];
  else if (nl) [, d, m, j] = nl as unknown as [string, string, string, string];
  else return null;
  const datum = `${j}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isRealDate(datum) ? datum : null;
}

export interface ImportRijGoed {
  readonly regel: number;
  readonly ok: true;
  readonly client: ClientGegevens;
}
export interface ImportRijFout {
  readonly regel: number;
  readonly ok: false;
  /** Plain Dutch, one per problem, each starting with the column it is about. */
  readonly fouten: readonly string[];
}
export type ImportRij = ImportRijGoed | ImportRijFout;

export interface ImportControle {
  readonly rijen: readonly ImportRij[];
  /** Header names that are not a known column (ignored; shown so a typo is noticed). */
  readonly onbekendeKolommen: readonly string[];
  /** Required columns missing from the header: then every row fails. */
  readonly ontbrekendeKolommen: readonly string[];
}

/** Keys under which a client is "the same client" for a re-import (see the module comment). */
export function importSleutels(c: {
  readonly voornaam: string;
  readonly achternaam: string;
  readonly geboortedatum: string;
  readonly bsn?: string | null | undefined;
}): string[] {
  const naam = `naam:${normNaam(c.voornaam)}|${normNaam(c.achternaam)}|${c.geboortedatum}`;
  return c.bsn ? [`bsn:${c.bsn}`, naam] : [naam];
}

/**
 * Checks the rows of an import file.
 * @param rijen the data rows, each header → cell (Papaparse with `header: true`).
 * @param kop the header row as in the file.
 * @param vandaag today (`jjjj-mm-dd`): a birth date after it is an error.
 * @param regelnummers the file line of each data row (default: 2, 3, … after one header line).
 */
export function controleerImport(
  kop: readonly string[],
  rijen: readonly Readonly<Record<string, string | undefined>>[],
  vandaag: string,
  regelnummers?: readonly number[],
): ImportControle {
  const kolomVan = new Map<string, string>();
  const onbekend: string[] = [];
  for (const k of kop) {
    const kolom = KOP_NAAR_KOLOM.get(normKop(k));
    if (kolom && ![...kolomVan.values()].includes(kolom)) kolomVan.set(k, kolom);
    else if (k.trim() !== '') onbekend.push(k);
  }
  const aanwezig = new Set(kolomVan.values());
  const ontbrekend = IMPORT_KOLOMMEN.filter((k) => k.verplicht && !aanwezig.has(k.naam)).map(
    (k) => k.naam,
  );
  const gezien = new Map<string, number>();
  const uit: ImportRij[] = rijen.slice(0, IMPORT_MAX_RIJEN).map((rij, i) => {
    const regel = regelnummers?.[i] ?? i + 2;
    const cel: Record<string, string> = {};
    for (const [k, v] of Object.entries(rij)) {
      const kolom = kolomVan.get(k);
      if (kolom) cel[kolom] = (v ?? '').trim();
    }
    const fouten: string[] = ontbrekend.map((k) => `${k}: deze kolom ontbreekt in het bestand.`);
    if (Object.values(cel).some(heeftOngeldigeTekens)) {
      fouten.push('Deze regel bevat tekens die niet kunnen worden opgeslagen.');
      return { regel, ok: false, fouten };
    }
    const leeg = (k: string) => (cel[k] ?? '') === '';
    for (const k of IMPORT_KOLOMMEN) {
      if (k.verplicht && aanwezig.has(k.naam) && leeg(k.naam))
        fouten.push(`${k.naam}: niet ingevuld.`);
    }
    let geboortedatum: string | undefined;
    if (!leeg('geboortedatum')) {
      const d = leesDatum(cel['geboortedatum']!);
      if (!d)
        fouten.push(
          `geboortedatum: "${cel['geboortedatum']}" is geen bestaande datum (schrijf dd-mm-jjjj).`,
        );
      else if (d > vandaag) fouten.push('geboortedatum: deze datum ligt in de toekomst.');
      else geboortedatum = d;
    }
    let gemeente: string | undefined;
    if (!leeg('gemeente')) {
      gemeente = gemeenteCode(cel['gemeente']!);
      if (!gemeente) fouten.push(`gemeente: "${cel['gemeente']}" is geen gemeente die wij kennen.`);
    }
    const uzovi = cel['zorgverzekeraar'] ?? '';
    if (uzovi !== '' && !findZorgverzekeraar(uzovi)) {
      fouten.push(`zorgverzekeraar: "${uzovi}" is geen UZOVI-code die wij kennen.`);
    }
    const bsn = (cel['bsn'] ?? '').replace(/[\s.]/g, '');
    if (fouten.length > 0 || !geboortedatum || !gemeente) {
      // Still check the other fields, so every problem of the row shows at once.
      fouten.push(...veldFouten(cel, bsn, ['geboortedatum', 'gemeente', 'zorgverzekeraar']));
      return { regel, ok: false, fouten };
    }
    const parsed = clientInvoerSchema.safeParse({
      voornaam: cel['voornaam'],
      achternaam: cel['achternaam'],
      geboortedatum,
      bsn,
      postcode: cel['postcode'],
      huisnummer: cel['huisnummer'],
      gemeente,
      zorgverzekeraar: uzovi,
      // Not in the export: the arrangeur fills it in on her device.
      wlzIndicatie: null,
      huisarts: cel['huisarts'] ?? '',
    });
    if (!parsed.success) {
      return { regel, ok: false, fouten: veldFouten(cel, bsn, []) };
    }
    const client = parsed.data;
    const dubbel = importSleutels(client)
      .map((s) => gezien.get(s))
      .find((r) => r !== undefined);
    if (dubbel !== undefined) {
      return {
        regel,
        ok: false,
        fouten: [`Dezelfde cliënt staat al op regel ${dubbel} van dit bestand.`],
      };
    }
    for (const s of importSleutels(client)) gezien.set(s, regel);
    return { regel, ok: true, client };
  });
  return { rijen: uit, onbekendeKolommen: onbekend, ontbrekendeKolommen: ontbrekend };
}

/** The client schema's own Dutch messages for the fields not checked above, per column. */
function veldFouten(cel: Record<string, string>, bsn: string, behalve: string[]): string[] {
  const los = clientInvoerSchema.pick({
    voornaam: true,
    achternaam: true,
    bsn: true,
    postcode: true,
    huisnummer: true,
    huisarts: true,
  });
  const r = los.safeParse({
    voornaam: cel['voornaam'] ?? '',
    achternaam: cel['achternaam'] ?? '',
    bsn,
    postcode: cel['postcode'] ?? '',
    huisnummer: cel['huisnummer'] ?? '',
    huisarts: cel['huisarts'] ?? '',
  });
  if (r.success) return [];
  const fouten: string[] = [];
  for (const issue of r.error.issues) {
    const veld = String(issue.path[0] ?? '');
    if (behalve.includes(veld)) continue;
    // An empty required cell is already reported as "niet ingevuld".
    if ((cel[veld] ?? '') === '' && veld !== 'bsn') continue;
    const tekst = `${veld}: ${issue.message}`;
    if (!fouten.includes(tekst)) fouten.push(tekst);
  }
  return fouten;
}
