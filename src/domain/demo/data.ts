/**
 * The fictional demo content (issue 4, point 9; served by the embedded store since issue 5, item
 * 6): about 30 clients in Ede and surroundings, each with a plan in a different state (just
 * started, concept with a few items, vastgesteld with an evaluation due, overdue or far ahead, a
 * new concept after vaststelling), items on every ladder rung, naasten with their belasting, and
 * professional inzet that routes to each domain (Wmo, Zvw, Wlz, Jeugdwet for the minors).
 *
 * Data only; `records.ts` turns it into records. Every name is invented and no BSN is stored;
 * addresses are Ede-area postcodes without real people behind them.
 */
import type { ClientInvoer } from '../model/client.ts';
import type { DoelInvoer, NaasteInvoer, PlanItemInvoer } from '../plan/model.ts';

export const BASIS_CLIENTS: readonly ClientInvoer[] = [
  {
    voornaam: 'Gerda',
    achternaam: 'van Beek',
    geboortedatum: '1939-04-12',
    postcode: '6711 AB',
    huisnummer: '3',
    gemeente: 'GM0228',
    zorgverzekeraar: '7095',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk De Brink',
  },
  {
    voornaam: 'Hendrik',
    achternaam: 'Jansen',
    geboortedatum: '1944-09-30',
    postcode: '6712 CD',
    huisnummer: '18a',
    gemeente: 'GM0228',
    zorgverzekeraar: '3311',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk Veldhuizen',
  },
  {
    voornaam: 'Aaltje',
    achternaam: 'de Wit',
    geboortedatum: '1936-01-05',
    postcode: '6713 EF',
    huisnummer: '7',
    gemeente: 'GM0228',
    zorgverzekeraar: '3332',
    wlzIndicatie: {
      zorgprofiel: 'VV-5',
      leveringsvorm: 'vpt',
      behandeling: false,
      geldigVan: '2025-06-01',
    },
    huisarts: 'Huisartsenpraktijk De Brink',
  },
  {
    voornaam: 'Mohamed',
    achternaam: 'El Amrani',
    geboortedatum: '1952-11-20',
    postcode: '6714 GH',
    huisnummer: '41',
    gemeente: 'GM0228',
    zorgverzekeraar: '7119',
    wlzIndicatie: null,
    huisarts: 'Gezondheidscentrum Ede-Zuid',
  },
  {
    voornaam: 'Jannie',
    achternaam: 'Visser',
    geboortedatum: '1941-07-17',
    postcode: '6721 JK',
    huisnummer: '2',
    gemeente: 'GM0228',
    zorgverzekeraar: '3313',
    wlzIndicatie: {
      zorgprofiel: 'VV-6',
      leveringsvorm: 'mpt',
      behandeling: false,
      geldigVan: '2024-11-15',
    },
    huisarts: 'Huisartsenpraktijk Bennekom',
  },
  {
    voornaam: 'Cor',
    achternaam: 'Hoekstra',
    geboortedatum: '1948-02-29',
    postcode: '6741 LM',
    huisnummer: '9',
    gemeente: 'GM0228',
    zorgverzekeraar: '3351',
    wlzIndicatie: null,
    huisarts: 'Huisartsenpraktijk Lunteren',
  },
  {
    voornaam: 'Sanne',
    achternaam: 'Bakker',
    geboortedatum: '2012-05-08',
    postcode: '6717 NP',
    huisnummer: '55',
    gemeente: 'GM0228',
    zorgverzekeraar: '7095',
    wlzIndicatie: null,
    huisarts: 'Gezondheidscentrum Ede-Zuid',
  },
  {
    voornaam: 'Willem',
    achternaam: 'Smit',
    geboortedatum: '1933-12-01',
    postcode: '6871 AB',
    huisnummer: '14',
    gemeente: 'GM0274',
    zorgverzekeraar: '3311',
    wlzIndicatie: {
      zorgprofiel: 'VV-7',
      leveringsvorm: 'verblijf',
      behandeling: true,
      geldigVan: '2023-03-01',
    },
    huisarts: 'Specialist ouderengeneeskunde (instelling)',
  },
];

