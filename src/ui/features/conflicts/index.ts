export { ConflictsScreen } from './ConflictsScreen.tsx';
