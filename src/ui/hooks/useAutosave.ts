/**
 * Autosave for one react-hook-form form on a domain schema (issue 4 item 5): there is no save
 * button to forget.
 *
 * What must stay true:
 * - Every change reaches IndexedDB within 300 ms: a change is saved `delay` ms (≤ 250) after the
 *   last keystroke in the form, and at once when focus leaves a field (blur), the tab is hidden
 *   (visibilitychange), the page is closed (pagehide) or the form unmounts.
 * - Autosave never moves focus (issue 11, point 1): validation shows each message next to its own
 *   field and nothing else; react-hook-form's handleSubmit (which focuses the first invalid
 *   field) is not used.
 * - An invalid field is simply not saved yet, and says so; the other fields are saved. Invalid
 *   input is never lost: it stays in its field, and the next valid state is saved.
 * - Only what the user changed is written: a field she did not touch is saved with the value the
 *   record has now, so a form can never write back a value it merely showed.
 * - An open form follows its record (issue 11, point 2): a field the user is not editing (not
 *   focused, no unsaved change) takes a new stored value (from sync, a resolved conflict) in
 *   place; a field she is editing keeps her text, and its save tells storage which value and
 *   revision the form showed (`gezien`), so the server keeps the other value as a conflict.
 * - Saves of one form never overlap: a change during a save is saved right after it, with the
 *   newest values, so an older value can never overwrite a newer one.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  type PathValue,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import type { Gezien } from '../../storage/repositories/clients.ts';
import { gelijk } from '../../storage/repositories/velden.ts';

export type { Gezien };

/** What a storage write answers (the repositories' `Result<T>`). */
export type OpslaanUitkomst =
  | { readonly ok: true; readonly record?: object }
  | {
      readonly ok: false;
      readonly issues: readonly {
        /** Dotted ('inzet.omvang.aantal') or as segments; empty for the whole record. */
        readonly path: string | readonly (string | number)[];
        readonly message: string;
      }[];
    };

export type AutosaveStatus =
  | { readonly soort: 'ongewijzigd' }
  | { readonly soort: 'wijzigen' }
  | { readonly soort: 'opgeslagen'; readonly om: number }
  /** The valid fields are saved; these messages say which are not yet (invalid input). */
  | { readonly soort: 'deels'; readonly reden: string }
  | { readonly soort: 'fout'; readonly reden: string };

/** The record a form edits, as stored now: its fields by name and the revision it was synced at. */
export type BronRecord = object & { readonly rev?: number | undefined };

export interface AutosaveOptions {
  /** Debounce after the last change; at most 250 ms so a change is stored within 300 ms. */
  delay?: number;
  /** Read-only forms never save. */
  disabled?: boolean;
  /** Told about every status change (the screen shows one "Opgeslagen" for all its forms). */
  onStatus?: (status: AutosaveStatus) => void;
  /**
   * Registers this form's flush with the screen, so an action that depends on everything being
   * stored (vaststellen) can first save all forms; returns the unregister function.
   */
  aanmelden?: (flush: () => Promise<void>) => () => void;
  /**
   * The stored record this form edits, from a live query (undefined: not stored yet). Given, the
   * form follows it: fields the user is not editing take its new values in place. The form's
   * top-level names must be the record's field names.
   */
  bron?: { readonly record: BronRecord | undefined };
}

export interface Autosave {
  readonly status: AutosaveStatus;
  /** Save now if a change is waiting; resolves once stored. */
  flush: () => Promise<void>;
  /** Schedule a save as if a field changed (for values set outside a registered field). */
  schedule: () => void;
  /** Drop a waiting save (before the record is deleted, so unmounting cannot write it back). */
  cancel: () => void;
  /**
   * Spread on the element around the form's fields: knows which field is being edited (a
   * focused field is never updated in place) and saves when focus leaves a field.
   */
  readonly focus: {
    onFocus: (e: FocusEvent<HTMLElement>) => void;
    onBlur: (e: FocusEvent<HTMLElement>) => void;
  };
}

export const AUTOSAVE_DELAY_MS = 200;

/** The first message in react-hook-form's nested error tree. */
export function eersteFout(errors: FieldErrors): string | undefined {
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== 'object') continue;
    if ('message' in value && typeof value.message === 'string' && value.message) {
      return value.message;
    }
    const nested = eersteFout(value as FieldErrors);
    if (nested) return nested;
  }
  return undefined;
}

/** 'inzet.omvang.aantal' → 'inzet': the record field a form field belongs to. */
const sleutelVan = (naam: string): string => naam.split('.')[0] ?? naam;

const veldVan = (record: BronRecord | undefined, sleutel: string): unknown =>
  record ? (record as Record<string, unknown>)[sleutel] : undefined;

/**
 * One autosaved form on a domain schema: react-hook-form with zodResolver, validating on every
 * change (so the Dutch message appears while typing) and saving itself.
 *
 * `waarden` are the form values of the stored record as it is now (recomputed every render); the
 * form starts from them, takes them in place for fields the user is not editing (with
 * `options.bron`), and uses them for every field she did not change when it saves.
 * `TForm` is what the inputs hold (text); the schema maps it to the record's shape and must keep
 * the paths, so a message lands at its field.
 */