const c = (
  voornaam: string,
  achternaam: string,
  geboortedatum: string,
  postcode: string,
  huisnummer: string,
  gemeente: string,
  zorgverzekeraar: string,
  huisarts: string,
): ClientInvoer => ({
  voornaam,
  achternaam,
  geboortedatum,
  postcode,
  huisnummer,
  gemeente,
  zorgverzekeraar,
  wlzIndicatie: null,
  huisarts,
});

// Ede (GM0228: Ede, Bennekom, Lunteren, Otterlo), Wageningen (GM0289), Barneveld (GM0203),
// Renkum (GM0274). All names invented.
export const MEER_CLIENTS: readonly ClientInvoer[] = [
  c(
    'Berend',
    'Veldkamp',
    '1945-03-02',
    '6716 BC',
    '22',
    'GM0228',
    '3311',
    'Huisartsenpraktijk De Brink',
  ),
  c(
    'Trijntje',
    'Mulder',
    '1938-08-14',
    '6721 AD',
    '5',
    'GM0228',
    '7095',
    'Huisartsenpraktijk Bennekom',
  ),
  c(
    'Fatima',
    'Bouzid',
    '1957-02-11',
    '6715 EH',
    '101',
    'GM0228',
    '7119',
    'Gezondheidscentrum Ede-Zuid',
  ),
  c(
    'Gijs',
    'van der Heuvel',
    '1950-06-23',
    '6741 CK',
    '8',
    'GM0228',
    '3332',
    'Huisartsenpraktijk Lunteren',
  ),
  c(
    'Riek',
    'Schipper',
    '1935-10-30',
    '6731 BT',
    '3',
    'GM0228',
    '3311',
    'Huisartsenpraktijk Otterlo',
  ),
  c(
    'Dirk',
    'Brouwer',
    '1947-01-19',
    '6702 AM',
    '64',
    'GM0289',
    '7095',
    'Huisartsenpraktijk Wageningen-Noord',
  ),
  c(
    'Annie',
    'Kok',
    '1942-12-08',
    '6708 PB',
    '12',
    'GM0289',
    '3313',
    'Huisartsenpraktijk Wageningen-Noord',
  ),
  c(
    'Jozef',
    'Peters',
    '1949-04-04',
    '3771 LN',
    '17',
    'GM0203',
    '3311',
    'Huisartsenpraktijk Barneveld',
  ),
  c(
    'Hennie',
    'Wolters',
    '1940-09-27',
    '3772 GA',
    '2b',
    'GM0203',
    '3351',
    'Huisartsenpraktijk Barneveld',
  ),
  c(
    'Stijn',
    'Rijkers',
    '2010-11-03',
    '6713 KP',
    '46',
    'GM0228',
    '7119',
    'Gezondheidscentrum Ede-Zuid',
  ),
  c(
    'Lotte',
    'Verhoef',
    '2016-02-21',
    '3773 BE',
    '9',
    'GM0203',
    '3332',
    'Huisartsenpraktijk Barneveld',
  ),
  c('Ria', 'Dekker', '1944-05-16', '6871 CD', '30', 'GM0274', '7095', 'Huisartsenpraktijk Renkum'),
  c(
    'Kees',
    'van Dijk',
    '1937-07-07',
    '6711 HM',
    '15',
    'GM0228',
    '3311',
    'Huisartsenpraktijk De Brink',
  ),
  c(
    'Marja',
    'Hendriks',
    '1961-03-29',
    '6717 LR',
    '88',
    'GM0228',
    '3361',
    'Huisartsenpraktijk Veldhuizen',
  ),
  c('Teun', 'Post', '1953-12-12', '6722 AZ', '4', 'GM0228', '7119', 'Huisartsenpraktijk Bennekom'),
  c(
    'Greet',
    'Vos',
    '1932-02-02',
    '6712 NE',
    '1',
    'GM0228',
    '3332',
    'Huisartsenpraktijk Veldhuizen',
  ),
  c(
    'Ahmet',
    'Yilmaz',
    '1955-08-08',
    '6714 RW',
    '27',
    'GM0228',
    '7095',
    'Gezondheidscentrum Ede-Zuid',
  ),
  c(
    'Ineke',
    'Bos',
    '1946-11-11',
    '6705 BK',
    '6',
    'GM0289',
    '3311',
    'Huisartsenpraktijk Wageningen-Noord',
  ),
  c(
    'Wim',
    'ter Horst',
    '1941-04-18',
    '3781 AA',
    '10',
    'GM0203',
    '3313',
    'Huisartsenpraktijk Voorthuizen',
  ),
  c(
    'Nel',
    'Wijnands',
    '1939-06-01',
    '6741 GP',
    '33',
    'GM0228',
    '3332',
    'Huisartsenpraktijk Lunteren',
  ),
  c(
    'Jan-Willem',
    "'t Hoen",
    '1951-09-09',
    '6872 BL',
    '19',
    'GM0274',
    '7119',
    'Huisartsenpraktijk Renkum',
  ),
  c(
    'Hilde',
    'Evers',
    '1943-01-25',
    '6718 ZE',
    '70',
    'GM0228',
    '7095',
    'Huisartsenpraktijk Veldhuizen',
  ),
];

