/**
 * A plan's parts in words, for the read-only plan (PlanWeergave): how much, who pays and how to
 * reach someone in the client's words (the print), and the texts of the plan as the overview and
 * the review show it.
 */
import type { Beslissing } from '../../domain/plan/routering.ts';
import {
  findGemeente,
  findZorgverzekeraar,
  gegevenZorgverzekeraarNaam,
} from '../../domain/reference/index.ts';
import type { Voorziening } from '../../domain/sociale-kaart/model.ts';
import { nl } from '../i18n/nl.ts';

const t = nl.planPrint;

/** Texts of the plan as the review shows it (B1). */
export const tw = {
  leeg: 'Niets ingevuld.',
  doelen: 'Doelen',
  naasten: 'Naasten',
  bijDoel: (doel: string) => `Bij doel: ${doel}`,
  naaste: (naam: string) => `Naaste: ${naam}`,
  aanbieder: (naam: string) => `Aanbieder: ${naam}`,
  omvang: (aantal: string, eenheid: string) => `${aantal} ${eenheid}`,
  periode: (van: string, tot: string | undefined) =>
    tot ? `van ${van} tot ${tot}` : `vanaf ${van}`,
  domein: (domein: string) => `Domein: ${domein}`,
  financier: (naam: string) => `Financier: ${naam}`,
  financierOnbekend: 'Financier: nog onbekend',
  override: (gerouteerd: string, reden: string) =>
    `Anders gekozen dan de routering (${gerouteerd}). Reden: ${reden}`,
  ladderToelichting: 'Waarom professionele hulp nodig is',
  akkoordClient: 'Akkoord van de cliënt',
  geenAkkoord: 'Nog geen akkoord vastgelegd.',
  akkoordOp: (datum: string, wijze: string, door: string) => `Op ${datum}, ${wijze}, door ${door}`,
  evaluatiedatum: (datum: string) => `Evaluatiedatum: ${datum}`,
  geenEvaluatiedatum: 'Nog geen evaluatiedatum.',
} as const;

/** "VGZ Zorgverzekeraar N.V." → "VGZ": the name people know, without the legal form. */
function gewoneNaam(naam: string): string {
  return (
    naam
      .replace(/\b(N\.?V\.?|B\.?V\.?|U\.?A\.?)$/i, '')
      .replace(/\bzorgverzekering(en)?\b|\bzorgverzekeraar\b/gi, '')
      .replace(/\s+/g, ' ')
      .trim() || naam
  );
}

/**
 * Who pays, in words for the client, from the decision that holds (`geldendeBeslissing`): the
 * chosen domain's financier after an override. Names come from the reference lists by code; a
 * UZOVI code they lack goes by the name given to it (`zorgverzekeraarNamen`), never by its code.
 */
export function betalerInWoorden(
  b: Beslissing | null,
  zorgverzekeraarNamen?: ReadonlyMap<string, string>,
): string {
  const w = t.betaler;
  if (!b) return w.onbekend;
  switch (b.domein) {
    case 'Wmo':
    case 'Jeugdwet': {
      const g = b.financier?.soort === 'gemeente' ? findGemeente(b.financier.code) : undefined;
      return g ? w.gemeente(g.naam, b.domein) : w.gemeenteOnbekend(b.domein);
    }
    case 'Zvw': {
      const code = b.financier?.soort === 'zorgverzekeraar' ? b.financier.code : undefined;
      // The shipped list first; a code it lacks, by the name given on this device.
      const naam = code
        ? (findZorgverzekeraar(code)?.naam ??
          gegevenZorgverzekeraarNaam(code, zorgverzekeraarNamen))
        : undefined;
      return naam ? w.zorgverzekeraar(gewoneNaam(naam)) : w.zorgverzekeraarOnbekend;
    }
    case 'Wlz':
      return w.zorgkantoor;
    case 'geen':
      return w.geen;
  }
}

/** "5 uur per week", "2,5 uur per maand", "3 dagdelen per week", "1 stuk": how much, in words. */
export function omvangInWoorden(
  omvang: { aantal: number; eenheid: string } | undefined,
): string | null {
  if (!omvang || !Number.isFinite(omvang.aantal)) return null;
  const n = omvang.aantal;
  const getal = n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  const meer = n !== 1;
  const e = t.eenheden;
  switch (omvang.eenheid) {
    case 'uur/week':
      return `${getal} ${e.uur} ${e.perWeek}`;
    case 'uur/maand':
      return `${getal} ${e.uur} ${e.perMaand}`;
    case 'dagdeel/week':
      return `${getal} ${meer ? e.dagdelen : e.dagdeel} ${e.perWeek}`;
    case 'rit/week':
      return `${getal} ${meer ? e.ritten : e.rit} ${e.perWeek}`;
    case 'etmaal':
      return `${getal} ${meer ? e.etmalen : e.etmaal}`;
    case 'etmaal/maand':
      return `${getal} ${meer ? e.etmalen : e.etmaal} ${e.perMaand}`;
    case 'maaltijd/week':
      return `${getal} ${meer ? e.maaltijden : e.maaltijd} ${e.perWeek}`;
    case 'stuk':
      return `${getal} ${e.stuk}`;
    case 'abonnement':
      return e.abonnement;
    default:
      return getal;
  }
}

/** How to reach an entry of the sociale kaart: its phone or e-mail, and its address. */
export function bereikbaar(v: Pick<Voorziening, 'contact' | 'adres'> | undefined): string | null {
  if (!v) return null;
  const delen = [v.adres, v.contact].filter((d): d is string => !!d);
  return delen.length > 0 ? delen.join(', ') : null;
}

/** The same name, ignoring case and accents ("De Brink" = "de brink"). */
export const gelijkeNaam = (a: string, b: string) =>
  a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0;