export function useAutosaveForm<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  waarden: DefaultValues<TForm> | TForm,
  opslaan: (values: z.output<S>, context: { gezien: Gezien }) => Promise<OpslaanUitkomst>,
  options: AutosaveOptions = {},
): { form: UseFormReturn<TForm, unknown, z.output<S>>; autosave: Autosave } {
  // The schema's input type is `unknown` where it preprocesses text; TForm says what the inputs hold.
  const resolver = zodResolver(schema as never) as unknown as Resolver<TForm, unknown, z.output<S>>;
  const form = useForm<TForm, unknown, z.output<S>>({
    resolver,
    defaultValues: waarden as DefaultValues<TForm>,
    mode: 'onChange',
    // Never move the cursor: an invalid field shows its message where it is.
    shouldFocusError: false,
  });
  const delay = Math.min(options.delay ?? AUTOSAVE_DELAY_MS, 250);
  const [status, setStatusState] = useState<AutosaveStatus>({ soort: 'ongewijzigd' });

  // Latest inputs in refs: the timers and listeners below must not restart on every render.
  const opslaanRef = useRef(opslaan);
  const onStatusRef = useRef(options.onStatus);
  const disabledRef = useRef(options.disabled ?? false);
  const waardenRef = useRef(waarden as TForm);
  const volgt = options.bron !== undefined;
  const record = options.bron?.record;
  const recordRef = useRef(record);
  useEffect(() => {
    opslaanRef.current = opslaan;
    onStatusRef.current = options.onStatus;
    disabledRef.current = options.disabled ?? false;
    waardenRef.current = waarden as TForm;
    recordRef.current = record;
  });

  const sleutels = useRef(Object.keys(waarden as object)).current;
  /** Per field: the stored value and revision the form last took (what the user saw). */
  const basis = useRef<Map<string, { waarde: unknown; rev: number | undefined }> | null>(null);
  basis.current ??= new Map(
    sleutels.map((k) => [k, { waarde: veldVan(record, k), rev: record?.rev }]),
  );
  /** Per field: how often the user changed it, and how many of those changes are stored. */
  const versie = useRef(new Map<string, number>());
  const opgeslagenVersie = useRef(new Map<string, number>());
  const focusSleutel = useRef<string | null>(null);
  /** Set while the form takes stored values itself: that is no change of the user. */
  const neemtOver = useRef(false);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wachtend = useRef(false);
  const bezig = useRef<Promise<void> | null>(null);

  const gewijzigd = useCallback(
    (k: string) => (versie.current.get(k) ?? 0) !== (opgeslagenVersie.current.get(k) ?? 0),
    [],
  );
  const bewerkt = useCallback(
    (k: string) => focusSleutel.current === k || gewijzigd(k),
    [gewijzigd],
  );

  const setStatus = useCallback((s: AutosaveStatus) => {
    setStatusState(s);
    onStatusRef.current?.(s);
  }, []);

  /** Takes the stored value into every field the user is not editing. */
  const volg = useCallback(() => {
    if (!volgt) return;
    const rec = recordRef.current;
    const nu = waardenRef.current;
    for (const k of sleutels) {
      if (bewerkt(k)) continue;
      const b = basis.current!.get(k)!;
      const opgeslagen = veldVan(rec, k);
      if (!gelijk(opgeslagen, b.waarde)) {
        const naam = k as FieldPath<TForm>;
        const waarde = nu[k] as PathValue<TForm, FieldPath<TForm>>;
        if (!gelijk(form.getValues(naam), waarde)) {
          neemtOver.current = true;
          try {
            form.setValue(naam, waarde);
          } finally {
            neemtOver.current = false;
          }
          form.clearErrors(naam);
        }
      }
      basis.current!.set(k, { waarde: opgeslagen, rev: rec?.rev });
    }
  }, [volgt, sleutels, bewerkt, form]);

  // A new stored record (live query): follow it where the user is not editing.
  useEffect(() => {
    volg();
  }, [record, volg]);

  const voerUit = useCallback(async (): Promise<void> => {
    if (bezig.current) {
      // A save is running: the newest values are saved right after it.
      await bezig.current;
      if (!wachtend.current) return;
    }
    wachtend.current = false;
    const run = async () => {
      const invoer = structuredClone(form.getValues()) as Record<string, unknown>;
      const versies = new Map(versie.current);
      const veranderd = sleutels.filter(gewijzigd);
      // What the user did not change is saved as the record has it now.
      const nu = waardenRef.current as Record<string, unknown>;
      const kandidaat: Record<string, unknown> = { ...nu };
      for (const k of veranderd) kandidaat[k] = invoer[k];
      // Messages next to their fields; trigger() never moves focus.
      await form.trigger();
      let parsed = schema.safeParse(kandidaat);
      const ongeldig = new Map<string, string>();
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const k = typeof issue.path[0] === 'string' ? issue.path[0] : '';
          if (!ongeldig.has(k)) ongeldig.set(k, issue.message);
        }
        // Only fields the user changed can wait; anything else means no save at all.
        if ([...ongeldig.keys()].some((k) => !veranderd.includes(k))) {
          setStatus({ soort: 'fout', reden: [...ongeldig.values()][0] ?? 'controleer de velden' });
          return;
        }
        for (const k of ongeldig.keys()) kandidaat[k] = nu[k];
        parsed = schema.safeParse(kandidaat);
        if (!parsed.success) {
          setStatus({ soort: 'fout', reden: [...ongeldig.values()][0] ?? 'controleer de velden' });
          return;
        }
      }
      const opgeslagenNu = veranderd.filter((k) => !ongeldig.has(k));
      // Per field: the value and revision its new value is based on.
      const rec = recordRef.current;
      const gezien: Record<string, { waarde: unknown; rev: number | undefined }> = {};
      if (volgt) {
        for (const k of sleutels) {
          gezien[k] = opgeslagenNu.includes(k)
            ? basis.current!.get(k)!
            : { waarde: veldVan(rec, k), rev: rec?.rev };
        }
      }
      const uitkomst = await opslaanRef.current(parsed.data, { gezien });
      if (!uitkomst.ok) {
        // Storage validates with the same schema; its messages go next to the fields.
        for (const issue of uitkomst.issues) {
          const pad = typeof issue.path === 'string' ? issue.path : issue.path.join('.');
          const naam = pad === '' ? 'root' : pad;
          form.setError(naam as FieldPath<TForm>, { message: issue.message });
        }
        setStatus({ soort: 'fout', reden: uitkomst.issues[0]?.message ?? 'onbekende fout' });
        return;
      }
      const bewaard = uitkomst.record as BronRecord | undefined;
      for (const k of opgeslagenNu) {
        // What is stored now is what she saw; a change typed during the save stays waiting.
        if (versie.current.get(k) === versies.get(k)) {
          opgeslagenVersie.current.set(k, versies.get(k) ?? 0);
        }
        if (bewaard) basis.current!.set(k, { waarde: veldVan(bewaard, k), rev: bewaard.rev });
      }
      if (ongeldig.size > 0) {
        setStatus({ soort: 'deels', reden: [...ongeldig.values()].join(' ') });
      } else if (!wachtend.current) {
        setStatus({ soort: 'opgeslagen', om: Date.now() });
      }
      volg();
    };
    const p = run().catch((error: unknown) => {
      console.error(error);
      setStatus({
        soort: 'fout',
        reden: error instanceof Error ? error.message : 'opslaan is mislukt',
      });
    });
    bezig.current = p;
    await p;
    if (bezig.current === p) bezig.current = null;
  }, [form, schema, sleutels, gewijzigd, volgt, setStatus, volg]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (wachtend.current && !disabledRef.current) return voerUit();
    return bezig.current ?? Promise.resolve();
  }, [voerUit]);

  const schedule = useCallback(() => {
    if (disabledRef.current) return;
    wachtend.current = true;
    setStatus({ soort: 'wijzigen' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void voerUit();
    }, delay);
  }, [delay, setStatus, voerUit]);

  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    wachtend.current = false;
  }, []);

  // Every change of a value by the user (typing, or a value set for her) schedules a save.
  useWijzigingen(form, (name) => {
    if (neemtOver.current) return;
    if (name) {
      const k = sleutelVan(name);
      versie.current.set(k, (versie.current.get(k) ?? 0) + 1);
    } else {
      // A change without a name (not used by the editors): every field counts as changed.
      for (const k of sleutels) versie.current.set(k, (versie.current.get(k) ?? 0) + 1);
    }
    schedule();
  });

  // A hidden tab or a closed page saves at once; so does leaving the screen.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const onPagehide = () => void flush();
    window.addEventListener('pagehide', onPagehide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPagehide);
      void flush();
    };
  }, [flush]);

  const aanmelden = options.aanmelden;
  useEffect(() => aanmelden?.(flush), [aanmelden, flush]);

  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const naam = (e.target as HTMLElement & { name?: unknown }).name;
    focusSleutel.current = typeof naam === 'string' && naam !== '' ? sleutelVan(naam) : null;
  }, []);
  const onBlur = useCallback(() => {
    focusSleutel.current = null;
    // Saved first, then the field she left may take a value that arrived meanwhile.
    void flush().then(volg);
  }, [flush, volg]);
  const focus = useMemo(() => ({ onFocus, onBlur }), [onFocus, onBlur]);

  return { form, autosave: { status, flush, schedule, cancel, focus } };
}

/** Calls `bijWijziging` with the field name for every change of a form value. */
function useWijzigingen<T extends FieldValues, TOut>(
  form: UseFormReturn<T, unknown, TOut>,
  bijWijziging: (naam: string | undefined) => void,
) {
  const ref = useRef(bijWijziging);
  useEffect(() => {
    ref.current = bijWijziging;
  });
  useEffect(() => {
    const sub = form.watch((_values, { name }) => ref.current(name));
    return () => sub.unsubscribe();
  }, [form]);
}
