// GENERATED from the Arrangeur reference data (zorgverzekeraars.csv); see ./BRONNEN.md for sources and doubts.
// Peildatum: provisional, two independent sources per row. Copied into the repo on 2026-11-23. Do not edit by hand: a change is a new dated table.
export const ZORGVERZEKERAARS: ReadonlyArray<{
  readonly uzovi: string;
  readonly naam: string;
  readonly concern: string;
}> = [
  { uzovi: '3311', naam: 'Zilveren Kruis Zorgverzekeringen N.V.', concern: 'Achmea' },
  { uzovi: '3313', naam: 'Interpolis Zorgverzekeringen NV', concern: 'Achmea' },
  { uzovi: '3332', naam: 'Menzis Zorgverzekeraar N.V.', concern: 'Menzis' },
  { uzovi: '3351', naam: 'FBTO Zorgverzekeringen N.V.', concern: 'Achmea' },
  { uzovi: '3358', naam: 'De Friesland Zorgverzekeraar N.V.', concern: 'Achmea' },
  { uzovi: '3361', naam: 'ZEKUR', concern: 'VGZ' },
  { uzovi: '7095', naam: 'VGZ Zorgverzekeraar N.V.', concern: 'VGZ' },
  { uzovi: '7119', naam: 'CZ', concern: 'CZ' },
];
