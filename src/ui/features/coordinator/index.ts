export { CoordinatorScreen } from './CoordinatorScreen.tsx';
