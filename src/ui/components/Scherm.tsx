/**
 * Parts every plan screen has (editor, print, review): the heading row, and what a screen says
 * when the client or plan it was opened for is not on this device.
 */
import type { ReactNode } from 'react';

/** The heading row of a screen: its h1 with a line under it, and its buttons beside it. */
export function SchermKop(props: {
  readonly titelId: string;
  readonly titel: string;
  readonly onder: ReactNode;
  readonly children: ReactNode;
}) {
  return (
    <div className="scherm-kop">
      <div>
        <h1 id={props.titelId}>{props.titel}</h1>
        {props.onder}
      </div>
      <div className="knoppen">{props.children}</div>
    </div>
  );
}

/** A screen that cannot show what was asked: why (an alert), and the way back. */
export function NietGevonden(props: {
  readonly melding: string;
  readonly titel?: string | undefined;
  readonly terug: string;
  readonly onTerug: () => void;
}) {
  return (
    <section className="scherm">
      {props.titel && <h1>{props.titel}</h1>}
      <p role="alert">{props.melding}</p>
      <button type="button" className="knop" onClick={props.onTerug}>
        {props.terug}
      </button>
    </section>
  );
}
