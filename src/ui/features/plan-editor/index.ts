export { PlanEditorScreen, type PlanEditorScreenProps } from './PlanEditorScreen.tsx';
