/**
 * Prerequisites: what must exist before the care can start. Keys are exactly those of
 * docs/financiering.md §3, so a decision can be held against the law guide; the texts are for the
 * arrangeur (the UI may shorten them).
 */
export const VOORWAARDEN = {
  'ciz-indicatie': 'Een Wlz-indicatiebesluit van het CIZ (Wlz art. 3.2.3).',
  'keuze-leveringsvorm-zorgkantoor':
    'Het zorgkantoor stemt in met zorg thuis (VPT of MPT) of met een pgb op basis van een budgetplan (Wlz art. 3.3.2 en 3.3.3).',
  'aanvraag-via-instelling-zorgkantoor':
    'De instelling vraagt het hulpmiddel aan bij het zorgkantoor, volgens het Wlz-protocol.',
  'wmo-melding-onderzoek':
    'Een melding bij de gemeente; de gemeente doet binnen 6 weken onderzoek (Wmo art. 2.3.2 lid 1).',
  'wmo-beschikking':
    'Een aanvraag en een beschikking van de gemeente, binnen 2 weken (Wmo art. 2.3.5 lid 2).',
  'algemene-voorziening-vrij-toegankelijk':
    'Vrij toegankelijk: geen onderzoek en geen beschikking nodig. De cliënt betaalt vaak (een deel) zelf.',
  'indicatie-wijkverpleegkundige':
    'Een indicatie van de wijkverpleegkundige (Normenkader). Geen verwijzing en geen eigen risico.',
  'verwijzing-huisarts': 'Een verwijzing van de huisarts.',
  'verwijzing-medisch-specialist': 'Een verwijzing of opdracht van een medisch specialist.',
  'triage-geriatrisch-assessment':
    'Triage door een specialist ouderengeneeskunde, klinisch geriater of internist ouderengeneeskunde.',
  'voorschrift-arts-of-verpleegkundige':
    'Een voorschrift van een arts of verpleegkundige voor het hulpmiddel.',
  'machtiging-zorgverzekeraar': 'Vooraf toestemming (machtiging) van de zorgverzekeraar.',
  'indicatie-uitleenpunt':
    'Het uitleenpunt of de thuiszorgwinkel stelt de indicatie; voor een bed of anti-decubitus doet een arts of verpleegkundige dat.',
  'jeugdwet-toegang':
    'Een beschikking van de gemeente, of een verwijzing van de huisarts, jeugdarts of medisch specialist.',
  // Added (not in docs/financiering.md §3): the access route of the temporary Wlz subsidies of Wlz art.
  // 11.1.5 (eerstelijnsverblijf 2015–2016, extramurale behandeling 2015–2020).
  'ciz-oordeel-subsidie':
    'Het CIZ beoordeelt of de cliënt in aanmerking komt voor de tijdelijke subsidie uit de Wlz (Besluit langdurige zorg art. 5.2.1).',
} as const;

export type VoorwaardeCode = keyof typeof VOORWAARDEN;
export const VOORWAARDE_CODES = Object.keys(VOORWAARDEN) as VoorwaardeCode[];

export interface Voorwaarde {
  readonly code: VoorwaardeCode;
  readonly tekst: string;
}

export function voorwaarde(code: VoorwaardeCode): Voorwaarde {
  return { code, tekst: VOORWAARDEN[code] };
}
