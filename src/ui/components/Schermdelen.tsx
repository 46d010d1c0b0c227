/**
 * Shared parts of the online-only screens (beheer, tarieven, coordinator): the loading and
 * failure state of server data, a one-line outcome message and a table in its own scroll region.
 * One markup for each, so every screen reads and sounds the same to a screen reader
 * (docs/style.md). Fields outside a form are in LosseVelden.tsx.
 */
import type { ReactNode } from 'react';
import type { Laadstatus } from '../lib/useServerData.ts';
import './schermdelen.css';

/** "Loading" or the Dutch reason it failed, with a retry; nothing once the data is in. */
export function Laadstand(props: {
  readonly status: Laadstatus<unknown>;
  /** What is said while loading; without it nothing is shown while loading. */
  readonly laden?: string;
  readonly onOpnieuw?: () => void;
}) {
  const { status } = props;
  if (status.soort === 'laden')
    return props.laden ? (
      <p className="laad-melding" role="status">
        {props.laden}
      </p>
    ) : null;
  if (status.soort === 'fout')
    return (
      <div className="fout-melding laad-fout" role="alert">
        <p>{status.melding}</p>
        {props.onOpnieuw && (
          <button type="button" className="knop" onClick={props.onOpnieuw}>
            Probeer opnieuw
          </button>
        )}
      </div>
    );
  return null;
}

/** The outcome of an action: done (a status) or refused (an alert). */
export type Uitkomst = { readonly soort: 'ok' | 'fout'; readonly tekst: string } | null;

export function Uitkomstmelding(props: { readonly uitkomst: Uitkomst }) {
  const { uitkomst } = props;
  if (!uitkomst) return null;
  const ok = uitkomst.soort === 'ok';
  return (
    <p className={ok ? 'ok-melding' : 'fout-melding'} role={ok ? 'status' : 'alert'}>
      {uitkomst.tekst}
    </p>
  );
}

/** A column heading; `getal` right-aligns a column of numbers. */
export type Kolom = string | { readonly kop: ReactNode; readonly getal?: boolean };

/**
 * A data table in a scroll region a keyboard can reach (`label` names the region), with its
 * caption (hidden unless `captionZichtbaar`) and column headings; the rows are the children.
 */
export function Tabel(props: {
  readonly label: string;
  readonly caption: string;
  readonly captionZichtbaar?: boolean;
  readonly kolommen: readonly Kolom[];
  /** The screen's own class next to `data-tabel`. */
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className="tabel-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table className={props.className ? `data-tabel ${props.className}` : 'data-tabel'}>
        <caption className={props.captionZichtbaar ? undefined : 'visueel-verborgen'}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.kolommen.map((k, i) =>
              typeof k === 'string' ? (
                <th key={i} scope="col">
                  {k}
                </th>
              ) : (
                <th key={i} scope="col" className={k.getal ? 'getal' : undefined}>
                  {k.kop}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/** The end of a plain form: what is wrong (an alert) and the submit button, off while busy. */
export function Verstuurregel(props: {
  readonly fout: string | null;
  readonly bezig?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <>
      {props.fout && (
        <p className="fout-melding" role="alert">
          {props.fout}
        </p>
      )}
      <button type="submit" className="knop knop-primair" disabled={props.bezig ?? false}>
        {props.children}
      </button>
    </>
  );
}
