/**
 * The shipped sociale kaart for the demo region: Ede and surroundings (Bennekom, Lunteren, Otterlo,
 * Wageningen, Veenendaal, Barneveld).
 *
 * FICTIONAL DEMO DATA, dated 2026-11-23. Every entry below is made up: realistic in kind (what a
 * buurthuis, a tafeltje-dek-je or an Alzheimer Café offers and roughly what it costs), but no
 * entry is a real organisation and no contact detail belongs to one. Phone numbers use the
 * unassigned 000 range (0318-, 0317- and 0342-000 1xx); web and e-mail addresses use the
 * example.nl domain. Street names are made up; a match with a real street is chance. Replace this
 * file with the gemeente's own sociale kaart before real use.
 *
 * What must stay true:
 * - An entry's `nr` never changes and is never reused: it makes the entry's id, and plans refer to
 *   catalog entries by id on every device. Remove an entry by deleting it, add one with a new `nr`.
 * - Texts are B1 Dutch: short sentences, "u", no jargon.
 * - Every category of VOORZIENING_CATEGORIEEN has at least one entry
 *   (test/domain/sociale-kaart.test.ts checks this).
 */
import type { RecordId } from '../model/ids.ts';
import { CATALOGUS_PEILDATUM, type Voorziening, type VoorzieningGegevens } from './model.ts';

export { CATALOGUS_PEILDATUM };

/**
 * Catalog ids are fixed UUIDs (version 4 layout, so they pass `recordIdSchema`) built from the
 * entry's `nr`: the same id on every device and after every app update, without a random source.
 */
const CATALOGUS_ID_PREFIX = '5ca7a109-0000-4000-8000-';
export function catalogusId(nr: number): RecordId {
  return `${CATALOGUS_ID_PREFIX}${String(nr).padStart(12, '0')}` as RecordId;
}

/** Whether an id belongs to the shipped catalog (such entries cannot be changed or removed). */
export function isCatalogusId(id: string): boolean {
  return id.startsWith(CATALOGUS_ID_PREFIX);
}

type Regel = VoorzieningGegevens & { nr: number };

