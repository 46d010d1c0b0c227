/**
 * The few FHIR R4 shapes the export writes, and the identifier and code systems it uses.
 * National systems (BSN, UZOVI, AGB) are the NamingSystems of fhir.nl; for the CBS gemeentecode,
 * the iWlz zorgkantoor code and Arrangeur's own codes no national FHIR NamingSystem was found, so
 * they carry an Arrangeur URI (docs/fhir.md says so).
 */
export interface Reference {
  readonly reference?: string;
  readonly display?: string;
}

/** A resource as plain JSON; the tests validate every one against the R4 structure definitions. */
export interface FhirResource {
  readonly resourceType: string;
  readonly id: string;
  readonly [veld: string]: unknown;
}

const ARRANGEUR = 'https://arrangeur.nl/fhir';

export const SYSTEMEN = {
  bsn: 'http://fhir.nl/fhir/NamingSystem/bsn',
  uzovi: 'http://fhir.nl/fhir/NamingSystem/uzovi',
  agb: 'http://fhir.nl/fhir/NamingSystem/agb-z',
  cbsGemeente: `${ARRANGEUR}/NamingSystem/cbs-gemeentecode`,
  zorgkantoor: `${ARRANGEUR}/NamingSystem/iwlz-zorgkantoor`,
  inzet: `${ARRANGEUR}/CodeSystem/inzet`,
  ladderstap: `${ARRANGEUR}/CodeSystem/ladderstap`,
  levensdomein: `${ARRANGEUR}/CodeSystem/levensdomein`,
  extGemeente: `${ARRANGEUR}/StructureDefinition/gemeente`,
  extIntensieveKindzorg: `${ARRANGEUR}/StructureDefinition/intensieve-kindzorg`,
  extFinanciering: `${ARRANGEUR}/StructureDefinition/financiering`,
  extHulp: `${ARRANGEUR}/StructureDefinition/hulp-van-naaste`,
  extHoeVaak: `${ARRANGEUR}/StructureDefinition/hoe-vaak`,
  extBelasting: `${ARRANGEUR}/StructureDefinition/belasting-mantelzorger`,
  extEvaluatie: `${ARRANGEUR}/StructureDefinition/evaluatiedatum`,
  extLadderToelichting: `${ARRANGEUR}/StructureDefinition/ladder-toelichting`,
} as const;
