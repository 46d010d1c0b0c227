/**
 * CSV exports of the coordinator view (issue 6, point 3), made for Excel as Dutch users open it:
 * `;` as separator, a decimal comma, UTF-8 with a byte order mark (without it Excel reads the
 * file as Windows-1252 and breaks "cliënt"), CRLF line ends, a Dutch header row.
 *
 * Text that a user typed (an override reason) is defused: a cell starting with = + - @ would be
 * run as a formula by a spreadsheet, so it gets a leading apostrophe.
 */
import Papa from 'papaparse';
import type { ExportSoort } from '../../domain/kosten/api.ts';
import {
  VOLUME_EENHEDEN,
  type KostenFinancier,
  type KostenRegel,
  type OverrideRegel,
  type Overzicht,
  type Verevening,
} from '../../domain/kosten/model.ts';

export const BOM = '\uFEFF';

/** Cents as euros with a decimal comma: 123450 → "1234,50", -5 → "-0,05". */
export function euro(cent: number): string {
  const abs = Math.abs(cent);
  return `${cent < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A number with two decimals and a decimal comma: 9.714 → "9,71". */
export const decimaal = (n: number): string => n.toFixed(2).replace('.', ',');

/** Free text made safe for a spreadsheet cell. */
export function tekst(s: string | null | undefined): string {
  if (!s) return '';
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

const naam = (f: KostenFinancier | null) => tekst(f?.naam);
const code = (f: KostenFinancier | null) => tekst(f?.code);

/** A CSV table for Excel: BOM, `;`, CRLF (also used by the access-log export, routes/beheer.ts). */
export function tabel(kop: string[], rijen: string[][]): string {
  return (
    BOM +
    Papa.unparse({ fields: kop, data: rijen }, { delimiter: ';', newline: '\r\n', quotes: false })
  );
}

export function overzichtCsv(o: Overzicht): string {
  return tabel(
    [
      'maand',
      'domein',
      'financier',
      'financiercode',
      'clienten',
      'regels',
      'zonder tarief',
      'kosten (euro)',
      ...VOLUME_EENHEDEN.map((e) => `volume ${e}`),
    ],
    o.rijen.map((r) => [
      r.maand,
      r.domein,
      naam(r.financier),
      code(r.financier),
      String(r.clienten),
      String(r.regels),
      String(r.zonderTarief),
      euro(r.kostenCent),
      ...VOLUME_EENHEDEN.map((e) => (r.volume[e] === undefined ? '' : decimaal(r.volume[e]))),
    ]),
  );
}

/** The header of the lines export. */
export const REGELS_KOP: readonly string[] = [
  'maand',
  'pseudoniem',
  'leeftijdsband',
  'gemeente',
  'inzetcode',
  'inzet',
  'volume',
  'eenheid',
  'domein',
  'financier',
  'financiercode',
  'gerouteerd domein',
  'gerouteerde financier',
  'override domein',
  'override reden',
  'tarief (euro)',
  'demotarief',
  'kosten (euro)',
  'kosten volgens routering (euro)',
  'routering app wijkt af',
];

/** One line of the lines export. */
export const regelRij = (r: KostenRegel): string[] => [
  r.maand,
  r.pseudoniem,
  r.leeftijdsband,
  tekst(r.gemeente),
  tekst(r.inzetCode),
  tekst(r.inzetNaam),
  decimaal(r.volume),
  r.volumeEenheid,
  r.domein,
  naam(r.financier),
  code(r.financier),
  r.gerouteerdDomein,
  naam(r.gerouteerdeFinancier),
  r.override?.domein ?? '',
  tekst(r.override?.reden),
  r.tarief === null ? '' : euro(Math.round(r.tarief * 100)),
  r.tarief === null ? '' : r.tariefDemo ? 'ja' : 'nee',
  euro(r.kostenCent),
  euro(r.gerouteerdKostenCent),
  r.routeringAfwijkend ? 'ja' : 'nee',
];

export function regelsCsv(regels: readonly KostenRegel[]): string {
  return tabel([...REGELS_KOP], regels.map(regelRij));
}

/**
 * `tabel(kop, rijen)` written as the rows arrive (issue 13, point 5): the same bytes, in constant
 * memory. Papa writes the header with a line end when there are no rows, and rows joined by line
 * ends without a last one, so each page after the first starts with a line end.
 */
export async function* tabelStroom(
  kop: readonly string[],
  paginas: AsyncIterable<string[][]>,
): AsyncGenerator<string> {
  const opties = { delimiter: ';', newline: '\r\n', quotes: false };
  yield BOM + Papa.unparse({ fields: [...kop], data: [] }, opties);
  let eerste = true;
  for await (const rijen of paginas) {
    if (rijen.length === 0) continue;
    yield (eerste ? '' : '\r\n') + Papa.unparse(rijen, opties);
    eerste = false;
  }
}

export function overridesCsv(overrides: readonly OverrideRegel[]): string {
  return tabel(
    [
      'vanaf',
      'pseudoniem',
      'leeftijdsband',
      'gemeente',
      'inzetcode',
      'inzet',
      'gerouteerd domein',
      'gerouteerde financier',
      'domein',
      'financier',
      'grondslag',
      'reden',
    ],
    overrides.map((o) => [
      o.vanaf,
      o.pseudoniem,
      o.leeftijdsband,
      tekst(o.gemeente),
      tekst(o.inzetCode),
      tekst(o.inzetNaam),
      o.gerouteerdDomein,
      naam(o.gerouteerdeFinancier),
      o.domein,
      naam(o.financier),
      tekst(o.grondslag),
      tekst(o.reden),
    ]),
  );
}

/**
 * One table with two kinds of rows (so it parses back as one CSV): `financier` rows carry the
 * planned, routed and difference columns; `verrekening` rows carry payer, receiver and amount.
 */
export function vereveningCsv(v: Verevening): string {
  return tabel(
    [
      'onderdeel',
      'financier',
      'financiercode',
      'gepland (euro)',
      'volgens routering (euro)',
      'verschil (euro)',
      'betaler',
      'ontvanger',
      'bedrag (euro)',
    ],
    [
      ...v.perFinancier.map((f) => [
        'financier',
        naam(f.financier),
        code(f.financier),
        euro(f.geplandCent),
        euro(f.gerouteerdCent),
        euro(f.verschilCent),
        '',
        '',
        '',
      ]),
      ...v.paren.map((p) => [
        'verrekening',
        '',
        '',
        '',
        '',
        '',
        naam(p.betaler),
        naam(p.ontvanger),
        euro(p.bedragCent),
      ]),
    ],
  );
}

/** The download's file name: the kind and the period only, never client data. */
export const bestandsnaam = (soort: ExportSoort, van: string, tot: string, formaat: string) =>
  `wie-betaalt-wat-${soort}-${van}-${tot}.${formaat}`;
