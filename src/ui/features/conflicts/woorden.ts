/** Plain Dutch words for records, fields and values on the conflicts screen. */
import { recordLabel } from '../../../sync/client/conflicts.ts';
import { misschienDatum } from '../../lib/opmaak.ts';

/** "Ondersteuningsplan van Gerrit van Dijk" (the word per record type is in the registry). */
export function onderdeel(recordType: string, clientNaam: string | null): string {
  const woord = recordLabel(recordType);
  return clientNaam ? `${woord} van ${clientNaam}` : woord;
}

const VELDEN: Record<string, string> = {
  voornaam: 'Voornaam',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  postcode: 'Postcode',
  huisnummer: 'Huisnummer',
  gemeente: 'Gemeente',
  zorgverzekeraar: 'Zorgverzekeraar',
  huisarts: 'Huisarts',
  wlz: 'Wlz-indicatie',
  hulpvraag: 'Wat is belangrijk voor u?',
  status: 'Stand van het plan',
  ladderToelichting: 'Toelichting bij de stappen',
  akkoord: 'Akkoord van de cliënt',
  evaluatiedatum: 'Evaluatiedatum',
  vastgesteldOp: 'Vastgesteld op',
  levensdomein: 'Levensgebied',
  omschrijving: 'Omschrijving',
  naam: 'Naam',
  relatie: 'Relatie',
  contact: 'Telefoon of e-mail',
  watDoetHij: 'Wat doet hij of zij',
  hoeVaak: 'Hoe vaak',
  belasting: 'Hoe zwaar is het',
  aanbieder: 'Aanbieder',
  aanbiederAgb: 'AGB-code van de aanbieder',
  inzet: 'Soort hulp en omvang',
  override: 'Andere financier met reden',
  resolved: 'Opgelost',
  deleted: 'Verwijderd',
};

export function veldNaam(veld: string): string {
  if (VELDEN[veld]) return VELDEN[veld];
  const woorden = veld.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return woorden.charAt(0).toUpperCase() + woorden.slice(1);
}

export function waardeTekst(waarde: unknown): string {
  if (waarde === null || waarde === undefined || waarde === '') return '(leeg)';
  if (typeof waarde === 'boolean') return waarde ? 'ja' : 'nee';
  if (typeof waarde === 'string') return misschienDatum(waarde);
  if (typeof waarde === 'number') return String(waarde);
  return JSON.stringify(waarde);
}

/** "23 november om 14:05". */
export function tijdstip(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const dag = d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long' });
  const tijd = d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
  return `${dag} om ${tijd}`;
}
