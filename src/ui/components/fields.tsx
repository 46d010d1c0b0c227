/**
 * Form fields bound to a react-hook-form `control`, so `name` is checked against the schema's
 * input type. Each has a visible label, an optional hint and the schema's Dutch error message next
 * to it, linked with aria-describedby and aria-invalid. They validate nothing themselves; `parse`
 * only maps what an input can hold (a string) to the shape the schema expects ('' → null).
 */
import {
  createContext,
  useContext,
  useId,
  useState,
  type ChangeEvent,
  type HTMLInputTypeAttribute,
  type ReactNode,
} from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { GEMEENTEN, findGemeente, type Gemeente } from '../../domain/reference/index.ts';
import { nl } from '../i18n/nl.ts';

interface BaseProps<T extends FieldValues, TOut> {
  control: Control<T, unknown, TOut>;
  name: FieldPath<T>;
  label: string;
  hint?: string;
  optional?: boolean;
}

/**
 * True inside an autosaved form (the plan editor): there an invalid field is not saved yet, and
 * its message says so, so she knows the rest was stored and this field was not (issue 11).
 */
export const AutosaveVelden = createContext(false);

/** The message under a field, with "Nog niet opgeslagen." in an autosaved form. */
function FoutTekst(props: { id: string; error: string }) {
  const autosave = useContext(AutosaveVelden);
  return (
    <p id={props.id} className="veld-fout">
      {props.error}
      {autosave && ` ${nl.plan.opslag.veldNietOpgeslagen}`}
    </p>
  );
}

interface ShellIds {
  inputId: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/** Label, hint and error around one input; gives the input its ids. */
function FieldShell(props: {
  label: string;
  hint?: string | undefined;
  optional?: boolean | undefined;
  error?: string | undefined;
  className?: string | undefined;
  children: (ids: ShellIds) => ReactNode;
}) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-fout`;
  const describedBy =
    [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`veld${props.error ? ' veld-ongeldig' : ''} ${props.className ?? ''}`}>
      <label htmlFor={inputId} className="veld-label">
        {props.label}
        {props.optional && <span className="veld-optioneel"> {nl.algemeen.optioneel}</span>}
      </label>
      {props.hint && (
        <p id={hintId} className="veld-hint">
          {props.hint}
        </p>
      )}
      {props.children({ inputId, describedBy, invalid: Boolean(props.error) })}
      {props.error && <FoutTekst id={errorId} error={props.error} />}
    </div>
  );
}

const asText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/**
 * One field bound to the form: its controller, what its shell shows (label, hint, the schema's
 * message) and, per input, the props that tie the input to the form and to its shell.
 */
function useVeld<T extends FieldValues, TOut>(
  props: BaseProps<T, TOut> & {
    className?: string | undefined;
    /** Maps what the input holds (a string) to the value the schema expects. */
    parse?: ((text: string) => unknown) | undefined;
  },
) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const shell = {
    label: props.label,
    hint: props.hint,
    optional: props.optional,
    error: fieldState.error?.message,
    className: props.className,
  };
  const invoer = ({ inputId, describedBy, invalid }: ShellIds) => ({
    id: inputId,
    ref: field.ref,
    name: field.name,
    onBlur: field.onBlur,
    value: asText(field.value),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      field.onChange(props.parse ? props.parse(e.target.value) : e.target.value),
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
  });
  return { field, shell, invoer };
}

export interface TextFieldProps<T extends FieldValues, TOut> extends BaseProps<T, TOut> {
  type?: HTMLInputTypeAttribute;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
  autoComplete?: string;
  placeholder?: string;
  /** Maps the typed text to the value the schema expects (e.g. '' → undefined). */
  parse?: (text: string) => unknown;
  className?: string;
}

export function TextField<T extends FieldValues, TOut>(props: TextFieldProps<T, TOut>) {
  const { shell, invoer } = useVeld(props);
  return (
    <FieldShell {...shell}>
      {(ids) => (
        <input
          {...invoer(ids)}
          className="veld-invoer"
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          placeholder={props.placeholder}
        />
      )}
    </FieldShell>
  );
}

/** Several lines of free text (a hulpvraag, a doel, what a naaste does). */
export function TextAreaField<T extends FieldValues, TOut>(
  props: BaseProps<T, TOut> & { rows?: number; className?: string },
) {
  const { shell, invoer } = useVeld(props);
  return (
    <FieldShell {...shell}>
      {(ids) => (
        <textarea {...invoer(ids)} className="veld-invoer veld-tekstvak" rows={props.rows ?? 3} />
      )}
    </FieldShell>
  );
}

/**
 * A date as `jjjj-mm-dd` through the native date picker (tablets show their own). Where a browser
 * has no date input it falls back to text; the placeholder and numeric keyboard help there.
 */
export function DateField<T extends FieldValues, TOut>(
  props: BaseProps<T, TOut> & { parse?: (text: string) => unknown },
) {
  return (
    <TextField
      {...props}
      type="date"
      inputMode="numeric"
      placeholder="jjjj-mm-dd"
      className="veld-datum"
    />
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField<T extends FieldValues, TOut>(
  props: BaseProps<T, TOut> & {
    options: readonly SelectOption[];
    /** Text of the empty first option; omit when a choice is always required and preset. */
    emptyLabel?: string;
    parse?: (value: string) => unknown;
  },
) {
  const { shell, invoer } = useVeld(props);
  return (
    <FieldShell {...shell}>
      {(ids) => (
        <select {...invoer(ids)} className="veld-invoer">
          {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * `shouldUnregister`: drop the value when the box is hidden, so a box that only applies in one
 * situation (behandeling with verblijf) cannot keep a stale `true` once that situation is gone.
 */
export function CheckboxField<T extends FieldValues, TOut>(
  props: BaseProps<T, TOut> & { shouldUnregister?: boolean },
) {
  const {
    field: { ref, name, value, onChange, onBlur },
    fieldState,
  } = useController({
    control: props.control,
    name: props.name,
    shouldUnregister: props.shouldUnregister ?? false,
  });
  const id = useId();
  const error = fieldState.error?.message;
  return (
    <div className={`veld veld-vinkje${error ? ' veld-ongeldig' : ''}`}>
      <input
        id={id}
        ref={ref}
        name={name}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={onBlur}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-fout` : undefined}
      />
      <label htmlFor={id}>{props.label}</label>
      {error && <FoutTekst id={`${id}-fout`} error={error} />}
    </div>
  );
}

