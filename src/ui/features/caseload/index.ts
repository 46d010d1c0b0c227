export { CaseloadScreen, type CaseloadScreenProps } from './CaseloadScreen.tsx';
export { ClientFormScreen, type ClientFormScreenProps } from './ClientFormScreen.tsx';
