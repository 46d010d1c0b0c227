export { TarievenScreen } from './TarievenScreen.tsx';