const REGELS: readonly Regel[] = [
  // ── Ontmoeting ────────────────────────────────────────────────────────────────────────────────
  {
    nr: 1,
    categorie: 'ontmoeting',
    naam: 'Buurthuis De Brinkhof',
    omschrijving:
      'Een huiskamer in de wijk. U kunt elke werkdag binnenlopen voor koffie en een praatje. Er zijn spelletjes, een leesclub en op dinsdag een gezamenlijke lunch.',
    wijk: 'Ede, Veldhuizen',
    adres: 'Brinkhoflaan 12, 6712 XA Ede',
    contact: '0318-000 101, debrinkhof@buurthuis.example.nl',
    kosten: 'Binnenlopen is gratis. Koffie of thee € 0,50. Lunch € 4.',
  },
  {
    nr: 2,
    categorie: 'ontmoeting',
    naam: 'Ontmoetingscentrum Het Heideplein',
    omschrijving:
      'Ontmoetingscentrum voor ouderen in Bennekom. Elke ochtend inloop met koffie. Daarnaast activiteiten zoals koersbal, zingen en creatief bezig zijn.',
    wijk: 'Bennekom',
    adres: 'Heidepleinstraat 3, 6721 ZB Bennekom',
    contact: '0318-000 102, www.heideplein.example.nl',
    kosten: 'Inloop gratis. Voor sommige activiteiten vraagt men € 2 per keer.',
  },
  {
    nr: 3,
    categorie: 'ontmoeting',
    naam: 'Inloopochtend De Lindeboom',
    omschrijving:
      'Op maandag- en donderdagochtend staat de koffie klaar in het dorpshuis. U ontmoet andere dorpsgenoten. Een vrijwilliger helpt u als u vragen heeft.',
    wijk: 'Lunteren',
    adres: 'Lindeboomweg 8, 6741 AX Lunteren',
    contact: '0318-000 103',
    kosten: 'Gratis. Een vrijwillige bijdrage voor de koffie mag.',
  },
  {
    nr: 4,
    categorie: 'ontmoeting',
    naam: 'Huiskamer Op de Hoek',
    omschrijving:
      'Een gezellige plek voor iedereen die zich alleen voelt. Samen koffie drinken, de krant lezen of een spel doen. Op vrijdag eten we samen.',
    wijk: 'Wageningen, Benedenbuurt',
    adres: 'Hoekhuisstraat 21, 6701 CD Wageningen',
    contact: '0317-000 104, opdehoek@welzijn.example.nl',
    kosten: 'Gratis. Samen eten op vrijdag € 5.',
  },
  {
    nr: 5,
    categorie: 'ontmoeting',
    naam: 'Seniorensoos De Zonnewijzer',
    omschrijving:
      'Elke woensdagmiddag een soos voor 65-plussers. U kunt biljarten, kaarten of sjoelen. Eens per maand is er muziek of een lezing.',
    wijk: 'Veenendaal, Dragonder',
    adres: 'Zonnewijzerhof 5, 3905 AB Veenendaal',
    contact: '0318-000 105',
    kosten: 'Lidmaatschap € 15 per jaar. Koffie inbegrepen.',
  },
  {
    nr: 6,
    categorie: 'ontmoeting',
    naam: 'Dagactiviteiten-inloop De Stoof',
    omschrijving:
      'Dagactiviteit zonder indicatie. U komt één of meer dagdelen per week. U doet mee met koken, tuinieren of handwerken. Er is begeleiding door vrijwilligers en een beroepskracht.',
    wijk: 'Barneveld, Centrum',
    adres: 'Stoofweg 14, 3771 EF Barneveld',
    contact: '0342-000 106, destoof@dagactiviteit.example.nl',
    kosten: 'Eigen bijdrage € 3,50 per dagdeel, inclusief koffie. Lunch € 3.',
  },
  {
    nr: 7,
    categorie: 'ontmoeting',
    naam: 'Wijkrestaurant De Kookpot',
    omschrijving:
      'Twee keer per week een warme maaltijd samen met buurtgenoten. Vrijwilligers koken. Een mooie manier om nieuwe mensen te leren kennen.',
    wijk: 'Ede, Ede-Zuid',
    adres: 'Kookpotplein 2, 6716 GH Ede',
    contact: '0318-000 107, aanmelden één dag vooraf',
    kosten: '€ 6,50 per maaltijd, inclusief toetje.',
  },

  // ── Maaltijden ────────────────────────────────────────────────────────────────────────────────
  {
    nr: 8,
    categorie: 'maaltijden',
    naam: 'Tafeltje-dek-je Ede',
    omschrijving:
      'Vrijwilligers brengen een warme maaltijd bij u thuis, op de dagen die u kiest. Ook dieet- en vegetarische maaltijden. De bezorger maakt even een praatje.',
    wijk: 'Ede en Otterlo',
    adres: 'Bezorging aan huis',
    contact: '0318-000 108, tafeltje@ede.example.nl',
    kosten: '€ 7,50 per maaltijd, bezorgd aan huis.',
  },
  {
    nr: 9,
    categorie: 'maaltijden',
    naam: 'Maaltijdservice Vers aan Huis',
    omschrijving:
      'Verse maaltijden voor een hele week, gekoeld bezorgd. U warmt ze zelf op in de magnetron. Handig als u niet meer zelf kookt.',
    wijk: 'Barneveld en Voorthuizen',
    adres: 'Bezorging aan huis',
    contact: '0342-000 109, www.versaanhuis.example.nl',
    kosten: '€ 6,95 per maaltijd. Bezorgen is gratis vanaf 5 maaltijden.',
  },
  {
    nr: 10,
    categorie: 'maaltijden',
    naam: 'Eetpunt Samen aan Tafel',
    omschrijving:
      'Elke dinsdag en donderdag eet u samen met anderen in het wijkcentrum. Vervoer kan geregeld worden als u slecht ter been bent.',
    wijk: 'Veenendaal, Petenbos',
    adres: 'Petenboslaan 40, 3904 JK Veenendaal',
    contact: '0318-000 110',
    kosten: '€ 7 per maaltijd. Vervoer € 2 per rit.',
  },
  {
    nr: 11,
    categorie: 'maaltijden',
    naam: 'Kookgroep Bennekom Kookt',
    omschrijving:
      'Samen boodschappen doen, koken en eten met een kleine groep. Voor mensen die het alleen koken lastig vinden of graag gezelschap hebben.',
    wijk: 'Bennekom',
    adres: 'Dorpshuis De Kapel, Kapelhofweg 6, 6721 AB Bennekom',
    contact: '0318-000 111',
    kosten: '€ 5 per keer, voor de boodschappen.',
  },

  // ── Vervoer ───────────────────────────────────────────────────────────────────────────────────
  {
    nr: 12,
    categorie: 'vervoer',
    naam: 'Vrijwillige vervoersdienst RijMee Ede',
    omschrijving:
      'Vrijwilligers rijden u met hun eigen auto naar de huisarts, het ziekenhuis, de kapper of op visite. Bel minstens twee werkdagen van tevoren.',
    wijk: 'Ede, alle wijken',
    contact: '0318-000 112 (werkdagen 9.00-12.00 uur)',
    kosten: '€ 0,35 per kilometer voor de chauffeur, minimaal € 3 per rit.',
  },
  {
    nr: 13,
    categorie: 'vervoer',
    naam: 'Vervoersmaatje Lunteren en Ederveen',
    omschrijving:
      'Een vrijwilliger rijdt u met de eigen auto (een automaatje) naar een afspraak of een boodschap, ook buiten het dorp. Voor inwoners die niet zelf kunnen rijden of fietsen.',
    wijk: 'Lunteren, Ederveen',
    contact: '0318-000 113',
    kosten: '€ 0,30 per kilometer. Parkeerkosten betaalt u zelf.',
  },
  {
    nr: 14,
    categorie: 'vervoer',
    naam: 'Buurtbus De Wageningse Pendel',
    omschrijving:
      'Een kleine bus met vrijwillige chauffeurs. Rijdt vaste rondes langs winkels, de markt en het gezondheidscentrum. Instappen met rollator kan.',
    wijk: 'Wageningen',
    adres: 'Vertrek bij het busstation',
    contact: '0317-000 114, www.pendel.example.nl',
    kosten: '€ 1,50 per rit.',
  },
  {
    nr: 15,
    categorie: 'vervoer',
    naam: 'Boodschappenbus Barneveld',
    omschrijving:
      'Elke vrijdagochtend haalt de bus u thuis op. U doet zelf boodschappen in het centrum. Een vrijwilliger helpt met tassen dragen.',
    wijk: 'Barneveld, buitengebied',
    contact: '0342-000 115',
    kosten: '€ 2,50 heen en terug.',
  },
  {
    nr: 16,
    categorie: 'vervoer',
    naam: 'Rolstoelauto Veenendaal',
    omschrijving:
      'Vrijwilligers rijden met een aangepaste auto. U kunt in uw eigen rolstoel blijven zitten. Voor ritten in de regio, bijvoorbeeld naar het ziekenhuis.',
    wijk: 'Veenendaal en Rhenen',
    contact: '0318-000 116',
    kosten: '€ 0,40 per kilometer, minimaal € 4 per rit.',
  },

  // ── Vrijwilligers en maatjes ──────────────────────────────────────────────────────────────────
  {
    nr: 17,
    categorie: 'vrijwilligers',
    naam: 'Maatjesproject Samen Op Pad',
    omschrijving:
      'Een vaste vrijwilliger komt elke week bij u. Samen wandelen, een kop koffie drinken of iets leuks doen. Voor mensen die weinig contacten hebben.',
    wijk: 'Ede en Bennekom',
    contact: '0318-000 117, samenoppad@vrijwilligers.example.nl',
    kosten: 'Gratis.',
  },
  {
    nr: 18,
    categorie: 'vrijwilligers',
    naam: 'Boodschappendienst Helpende Hand',
    omschrijving:
      'Kunt u zelf geen boodschappen doen? Een vrijwilliger doet ze voor u, eens per week. U geeft een lijstje en betaalt bij aflevering.',
    wijk: 'Ede, Kernhem en Maandereng',
    contact: '0318-000 118',
    kosten: 'Gratis. U betaalt alleen uw boodschappen.',
  },
  {
    nr: 19,
    categorie: 'vrijwilligers',
    naam: 'Huisbezoek 75-plus',
    omschrijving:
      'Een getrainde vrijwilliger komt op bezoek en praat met u over hoe het gaat: wonen, gezondheid, contacten en geld. Samen kijkt u wat er nodig is.',
    wijk: 'Lunteren en Otterlo',
    contact: '0318-000 119',
    kosten: 'Gratis.',
  },
  {
    nr: 20,
    categorie: 'vrijwilligers',
    naam: 'Telefooncirkel Goedemorgen',
    omschrijving:
      'Elke ochtend belt iemand uit de cirkel u. Zo weet u dat er iemand aan u denkt. Neemt u niet op, dan belt de cirkel uw contactpersoon.',
    wijk: 'Wageningen',
    contact: '0317-000 120',
    kosten: 'Gratis.',
  },
  {
    nr: 21,
    categorie: 'vrijwilligers',
    naam: 'Digitaal Maatje',
    omschrijving:
      'Een vrijwilliger helpt u thuis met de tablet, smartphone of computer. Bijvoorbeeld met videobellen, DigiD of een afspraak bij de huisarts via internet.',
    wijk: 'Veenendaal',
    contact: '0318-000 121, digitaalmaatje@example.nl',
    kosten: 'Gratis.',
  },

  // ── Steun voor mantelzorgers ──────────────────────────────────────────────────────────────────
  {
    nr: 22,
    categorie: 'mantelzorgondersteuning',
    naam: 'Mantelzorgsteunpunt Ede',
    omschrijving:
      'Zorgt u voor iemand in uw omgeving? Een consulent luistert naar u en zoekt samen met u naar hulp, zodat de zorg vol te houden blijft. Ook informatie over regelingen.',
    wijk: 'Ede, Centrum',
    adres: 'Spoorzichtlaan 90, 6711 PR Ede',
    contact: '0318-000 122, mantelzorg@ede.example.nl',
    kosten: 'Gratis.',
  },
  {
    nr: 23,
    categorie: 'mantelzorgondersteuning',
    naam: 'Vrijwillige Thuisoppas De Adempauze',
    omschrijving:
      'Een vrijwilliger neemt een dagdeel per week de zorg van u over. Zo heeft u tijd voor uzelf. De vrijwilligers zijn getraind, ook in omgaan met dementie.',
    wijk: 'Ede, Bennekom, Lunteren',
    contact: '0318-000 123',
    kosten:
      'Gratis. Een kleine vergoeding voor reiskosten van de vrijwilliger kan gevraagd worden.',
  },
  {
    nr: 24,
    categorie: 'mantelzorgondersteuning',
    naam: 'Mantelzorgcafé Wageningen',
    omschrijving:
      'Eens per maand praten mantelzorgers met elkaar over hun ervaringen. Soms is er een spreker. U hoeft niet alleen te blijven met uw zorgen.',
    wijk: 'Wageningen',
    adres: 'Wijkcentrum De Kruising, Kruisingstraat 4, 6702 EF Wageningen',
    contact: '0317-000 124',
    kosten: 'Gratis.',
  },
  {
    nr: 25,
    categorie: 'mantelzorgondersteuning',
    naam: 'Cursus Goed Zorgen voor Jezelf',
    omschrijving:
      'Een cursus van vier bijeenkomsten voor mantelzorgers. U leert grenzen aangeven, hulp vragen en signalen van overbelasting herkennen.',
    wijk: 'Barneveld',
    contact: '0342-000 125, www.mantelzorgbarneveld.example.nl',
    kosten: 'Eigen bijdrage € 10 voor de hele cursus.',
  },
  {
    nr: 26,
    categorie: 'mantelzorgondersteuning',
    naam: 'Logeeradres De Rustplek',
    omschrijving:
      'Uw naaste kan een weekend logeren in een huiselijke plek met vrijwilligers en een verpleegkundige op afroep. Zo kunt u als mantelzorger even op adem komen.',
    wijk: 'Veenendaal',
    adres: 'Rustpleklaan 1, 3901 AA Veenendaal',
    contact: '0318-000 126',
    kosten: 'Eigen bijdrage € 25 per etmaal, inclusief maaltijden.',
  },

  // ── Bewegen ───────────────────────────────────────────────────────────────────────────────────
  {
    nr: 27,
    categorie: 'bewegen',
    naam: 'Beweeggroep 55+ Fit in de Wijk',
    omschrijving:
      'Elke week een uur bewegen op muziek, onder leiding van een sportdocent. Rustig tempo, ook op een stoel mogelijk.',
    wijk: 'Ede, Rietkampen',
    adres: 'Sporthal De Rietkamp, Rietkampweg 30, 6713 KL Ede',
    contact: '0318-000 127',
    kosten: '€ 3 per les, of € 30 voor een kaart van 12 lessen.',
  },
  {
    nr: 28,
    categorie: 'bewegen',
    naam: 'Stoelyoga Bennekom',
    omschrijving:
      'Yoga op en naast de stoel. Goed voor soepelheid en evenwicht. Geschikt als u niet meer op de grond kunt zitten.',
    wijk: 'Bennekom',
    contact: '0318-000 128',
    kosten: '€ 4 per les.',
  },
  {
    nr: 29,
    categorie: 'bewegen',
    naam: 'Wandelgroep De Heidestappers',
    omschrijving:
      'Elke donderdagochtend een wandeling van een uur over de heide. Met een vrijwillige begeleider. Na afloop samen koffie.',
    wijk: 'Lunteren',
    adres: 'Start bij het dorpshuis, Heidestapperspad 1, Lunteren',
    contact: '0318-000 129',
    kosten: 'Gratis. Koffie € 1.',
  },
  {
    nr: 30,
    categorie: 'bewegen',
    naam: 'Cursus Vallen Verleden Tijd',
    omschrijving:
      'Een cursus van tien lessen om vallen te voorkomen. U oefent evenwicht, lopen en opstaan. Voor mensen die bang zijn om te vallen of al eens gevallen zijn.',
    wijk: 'Veenendaal',
    contact: '0318-000 130',
    kosten:
      'Eigen bijdrage € 25 voor de hele cursus. Soms vergoedt de aanvullende verzekering dit.',
  },
  {
    nr: 31,
    categorie: 'bewegen',
    naam: 'Duofiets Wageningen',
    omschrijving:
      'Fietsen naast een vrijwilliger op een duofiets. U hoeft zelf niet te sturen. Heerlijk naar buiten, ook als u niet meer alleen fietst.',
    wijk: 'Wageningen',
    contact: '0317-000 131, duofiets@example.nl',
    kosten: 'Gratis.',
  },

  // ── Informatie en advies ──────────────────────────────────────────────────────────────────────
  {
    nr: 32,
    categorie: 'informatie-en-advies',
    naam: 'Formulierenhulp Ede',
    omschrijving:
      'Vrijwilligers helpen met formulieren en brieven, bijvoorbeeld van de gemeente, de Belastingdienst of de zorgverzekeraar. Zonder afspraak op het spreekuur.',
    wijk: 'Ede, Centrum',
    adres: 'Bibliotheek, Boekweitstraat 45, 6711 AW Ede',
    contact: '0318-000 132',
    kosten: 'Gratis.',
  },
  {
    nr: 33,
    categorie: 'informatie-en-advies',
    naam: 'Ouderenadviseur Bennekom',
    omschrijving:
      'Een ouderenadviseur geeft advies over wonen, zorg, geld en vrije tijd. Ze komt ook bij u thuis. Samen zoekt u naar wat voor u werkt.',
    wijk: 'Bennekom',
    contact: '0318-000 133, ouderenadviseur@bennekom.example.nl',
    kosten: 'Gratis.',
  },
  {
    nr: 34,
    categorie: 'informatie-en-advies',
    naam: 'Thuisadministratie Op Orde',
    omschrijving:
      'Een vrijwilliger helpt u thuis uw post en rekeningen te ordenen. Zo houdt u overzicht en voorkomt u schulden.',
    wijk: 'Veenendaal en Barneveld',
    contact: '0318-000 134',
    kosten: 'Gratis.',
  },
  {
    nr: 35,
    categorie: 'informatie-en-advies',
    naam: 'Inloopspreekuur Welzijn Wageningen',
    omschrijving:
      'Heeft u een vraag over wonen, zorg, eenzaamheid of geld? Loop binnen bij het spreekuur. Een medewerker luistert en wijst u de weg.',
    wijk: 'Wageningen, Centrum',
    adres: 'Markthof 7, 6701 GH Wageningen',
    contact: '0317-000 135, www.welzijnwageningen.example.nl',
    kosten: 'Gratis.',
  },
  {
    nr: 36,
    categorie: 'informatie-en-advies',
    naam: 'Cursus Klik en Tik',
    omschrijving:
      'Leer in kleine stappen werken met een tablet of computer. U oefent in de bibliotheek met hulp van een vrijwilliger.',
    wijk: 'Lunteren',
    adres: 'Bibliotheek Lunteren, Leeshofweg 2, 6741 BC Lunteren',
    contact: '0318-000 136',
    kosten: 'Gratis.',
  },

  // ── Klussen en wonen ──────────────────────────────────────────────────────────────────────────
  {
    nr: 37,
    categorie: 'klussen-en-wonen',
    naam: 'Klussendienst Handig Thuis',
    omschrijving:
      'Vrijwilligers doen kleine klussen in huis: een lamp ophangen, een kraan vervangen of een beugel in de badkamer plaatsen. Geen grote verbouwingen.',
    wijk: 'Ede, alle wijken',
    contact: '0318-000 137',
    kosten: '€ 5 per klus. Materiaal betaalt u zelf.',
  },
  {
    nr: 38,
    categorie: 'klussen-en-wonen',
    naam: 'Tuinhulp Groene Vingers',
    omschrijving:
      'Vrijwilligers helpen een paar keer per jaar met de tuin: snoeien, onkruid wieden en blad ruimen. Voor wie dit zelf niet meer kan.',
    wijk: 'Bennekom en Wageningen',
    contact: '0318-000 138',
    kosten: '€ 7,50 per keer. Afvoer van groen inbegrepen.',
  },
  {
    nr: 39,
    categorie: 'klussen-en-wonen',
    naam: 'Woonscan Veilig Thuis',
    omschrijving:
      'Een vrijwillige woonadviseur loopt met u door uw huis. Samen kijkt u naar gevaren zoals losse kleedjes en slechte verlichting. U krijgt tips om langer veilig thuis te wonen.',
    wijk: 'Barneveld en Ede',
    contact: '0342-000 139',
    kosten: 'Gratis.',
  },
  {
    nr: 40,
    categorie: 'klussen-en-wonen',
    naam: 'Repair Café De Schroevendraaier',
    omschrijving:
      'Neem uw kapotte spullen mee, zoals een lamp, broodrooster of kleding. Vrijwilligers repareren het samen met u. Elke eerste zaterdag van de maand.',
    wijk: 'Veenendaal, Centrum',
    adres: 'Schroefstraat 11, 3901 BC Veenendaal',
    contact: '0318-000 140',
    kosten: 'Gratis. Een vrijwillige bijdrage mag.',
  },

  // ── Dementie ──────────────────────────────────────────────────────────────────────────────────
  {
    nr: 41,
    categorie: 'dementie',
    naam: 'Geheugencafé De Wissel',
    omschrijving:
      'Een Alzheimer Café voor mensen met dementie, hun naasten en iedereen die er meer over wil weten. Elke maand een ander thema, met een deskundige en tijd om na te praten.',
    wijk: 'Ede, Centrum',
    adres: 'Wisselstraat 6, 6711 DE Ede',
    contact: '0318-000 141',
    kosten: 'Gratis.',
  },
  {
    nr: 42,
    categorie: 'dementie',
    naam: 'Ontmoetingsgroep Samen Verder',
    omschrijving:
      'Ontmoetingsgroep voor thuiswonende mensen met beginnende dementie. Drie dagdelen per week activiteiten, bewegen en een warme lunch. Mantelzorgers krijgen ook steun en uitleg.',
    wijk: 'Lunteren',
    adres: 'Bosrandweg 15, 6741 GH Lunteren',
    contact: '0318-000 142, samenverder@ontmoeten.example.nl',
    kosten: 'Eigen bijdrage € 4 per dagdeel, inclusief lunch.',
  },
  {
    nr: 43,
    categorie: 'dementie',
    naam: 'Wandelmaatje bij Dementie',
    omschrijving:
      'Een vaste vrijwilliger gaat één keer per week met uw naaste met dementie wandelen. Zo blijft hij of zij in beweging en heeft u even tijd voor uzelf.',
    wijk: 'Veenendaal en Wageningen',
    contact: '0318-000 143',
    kosten: 'Gratis.',
  },
];

/** Catalog entries carry the record fields too, so catalog and local entries are one type. */
function naarVoorziening({ nr, ...gegevens }: Regel): Voorziening {
  return {
    ...gegevens,
    type: 'voorziening',
    herkomst: 'catalogus',
    id: catalogusId(nr),
    updatedAt: `${CATALOGUS_PEILDATUM}T00:00:00.000Z`,
    updatedBy: 'catalogus',
    deleted: false,
  };
}

/** The shipped catalog, in the order of the categories. Read-only; never stored in IndexedDB. */
export const CATALOGUS: readonly Voorziening[] = Object.freeze(REGELS.map(naarVoorziening));