/** An item as the demo writes it: `doel`/`naaste` point into the plan's own lists by position. */
export type DemoItem = Omit<PlanItemInvoer, 'planId' | 'doelId' | 'naasteId'> & {
  doel?: number;
  naaste?: number;
};

export interface DemoPlan {
  hulpvraag?: string;
  doelen: Omit<DoelInvoer, 'planId'>[];
  naasten: Omit<NaasteInvoer, 'clientId'>[];
  items: DemoItem[];
  ladderToelichting?: string;
  /** Vastgesteld this many days before `now`, with the client's akkoord on that day. */
  vastgesteld?: { dagenGeleden: number; evaluatieOverDagen: number };
  /** After vaststelling: a new concept (versie 2) with these extra items. */
  herzien?: DemoItem[];
}

export type Scenario =
  | 'geen-plan'
  | 'start'
  | 'concept-wmo'
  | 'concept-zvw'
  | 'jeugd'
  | 'wlz-thuis'
  | 'wlz-verblijf'
  | 'vast-binnenkort'
  | 'vast-verlopen'
  | 'vast-later'
  | 'herzien'
  | 'override';

/** Which story each client tells; the order of BASIS_CLIENTS then MEER_CLIENTS. */
export const SCENARIOS: readonly Scenario[] = [
  // BASIS_CLIENTS
  'vast-binnenkort', // Gerda van Beek
  'concept-zvw', // Hendrik Jansen
  'wlz-thuis', // Aaltje de Wit (VPT)
  'start', // Mohamed El Amrani
  'wlz-thuis', // Jannie Visser (MPT)
  'herzien', // Cor Hoekstra
  'jeugd', // Sanne Bakker
  'wlz-verblijf', // Willem Smit
  // MEER_CLIENTS
  'concept-wmo',
  'vast-verlopen',
  'override',
  'vast-later',
  'start',
  'concept-zvw',
  'vast-binnenkort',
  'herzien',
  'vast-verlopen',
  'jeugd',
  'jeugd',
  'concept-wmo',
  'vast-later',
  'geen-plan',
  'override',
  'vast-binnenkort',
  'concept-zvw',
  'start',
  'vast-verlopen',
  'concept-wmo',
  'geen-plan',
  'vast-later',
];

const EIGEN_KRACHT: DemoItem = {
  stap: 'eigen-kracht',
  omschrijving: 'Kleedt zich zelf aan en smeert zelf het brood',
};
const MANTELZORG: DemoItem = {
  stap: 'mantelzorgondersteuning',
  omschrijving: 'Gesprek met de mantelzorgconsulent over ontlasten',
  inzet: { code: 'MZ-CONSULENT', omvang: { aantal: 1, eenheid: 'uur/maand' } },
};
const ONTMOETING: DemoItem = {
  stap: 'voorziening',
  omschrijving: 'Dinsdag en donderdag naar het ontmoetingscentrum',
  voorzieningNaam: 'Ontmoetingscentrum De Klaproos (fictief)',
};
const DOUCHESTOEL: DemoItem = {
  stap: 'hulpmiddel',
  omschrijving: 'Douchestoel in bruikleen na de val',
  inzet: { code: 'UL-DOUCHESTOEL', omvang: { aantal: 1, eenheid: 'stuk' }, verwachteDuurWeken: 8 },
};
const SCHOONMAAK: DemoItem = {
  stap: 'professioneel',
  omschrijving: 'Hulp bij het schoonmaken van het huis',
  inzet: { code: 'HH-SCHOONMAAK', omvang: { aantal: 2, eenheid: 'uur/week' } },
  aanbieder: 'Thuishulp Gelderse Vallei (fictief)',
  doel: 0,
};
const VERZORGING: DemoItem = {
  stap: 'professioneel',
  omschrijving: 'Hulp bij wassen en aankleden, elke ochtend',
  inzet: {
    code: 'PV-ADL',
    omvang: { aantal: 4, eenheid: 'uur/week' },
    verzorgingsaard: 'geneeskundig',
  },
  aanbieder: 'Wijkverpleging Ede-Zuid (fictief)',
  doel: 0,
};

