export { BeveiligingScreen } from './BeveiligingScreen.tsx';
