/** Dutch texts of the review parts of the plan editor (issue 6), B1. */
export const trv = {
  terReviewSturen: 'Ter review sturen',
  terReviewUitleg:
    'Laat een casemanager dementie het plan lezen. Zij kan opmerkingen maken en zegt of het plan akkoord is.',
  kiesCasemanager: 'Naar welke casemanager?',
  casemanagersLaden: 'De casemanagers worden opgehaald…',
  geenCasemanagers:
    'Er is geen casemanager gevonden. Maak verbinding met internet en probeer het opnieuw.',
  opnieuw: 'Opnieuw proberen',
  vraag: 'Uw vraag aan de casemanager',
  vraagHint: 'Niet verplicht. Bijvoorbeeld: klopt de inzet van de dagbesteding?',
  versturen: 'Versturen',
  annuleren: 'Annuleren',
  nietVerstuurd: 'Niet verstuurd',
  terReviewBij: (naam: string, sinds: string) => `Ter review bij ${naam} sinds ${sinds}.`,
  terReviewUitlegAlleenLezen:
    'U kunt het plan nu niet wijzigen. Het akkoord van de cliënt kunt u wel vastleggen.',
  vraagWasAan: 'Uw vraag:',
  isAkkoord: (naam: string) => `${naam} is akkoord met het plan.`,
  akkoordUitleg: 'U kunt het plan nu vaststellen in de laatste stap.',
  vraagtAanpassingen: (naam: string) => `${naam} vraagt om aanpassingen.`,
  aanpassenUitleg: 'Zet het plan terug naar concept, pas het aan en stuur het opnieuw.',
  terugNaarConcept: 'Terug naar concept',
  toelichtingVan: (naam: string) => `Toelichting van ${naam}:`,
  opnieuwSturen: 'Opnieuw ter review sturen',
  openOpmerkingen: (n: number) => (n === 1 ? '1 open opmerking' : `${n} open opmerkingen`),
  opmerkingenTitel: 'Opmerkingen van de review',
  opmerkingBij: (wat: string) => `Bij: ${wat}`,
  auteurOp: (naam: string, moment: string) => `${naam}, ${moment}`,
  verwerkt: 'Verwerkt',
  verwerktLabel: (tekst: string) => `Verwerkt: ${tekst}`,
} as const;
