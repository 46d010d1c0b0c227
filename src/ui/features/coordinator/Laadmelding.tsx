import { Laadstand } from '../../components/Schermdelen.tsx';
import type { Laadstatus } from './server.ts';

/** "Loading" or the Dutch reason it failed, with a retry; nothing once the data is in. */
export function Laadmelding(props: {
  readonly status: Laadstatus<unknown>;
  readonly onOpnieuw: () => void;
}) {
  return <Laadstand status={props.status} laden="Gegevens ophalen…" onOpnieuw={props.onOpnieuw} />;
}
