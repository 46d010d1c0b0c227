/** Dutch words for roles and access-log actions on the beheer screens. */
import type { BeheerRol as Rol } from '../../../domain/beheer/api.ts';

export const ROL_NAAM: Record<Rol, string> = {
  arrangeur: 'Arrangeur (wijkverpleegkundige)',
  casemanager: 'Casemanager dementie',
  coordinator: 'Coördinator',
  beheerder: 'Beheerder',
};

export const rolNaam = (rol: string | null): string =>
  rol === null ? '—' : (ROL_NAAM[rol as Rol] ?? rol);

const ACTIE_NAAM: Record<string, string> = {
  login: 'Ingelogd',
  logout: 'Uitgelogd',
  pull: 'Gegevens opgehaald (gelezen)',
  push: 'Wijzigingen opgeslagen',
  'push:geweigerd': 'Wijziging geweigerd',
  'wachtwoord-gewijzigd': 'Eigen wachtwoord gewijzigd',
  'beheer:gebruiker-aangemaakt': 'Gebruiker toegevoegd',
  'beheer:sessies-ingetrokken': 'Sessies beëindigd',
  'beheer:caseload-toegewezen': 'Cliënt toegewezen aan caseload',
  'beheer:caseload-ontnomen': 'Cliënt uit caseload gehaald',
  'beheer:review-gedeeld': 'Gedeeld voor review',
  'beheer:review-ingetrokken': 'Review-deling beëindigd',
  'review:gedeeld': 'Gedeeld voor review',
  'review:deling-beeindigd': 'Review-deling beëindigd',
  'beheer:gebruiker-gedeactiveerd': 'Gebruiker uitgezet',
  'beheer:gebruiker-geactiveerd': 'Gebruiker weer aangezet',
  'beheer:wachtwoord-hersteld': 'Nieuw wachtwoord gegeven',
  'beheer:caseloads-gelezen': 'Caseloads bekeken',
  'beheer:clienten-gelezen': 'Cliëntenlijst bekeken (naam en geboortedatum)',
  'beheer:toegangslog-gelezen': 'Toegangslog bekeken',
  'beheer:toegangslog-export': 'Toegangslog gedownload',
  'beheer:import-voorbeeld': 'Importbestand gecontroleerd',
  'beheer:client-geimporteerd': 'Cliënt geïmporteerd',
  'tarieven:gelezen': 'Tarieven bekeken',
};

export const actieNaam = (actie: string): string =>
  ACTIE_NAAM[actie] ?? (actie.startsWith('coordinator') ? 'Overzicht coördinator' : actie);

export const UITKOMST_NAAM = { ok: 'Gelukt', geweigerd: 'Geweigerd', mislukt: 'Mislukt' } as const;

/** "3 december 2026 om 16:05" in Dutch time. */
export function tijdstipNl(iso: string | null): string {
  if (iso === null) return 'nog nooit';
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
