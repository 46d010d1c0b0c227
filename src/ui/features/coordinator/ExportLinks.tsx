import type { Maand } from '../../../domain/kosten/model.ts';

export type ExportSoort = 'overzicht' | 'regels' | 'overrides' | 'verevening';

/** Only the period goes in the URL: the server builds the file from what the coordinator may see. */
export const exportUrl = (soort: ExportSoort, formaat: 'csv' | 'json', van: Maand, tot: Maand) =>
  `/api/coordinator/export?${new URLSearchParams({ soort, formaat, van, tot }).toString()}`;

export function ExportLinks(props: {
  readonly soort: ExportSoort;
  readonly wat: string;
  readonly van: Maand;
  readonly tot: Maand;
}) {
  const { soort, van, tot } = props;
  return (
    <p className="knoppen kosten-export">
      <a className="knop" href={exportUrl(soort, 'csv', van, tot)} download>
        Download CSV (Excel) <span className="visueel-verborgen">van {props.wat}</span>
      </a>
      <a className="knop" href={exportUrl(soort, 'json', van, tot)} download>
        Download JSON <span className="visueel-verborgen">van {props.wat}</span>
      </a>
    </p>
  );
}
