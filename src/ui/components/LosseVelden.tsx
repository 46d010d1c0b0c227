/**
 * Inputs that are not part of a react-hook-form form (filters, a search, a period, the beheer
 * forms): each with a visible label tied to its input. Form fields bound to a schema are in
 * fields.tsx.
 */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A label above its input; `children` gets the id the input must carry. */
export function Veld(props: {
  readonly label: ReactNode;
  readonly children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="veld">
      <label htmlFor={id} className="veld-label">
        {props.label}
      </label>
      {props.children(id)}
    </div>
  );
}

/** A text input (or date, month, search) under its label; `onWijzig` gets what is typed. */
export function Invoerveld(
  props: {
    readonly label: ReactNode;
    readonly waarde: string;
    readonly onWijzig: (tekst: string) => void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>,
) {
  const { label, waarde, onWijzig, ...invoer } = props;
  return (
    <Veld label={label}>
      {(id) => (
        <input id={id} {...invoer} value={waarde} onChange={(e) => onWijzig(e.target.value)} />
      )}
    </Veld>
  );
}

/** A filter that picks one of `opties`, or all of them (`alle`: the text of the empty choice). */
export function Keuzeveld(props: {
  readonly label: ReactNode;
  readonly waarde: string;
  readonly onWijzig: (waarde: string) => void;
  readonly alle: string;
  readonly opties: readonly { readonly waarde: string; readonly tekst: string }[];
}) {
  return (
    <Veld label={props.label}>
      {(id) => (
        <select
          id={id}
          className="veld-invoer"
          value={props.waarde}
          onChange={(e) => props.onWijzig(e.target.value)}
        >
          <option value="">{props.alle}</option>
          {props.opties.map((o) => (
            <option key={o.waarde} value={o.waarde}>
              {o.tekst}
            </option>
          ))}
        </select>
      )}
    </Veld>
  );
}

/**
 * "Van" and "Tot en met" of a period, as dates or months (`soort`). `foutId` names the message
 * that says what is wrong with the period, if any.
 */
export function Periodevelden(props: {
  readonly soort: 'date' | 'month';
  readonly van: string;
  readonly tot: string;
  readonly onVan: (van: string) => void;
  readonly onTot: (tot: string) => void;
  readonly foutId?: string | null | undefined;
}) {
  const maand = props.soort === 'month';
  const velden = [
    { label: maand ? 'Van (maand)' : 'Van', waarde: props.van, kies: props.onVan },
    { label: maand ? 'Tot en met (maand)' : 'Tot en met', waarde: props.tot, kies: props.onTot },
  ];
  return velden.map((v) => (
    <Invoerveld
      key={v.label}
      label={v.label}
      type={props.soort}
      className="veld-invoer"
      waarde={v.waarde}
      placeholder={maand ? 'jjjj-mm' : undefined}
      onWijzig={v.kies}
      aria-invalid={props.foutId !== undefined ? props.foutId !== null : undefined}
      aria-describedby={props.foutId ?? undefined}
    />
  ));
}

/** A search box with its label and a hint that says what it searches (caseload, sociale kaart). */
export function Zoekveld(props: {
  readonly label: string;
  readonly hint: string;
  readonly waarde: string;
  readonly onWijzig: (tekst: string) => void;
  /** Extra class on the field, next to `veld`. */
  readonly className?: string;
}) {
  const id = useId();
  return (
    <div className={props.className ? `veld ${props.className}` : 'veld'}>
      <label htmlFor={id} className="veld-label">
        {props.label}
      </label>
      <p id={`${id}-hint`} className="veld-hint">
        {props.hint}
      </p>
      <input
        id={id}
        className="veld-invoer"
        type="search"
        inputMode="search"
        autoComplete="off"
        value={props.waarde}
        onChange={(e) => props.onWijzig(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
    </div>
  );
}
