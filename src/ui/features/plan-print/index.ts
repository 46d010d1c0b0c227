export { PlanPrintScreen, type PlanPrintScreenProps } from './PlanPrintScreen.tsx';
