/** Dutch texts of the review parts of the caseload (issue 6), B1. */
export const trc = {
  stand: {
    wacht: 'Ter review',
    akkoord: 'Review: akkoord',
    aanpassen: 'Aanpassen gevraagd',
  },
  openOpmerkingen: (n: number) => (n === 1 ? '1 open opmerking' : `${n} open opmerkingen`),
  teReviewen: 'Te reviewen',
  gevraagdDoor: (naam: string, datum: string) => `Gevraagd door ${naam} op ${datum}`,
  reviewOpenen: (naam: string) => `Review openen: ${naam}`,
  reviewOpenenKort: 'Review openen',
  reviewKnop: (naam: string) => `Review van ${naam}`,
  reviewKort: 'Review',
  onbekendeClient: 'Cliënt (nog niet op dit apparaat)',
} as const;
