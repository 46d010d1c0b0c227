export { SocialeKaartScreen } from './SocialeKaartScreen.tsx';
