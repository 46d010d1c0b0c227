/**
 * What each role sees in the app (docs/architecture.md, Roles). The server enforces access; this only
 * mirrors it, so nobody lands on a screen whose data the server will not give her.
 */
import type { Screen } from './navigation.tsx';

type Naam = Screen['name'];

/** Screens that work on client records on this device: arrangeur and casemanager. */
const CLIENTWERK: readonly Naam[] = [
  'caseload',
  'nieuwe-client',
  'client',
  'sociale-kaart',
  'plan',
  'plan-print',
  'review',
];
const ALTIJD: readonly Naam[] = ['over', 'conflicten', 'uitloggen'];

const PER_ROL: Readonly<Record<string, readonly Naam[]>> = {
  arrangeur: CLIENTWERK,
  casemanager: CLIENTWERK,
  coordinator: ['wie-betaalt-wat', 'tarieven'],
  // Tarieven first: it stays the start screen the existing specs expect (issue 14 adds the rest).
  beheerder: [
    'tarieven',
    'beheer-gebruikers',
    'beheer-caseloads',
    'beheer-import',
    'beheer-toegangslog',
    'beveiliging',
  ],
};

/** The screen a role starts on (and falls back to). An unknown role gets "Over deze app". */
export function startScherm(rol: string): Screen {
  const eerste = PER_ROL[rol]?.[0];
  return eerste ? ({ name: eerste } as Screen) : { name: 'over' };
}

export function magScherm(rol: string, naam: Naam): boolean {
  return ALTIJD.includes(naam) || (PER_ROL[rol] ?? []).includes(naam);
}

/** The main menu of a role, in order. */
export function menu(rol: string): readonly { screen: Screen; label: string }[] {
  const items: { screen: Screen; label: string }[] = [];
  const mag = (n: Naam) => (PER_ROL[rol] ?? []).includes(n);
  if (mag('caseload')) items.push({ screen: { name: 'caseload' }, label: 'Cliënten' });
  if (mag('sociale-kaart'))
    items.push({ screen: { name: 'sociale-kaart' }, label: 'Sociale kaart' });
  if (mag('wie-betaalt-wat'))
    items.push({ screen: { name: 'wie-betaalt-wat' }, label: 'Wie betaalt wat' });
  if (mag('beheer-gebruikers'))
    items.push({ screen: { name: 'beheer-gebruikers' }, label: 'Gebruikers' });
  if (mag('beheer-caseloads'))
    items.push({ screen: { name: 'beheer-caseloads' }, label: 'Caseloads' });
  if (mag('beheer-import')) items.push({ screen: { name: 'beheer-import' }, label: 'Importeren' });
  if (mag('beheer-toegangslog'))
    items.push({ screen: { name: 'beheer-toegangslog' }, label: 'Toegangslog' });
  if (mag('tarieven')) items.push({ screen: { name: 'tarieven' }, label: 'Tarieven' });
  if (mag('beveiliging')) items.push({ screen: { name: 'beveiliging' }, label: 'Beveiliging' });
  items.push({ screen: { name: 'over' }, label: 'Over deze app' });
  return items;
}
