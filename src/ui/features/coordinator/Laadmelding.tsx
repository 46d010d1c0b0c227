import type { Laadstatus } from './server.ts';

/** "Loading" or the Dutch reason it failed, with a retry; nothing once the data is in. */
export function Laadmelding(props: {
  readonly status: Laadstatus<unknown>;
  readonly onOpnieuw: () => void;
}) {
  if (props.status.soort === 'laden')
    return (
      <p className="kosten-laden" role="status">
        Gegevens ophalen…
      </p>
    );
  if (props.status.soort === 'fout')
    return (
      <div className="fout-melding kosten-fout" role="alert">
        <p>{props.status.melding}</p>
        <button type="button" className="knop" onClick={props.onOpnieuw}>
          Probeer opnieuw
        </button>
      </div>
    );
  return null;
}
