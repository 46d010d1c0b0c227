/**
 * The inzet catalog: what an arrangeur can put in a plan. Every category key of
 * docs/financiering.md §1 appears exactly once in CATEGORIEEN, and every category has at least one
 * concrete type a nurse recognises. Codes are stable: a plan stores the code, never the label, so
 * a label may be reworded but a code is never reused for something else.
 */
import { z } from 'zod';

/** docs/financiering.md §1, in that order. */
export const CATEGORIEEN = [
  'verpleging',
  'persoonlijke-verzorging',
  'casemanagement-dementie',
  'huishoudelijke-ondersteuning',
  'begeleiding-individueel',
  'dagbesteding',
  'vervoer-dagbesteding',
  'kortdurend-verblijf',
  'eerstelijnsverblijf',
  'geriatrische-revalidatie',
  'behandeling-so',
  'hulpmiddel-mobiliteit',
  'hulpmiddel-tijdelijke-uitleen',
  'hulpmiddel-medisch-verbruik',
  'woningaanpassing',
  'personenalarmering',
  'zorgtechnologie',
  'maaltijdvoorziening',
  'mantelzorgondersteuning',
  'informele-hulp',
  'algemene-voorziening',
  'ggz-behandeling',
  'beschermd-wonen',
  'wlz-verblijf',
] as const;
export const categorieSchema = z.enum(CATEGORIEEN, {
  error: 'Onbekende categorie: gebruik een sleutel uit docs/financiering.md §1.',
});
export type Categorie = z.infer<typeof categorieSchema>;

export const EENHEDEN = [
  'uur/week',
  'uur/maand',
  'dagdeel/week',
  'rit/week',
  'etmaal',
  'etmaal/maand',
  'maaltijd/week',
  'stuk',
  'abonnement',
] as const;
export const eenheidSchema = z.enum(EENHEDEN, { error: 'Onbekende eenheid.' });
export type Eenheid = z.infer<typeof eenheidSchema>;

/** The rungs of the Wmo ladder as the plan shows them (Wmo 2015 art. 2.3.2 lid 4, docs/financiering.md P1). */
export const TREDEN = [
  'eigen-kracht',
  'netwerk',
  'voorziening',
  'hulpmiddel',
  'professioneel',
] as const;
export type Trede = (typeof TREDEN)[number];

/**
 * Facts that some catalog types fix by their nature (a rollator is algemeen gebruikelijk; MSVT is
 * by definition under a medisch specialist). An inzet may state the same facts itself; what the
 * inzet says wins, except `algemeenGebruikelijk`, which only the catalog decides.
 */
export interface CatalogFeiten {
  readonly verzorgingsaard?: 'geneeskundig' | 'begeleidend';
  readonly msvt?: boolean;
  readonly algemeenGebruikelijk?: boolean;
  /** behandeling-so: care of the SO or AVG themselves (true) or of a gedragswetenschapper (false). */
  readonly soOfAvg?: boolean;
}

export interface InzetType {
  readonly code: string;
  readonly label: string;
  readonly categorie: Categorie;
  readonly eenheid: Eenheid;
  readonly trede: Trede;
  readonly feiten?: CatalogFeiten;
}

const t = (
  code: string,
  label: string,
  categorie: Categorie,
  eenheid: Eenheid,
  trede: Trede,
  feiten?: CatalogFeiten,
): InzetType =>
  feiten
    ? { code, label, categorie, eenheid, trede, feiten }
    : { code, label, categorie, eenheid, trede };