/** A choice that is not itself a form value (e.g. "has a Wlz-indicatie?" decides which fields show). */
export function RadioGroup<V extends string>(props: {
  legend: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="veld keuzes">
      <legend className="veld-label">{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="keuze">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export const gemeenteLabel = (g: Gemeente): string => `${g.naam} (${g.cbsCode})`;

/** "Ede (GM0228)", "GM0228" or just "ede" → the gemeente, when unambiguous. */
export function vindGemeente(tekst: string): Gemeente | undefined {
  const t = tekst.trim();
  const code = /\b(GM\d{4})\)?$/i.exec(t)?.[1];
  if (code) return findGemeente(code.toUpperCase());
  const naam = t.toLocaleLowerCase('nl');
  return GEMEENTEN.find((g) => g.naam.toLocaleLowerCase('nl') === naam);
}

/**
 * Picks one of the 342 gemeenten on a tablet: a text box with the browser's own suggestion list
 * (datalist), so typing "Ed" offers "Ede (GM0228)". The form value is the CBS code; text that
 * matches no gemeente leaves it empty, and the schema then says so next to the field.
 */
export function GemeenteField<T extends FieldValues, TOut>(props: BaseProps<T, TOut>) {
  const { field, shell, invoer } = useVeld(props);
  const [tekst, setTekst] = useState(() => {
    const g = typeof field.value === 'string' ? findGemeente(field.value) : undefined;
    return g ? gemeenteLabel(g) : '';
  });
  const listId = useId();
  return (
    <FieldShell {...shell}>
      {(ids) => (
        <>
          <input
            {...invoer(ids)}
            className="veld-invoer"
            type="text"
            list={listId}
            autoComplete="off"
            value={tekst}
            onChange={(e) => {
              setTekst(e.target.value);
              field.onChange(vindGemeente(e.target.value)?.cbsCode ?? '');
            }}
            onBlur={() => {
              const g = vindGemeente(tekst);
              if (g) setTekst(gemeenteLabel(g));
              field.onBlur();
            }}
          />
          <datalist id={listId}>
            {GEMEENTEN.map((g) => (
              <option key={g.cbsCode} value={gemeenteLabel(g)} />
            ))}
          </datalist>
        </>
      )}
    </FieldShell>
  );
}

/**
 * A text area outside a form library (a question, a toelichting): label, hint and the text, held
 * by the caller's state.
 */
export function TekstVak(props: {
  label: string;
  hint?: string;
  value: string;
  onChange: (tekst: string) => void;
  rows?: number;
}) {
  return (
    <FieldShell label={props.label} hint={props.hint}>
      {({ inputId, describedBy }) => (
        <textarea
          id={inputId}
          className="veld-invoer veld-tekstvak"
          rows={props.rows ?? 3}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}
