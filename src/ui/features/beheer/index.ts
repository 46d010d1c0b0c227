export { GebruikersScreen } from './GebruikersScreen.tsx';
export { CaseloadsScreen } from './CaseloadsScreen.tsx';
export { ToegangslogScreen } from './ToegangslogScreen.tsx';
export { ImportScreen } from './ImportScreen.tsx';