const doel = (omschrijving: string, levensdomein: DoelInvoer['levensdomein']) => ({
  omschrijving,
  levensdomein,
});

export function demoPlan(
  scenario: Scenario,
  client: ClientInvoer,
  i: number,
): DemoPlan | undefined {
  const naaste = (relatie: string, voornaam: string, belasting: NaasteInvoer['belasting']) => ({
    naam: `${voornaam} ${client.achternaam}`,
    relatie,
    contact: `06-${String(20_000_000 + i * 7919).slice(0, 8)}`,
    watDoetHij: 'Doet de boodschappen en helpt met de post',
    hoeVaak: 'twee keer per week',
    belasting,
  });
  const netwerk: DemoItem = {
    stap: 'netwerk',
    omschrijving: 'Doet de boodschappen op zaterdag',
    naaste: 0,
  };
  const belasting = (['licht', 'gemiddeld', 'zwaar', 'overbelast'] as const)[i % 4];
  const volledig: DemoPlan = {
    hulpvraag: 'Zo lang mogelijk thuis blijven wonen en de dag zelf invullen.',
    doelen: [
      doel('Het huis blijft schoon en veilig', 'dagelijks-functioneren'),
      doel('Een paar keer per week onder de mensen zijn', 'meedoen'),
    ],
    naasten: [naaste('dochter', 'Marieke', belasting)],
    items: [EIGEN_KRACHT, netwerk, MANTELZORG, ONTMOETING, DOUCHESTOEL, SCHOONMAAK],
  };
  switch (scenario) {
    case 'geen-plan':
      return undefined;
    case 'start':
      return {
        hulpvraag: 'Sinds de val is traplopen lastig; wil graag boven blijven slapen.',
        doelen: [doel('Veilig de trap op en af', 'lichaamsfuncties')],
        naasten: [],
        items: [],
      };
    case 'concept-wmo':
      return {
        ...volledig,
        naasten: [naaste('zoon', 'Erik', belasting)],
        items: [EIGEN_KRACHT, netwerk, ONTMOETING, SCHOONMAAK],
        ladderToelichting: 'Zoon woont dichtbij maar wil geen mantelzorgondersteuning.',
      };
    case 'concept-zvw':
      return {
        ...volledig,
        naasten: [naaste('buurvrouw', 'Joke', 'licht')],
        items: [
          EIGEN_KRACHT,
          DOUCHESTOEL,
          VERZORGING,
          {
            stap: 'professioneel',
            omschrijving: 'Wondzorg aan het onderbeen',
            inzet: { code: 'VP-WONDZORG', omvang: { aantal: 1, eenheid: 'uur/week' } },
            aanbieder: 'Wijkverpleging Ede-Zuid (fictief)',
          },
        ],
      };
    case 'jeugd':
      return {
        hulpvraag: 'Structuur na school; ouders willen handvatten.',
        doelen: [doel('Huiswerk en vrije tijd in een vast ritme', 'dagelijks-functioneren')],
        naasten: [naaste('moeder', 'Sandra', belasting)],
        items: [
          { stap: 'eigen-kracht', omschrijving: 'Maakt zelf een weekplanning met hulp van de app' },
          { ...netwerk, omschrijving: 'Opa haalt op woensdag op van school' },
          MANTELZORG,
          { ...ONTMOETING, omschrijving: 'Sportclub in de wijk, zaterdagochtend' },
          {
            stap: 'professioneel',
            omschrijving: 'Ambulante begeleiding thuis',
            inzet: { code: 'BG-INDIVIDUEEL', omvang: { aantal: 2, eenheid: 'uur/week' } },
            aanbieder: 'Jeugdhulp De Vallei (fictief)',
            doel: 0,
          },
        ],
      };
    case 'wlz-thuis':
      return {
        ...volledig,
        items: [
          EIGEN_KRACHT,
          netwerk,
          MANTELZORG,
          ONTMOETING,
          VERZORGING,
          {
            stap: 'professioneel',
            omschrijving: 'Dagbesteding bij dementie, drie dagdelen',
            inzet: { code: 'DB-DEMENTIE', omvang: { aantal: 3, eenheid: 'dagdeel/week' } },
            aanbieder: 'Dagcentrum Het Hofje (fictief)',
            doel: 1,
          },
        ],
        vastgesteld: { dagenGeleden: 60, evaluatieOverDagen: 120 },
      };
    case 'wlz-verblijf':
      return {
        hulpvraag: 'Rust en vaste gezichten in het verpleeghuis.',
        doelen: [doel('Zich thuis voelen op de afdeling', 'kwaliteit-van-leven')],
        naasten: [naaste('zoon', 'Gert', 'gemiddeld')],
        items: [
          netwerk,
          {
            stap: 'professioneel',
            omschrijving: 'Behandeling door de specialist ouderengeneeskunde',
            inzet: { code: 'BH-SO', omvang: { aantal: 2, eenheid: 'uur/maand' } },
            aanbieder: 'Zorgcentrum De Eik (fictief)',
          },
        ],
        ladderToelichting: 'Woont in het verpleeghuis; eerdere stappen zijn daar niet aan de orde.',
        vastgesteld: { dagenGeleden: 200, evaluatieOverDagen: 8 },
      };
    case 'vast-binnenkort':
      return { ...volledig, vastgesteld: { dagenGeleden: 170, evaluatieOverDagen: 10 } };
    case 'vast-verlopen':
      return {
        ...volledig,
        items: [
          ...volledig.items,
          {
            stap: 'professioneel',
            omschrijving: 'Casemanagement dementie',
            inzet: { code: 'CM-DEMENTIE', omvang: { aantal: 3, eenheid: 'uur/maand' } },
            aanbieder: 'Casemanagement Ede (fictief)',
          },
        ],
        vastgesteld: { dagenGeleden: 190, evaluatieOverDagen: -12 },
      };
    case 'vast-later':
      return {
        ...volledig,
        items: [
          ...volledig.items,
          {
            stap: 'hulpmiddel',
            omschrijving: 'Alarmknop om de pols',
            inzet: { code: 'PA-ALARM', omvang: { aantal: 1, eenheid: 'abonnement' } },
          },
        ],
        vastgesteld: { dagenGeleden: 30, evaluatieOverDagen: 150 },
      };
    case 'herzien':
      return {
        ...volledig,
        vastgesteld: { dagenGeleden: 120, evaluatieOverDagen: 60 },
        herzien: [
          {
            stap: 'hulpmiddel',
            omschrijving: 'Scootmobiel om zelf naar het dorp te gaan',
            inzet: { code: 'HM-SCOOTMOBIEL', omvang: { aantal: 1, eenheid: 'stuk' } },
            doel: 1,
          },
        ],
      };
    case 'override':
      // Vastgesteld, so the override reaches the coordinator's view and the verevening (only
      // vastgestelde versies are planned care there).
      return {
        ...volledig,
        vastgesteld: { dagenGeleden: 90, evaluatieOverDagen: 90 },
        items: [
          EIGEN_KRACHT,
          netwerk,
          MANTELZORG,
          ONTMOETING,
          {
            ...VERZORGING,
            omschrijving: 'Aansporen bij het wassen (regieprobleem)',
            inzet: { code: 'PV-AANSPOREN', omvang: { aantal: 2, eenheid: 'uur/week' } },
            override: {
              domein: 'Zvw',
              reden: 'Wijkverpleging levert al zorg; afgesproken met gemeente en verzekeraar.',
            },
          },
        ],
      };
  }
}