/** The first type of each category is its default when an input names only the category. */
export const INZET_CATALOGUS: readonly InzetType[] = [
  t('VP-WONDZORG', 'Wondzorg', 'verpleging', 'uur/week', 'professioneel'),
  t('VP-MEDICATIE', 'Medicatie toedienen en injecties', 'verpleging', 'uur/week', 'professioneel'),
  t('VP-STOMA-KATHETER', 'Stoma- en katheterzorg', 'verpleging', 'uur/week', 'professioneel'),
  t(
    'VP-MSVT',
    'Verpleging onder aansturing van de medisch specialist (MSVT)',
    'verpleging',
    'uur/week',
    'professioneel',
    { msvt: true },
  ),
  t(
    'PV-ADL',
    'Persoonlijke verzorging (wassen, aankleden, toilet)',
    'persoonlijke-verzorging',
    'uur/week',
    'professioneel',
  ),
  t(
    'PV-STEUNKOUSEN',
    'Steunkousen aan- en uittrekken',
    'persoonlijke-verzorging',
    'uur/week',
    'professioneel',
    { verzorgingsaard: 'geneeskundig' },
  ),
  t(
    'PV-AANSPOREN',
    'Aansporen en toezicht bij de persoonlijke verzorging',
    'persoonlijke-verzorging',
    'uur/week',
    'professioneel',
    { verzorgingsaard: 'begeleidend' },
  ),
  t(
    'CM-DEMENTIE',
    'Casemanagement dementie',
    'casemanagement-dementie',
    'uur/maand',
    'professioneel',
  ),
  t(
    'HH-SCHOONMAAK',
    'Hulp bij het huishouden (schoonmaken)',
    'huishoudelijke-ondersteuning',
    'uur/week',
    'professioneel',
  ),
  t(
    'HH-ORGANISEREN',
    'Huishouden leren organiseren',
    'huishoudelijke-ondersteuning',
    'uur/week',
    'professioneel',
  ),
  t(
    'BG-INDIVIDUEEL',
    'Individuele begeleiding',
    'begeleiding-individueel',
    'uur/week',
    'professioneel',
  ),
  t(
    'BG-ADMINISTRATIE',
    'Begeleiding bij administratie en dagstructuur',
    'begeleiding-individueel',
    'uur/week',
    'professioneel',
  ),
  t('DB-OUDEREN', 'Dagbesteding ouderen', 'dagbesteding', 'dagdeel/week', 'professioneel'),
  t('DB-DEMENTIE', 'Dagbesteding bij dementie', 'dagbesteding', 'dagdeel/week', 'professioneel'),
  t('DB-GROEPSBEGELEIDING', 'Groepsbegeleiding', 'dagbesteding', 'dagdeel/week', 'professioneel'),
  t(
    'VV-DAGBESTEDING',
    'Vervoer naar dagbesteding',
    'vervoer-dagbesteding',
    'rit/week',
    'professioneel',
  ),
  t(
    'KV-LOGEEROPVANG',
    'Logeeropvang (respijtzorg met overnachting)',
    'kortdurend-verblijf',
    'etmaal/maand',
    'professioneel',
  ),
  t(
    'ELV-LAAG',
    'Eerstelijnsverblijf laag complex',
    'eerstelijnsverblijf',
    'etmaal',
    'professioneel',
  ),
  t(
    'ELV-HOOG',
    'Eerstelijnsverblijf hoog complex',
    'eerstelijnsverblijf',
    'etmaal',
    'professioneel',
  ),
  t(
    'ELV-PALLIATIEF',
    'Eerstelijnsverblijf palliatief',
    'eerstelijnsverblijf',
    'etmaal',
    'professioneel',
  ),
  t(
    'GRZ-KLINISCH',
    'Geriatrische revalidatie (opname)',
    'geriatrische-revalidatie',
    'etmaal',
    'professioneel',
  ),
  t(
    'GRZ-AMBULANT',
    'Geriatrische revalidatie (poliklinisch)',
    'geriatrische-revalidatie',
    'uur/week',
    'professioneel',
  ),
  // soOfAvg: the GZSP moved to the Zvw in two steps, SO and AVG in 2020, the rest in 2021 (rules.ts).
  t(
    'BH-SO',
    'Behandeling door de specialist ouderengeneeskunde',
    'behandeling-so',
    'uur/maand',
    'professioneel',
    { soOfAvg: true },
  ),
  t(
    'BH-AVG',
    'Behandeling door de arts verstandelijk gehandicapten',
    'behandeling-so',
    'uur/maand',
    'professioneel',
    { soOfAvg: true },
  ),
  t(
    'BH-GEDRAG',
    'Behandeling door een gedragswetenschapper',
    'behandeling-so',
    'uur/maand',
    'professioneel',
    { soOfAvg: false },
  ),
  t('HM-ROLSTOEL', 'Rolstoel (blijvend)', 'hulpmiddel-mobiliteit', 'stuk', 'hulpmiddel'),
  t('HM-SCOOTMOBIEL', 'Scootmobiel', 'hulpmiddel-mobiliteit', 'stuk', 'hulpmiddel'),
  t('HM-FIETS', 'Aangepaste fiets (driewieler)', 'hulpmiddel-mobiliteit', 'stuk', 'hulpmiddel'),
  // The Wmo MvT calls a simple rollator algemeen gebruikelijk; contested (SCH-ROL, docs/financiering.md §8.5).
  t('HM-ROLLATOR', 'Rollator', 'hulpmiddel-mobiliteit', 'stuk', 'hulpmiddel', {
    algemeenGebruikelijk: true,
  }),
  t(
    'UL-ROLSTOEL',
    'Rolstoel (tijdelijke uitleen)',
    'hulpmiddel-tijdelijke-uitleen',
    'stuk',
    'hulpmiddel',
  ),
  t(
    'UL-BED',
    'Hoog-laagbed (tijdelijke uitleen)',
    'hulpmiddel-tijdelijke-uitleen',
    'stuk',
    'hulpmiddel',
  ),
  t(
    'UL-DOUCHESTOEL',
    'Douchestoel (tijdelijke uitleen)',
    'hulpmiddel-tijdelijke-uitleen',
    'stuk',
    'hulpmiddel',
  ),
  // Krukken are not in the basisverzekering (docs/financiering.md §1, UITLEEN): bought by the client.
  t('UL-KRUKKEN', 'Krukken', 'hulpmiddel-tijdelijke-uitleen', 'stuk', 'hulpmiddel', {
    algemeenGebruikelijk: true,
  }),
  t(
    'MV-INCONTINENTIE',
    'Incontinentiemateriaal',
    'hulpmiddel-medisch-verbruik',
    'stuk',
    'hulpmiddel',
  ),
  t('MV-VERBAND', 'Verbandmiddelen', 'hulpmiddel-medisch-verbruik', 'stuk', 'hulpmiddel'),
  t(
    'MV-STOMA-KATHETER',
    'Stoma- en katheterhulpmiddelen',
    'hulpmiddel-medisch-verbruik',
    'stuk',
    'hulpmiddel',
  ),
  t('WA-TRAPLIFT', 'Woningaanpassing: traplift', 'woningaanpassing', 'stuk', 'hulpmiddel'),
  t('WA-BADKAMER', 'Woningaanpassing: badkamer', 'woningaanpassing', 'stuk', 'hulpmiddel'),
  t('WA-DREMPELS', 'Woningaanpassing: drempels weghalen', 'woningaanpassing', 'stuk', 'hulpmiddel'),
  t('WA-TILLIFT', 'Tillift', 'woningaanpassing', 'stuk', 'hulpmiddel'),
  t('PA-ALARM', 'Personenalarmering (alarmknop)', 'personenalarmering', 'abonnement', 'hulpmiddel'),
  t('ZT-MEDICIJNDISPENSER', 'Medicijndispenser', 'zorgtechnologie', 'stuk', 'hulpmiddel'),
  t('ZT-BEELDZORG', 'Beeldzorg (zorg op afstand)', 'zorgtechnologie', 'abonnement', 'hulpmiddel'),
  t(
    'ZT-SENSOREN',
    'Sensoren en leefstijlmonitoring',
    'zorgtechnologie',
    'abonnement',
    'hulpmiddel',
  ),
  t(
    'MT-MAALTIJDSERVICE',
    'Maaltijdservice (maaltijden thuisbezorgd)',
    'maaltijdvoorziening',
    'maaltijd/week',
    'voorziening',
  ),
  t('MZ-CONSULENT', 'Mantelzorgconsulent', 'mantelzorgondersteuning', 'uur/maand', 'voorziening'),
  t(
    'MZ-LOTGENOTEN',
    'Lotgenotengroep voor mantelzorgers',
    'mantelzorgondersteuning',
    'dagdeel/week',
    'voorziening',
  ),
  t('IH-NETWERK', 'Hulp van familie, buren of vrienden', 'informele-hulp', 'uur/week', 'netwerk'),
  t('IH-VRIJWILLIGER', 'Hulp van een vrijwilliger', 'informele-hulp', 'uur/week', 'netwerk'),
  t(
    'IH-HUISGENOOT',
    'Hulp van partner of huisgenoot (gebruikelijke hulp)',
    'informele-hulp',
    'uur/week',
    'eigen-kracht',
  ),
  t('IH-ZELF', 'Zelf doen (eigen kracht)', 'informele-hulp', 'uur/week', 'eigen-kracht'),
  t(
    'AV-ONTMOETING',
    'Ontmoetingsgroep of buurthuis',
    'algemene-voorziening',
    'dagdeel/week',
    'voorziening',
  ),
  t(
    'AV-WELZIJN-OP-RECEPT',
    'Welzijn op recept',
    'algemene-voorziening',
    'dagdeel/week',
    'voorziening',
  ),
  t('AV-BOODSCHAPPEN', 'Boodschappendienst', 'algemene-voorziening', 'rit/week', 'voorziening'),
  t('GGZ-BASIS', 'Basis-ggz behandeling', 'ggz-behandeling', 'uur/maand', 'professioneel'),
  t(
    'GGZ-SPECIALISTISCH',
    'Specialistische ggz behandeling',
    'ggz-behandeling',
    'uur/maand',
    'professioneel',
  ),
  t('BW-BESCHERMD-WONEN', 'Beschermd wonen', 'beschermd-wonen', 'etmaal/maand', 'professioneel'),
  t(
    'WV-VERPLEEGHUIS',
    'Wonen in een verpleeghuis',
    'wlz-verblijf',
    'etmaal/maand',
    'professioneel',
  ),
  t(
    'WV-GEHANDICAPTENZORG',
    'Wonen in een instelling voor gehandicaptenzorg',
    'wlz-verblijf',
    'etmaal/maand',
    'professioneel',
  ),
];

const byCode = new Map(INZET_CATALOGUS.map((i) => [i.code, i]));
const defaultByCategorie = new Map<Categorie, InzetType>();
for (const i of INZET_CATALOGUS)
  if (!defaultByCategorie.has(i.categorie)) defaultByCategorie.set(i.categorie, i);

export function findInzetType(code: string): InzetType | undefined {
  return byCode.get(code);
}

/** The type used when an input names only a category (the first of that category). */
export function standaardType(categorie: Categorie): InzetType {
  // Every category has a type: test/domain/catalog.test.ts holds that true.
  return defaultByCategorie.get(categorie)!;
}

export function typenVan(categorie: Categorie): InzetType[] {
  return INZET_CATALOGUS.filter((i) => i.categorie === categorie);
}
