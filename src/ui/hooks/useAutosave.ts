/**
 * Autosave for one react-hook-form form (issue 4 item 5): there is no save button to forget.
 *
 * What must stay true:
 * - Every change reaches IndexedDB within 300 ms: a change is saved `delay` ms (≤ 250) after the
 *   last keystroke in the form, and at once when focus leaves a field (blur), the tab is hidden
 *   (visibilitychange), the page is closed (pagehide) or the form unmounts.
 * - Invalid input is never lost: validation runs through the form's resolver (the domain zod
 *   schema), so an invalid value stays in its field with its Dutch message next to it, nothing is
 *   written, and the next valid state is saved.
 * - Saves of one form never overlap: a change during a save is saved right after it, with the
 *   newest values, so an older value can never overwrite a newer one.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldPath,
  type FieldValues,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';

/** What a storage write answers (the repositories' `Result<T>`, without the record). */
export type OpslaanUitkomst =
  | { readonly ok: true }
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
  | { readonly soort: 'fout'; readonly reden: string };

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
}

export interface Autosave {
  readonly status: AutosaveStatus;
  /** Save now if a change is waiting (wire to onBlur of the form); resolves once stored. */
  flush: () => Promise<void>;
  /** Schedule a save as if a field changed (for values set outside a registered field). */
  schedule: () => void;
  /** Drop a waiting save (before the record is deleted, so unmounting cannot write it back). */
  cancel: () => void;
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

export function useAutosave<TIn extends FieldValues, TOut>(
  form: UseFormReturn<TIn, unknown, TOut>,
  opslaan: (values: TOut) => Promise<OpslaanUitkomst>,
  options: AutosaveOptions = {},
): Autosave {
  const delay = Math.min(options.delay ?? AUTOSAVE_DELAY_MS, 250);
  const [status, setStatusState] = useState<AutosaveStatus>({ soort: 'ongewijzigd' });

  // Latest callbacks in refs: the timers and listeners below must not restart on every render.
  const opslaanRef = useRef(opslaan);
  const onStatusRef = useRef(options.onStatus);
  const disabledRef = useRef(options.disabled ?? false);
  useEffect(() => {
    opslaanRef.current = opslaan;
    onStatusRef.current = options.onStatus;
    disabledRef.current = options.disabled ?? false;
  });

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wachtend = useRef(false);
  const bezig = useRef<Promise<void> | null>(null);

  const setStatus = useCallback((s: AutosaveStatus) => {
    setStatusState(s);
    onStatusRef.current?.(s);
  }, []);

  const voerUit = useCallback(async (): Promise<void> => {
    if (bezig.current) {
      // A save is running: the newest values are saved right after it.
      await bezig.current;
      if (!wachtend.current) return;
    }
    wachtend.current = false;
    const run = form.handleSubmit(
      async (values) => {
        const uitkomst = await opslaanRef.current(values);
        if (uitkomst.ok) {
          if (!wachtend.current) setStatus({ soort: 'opgeslagen', om: Date.now() });
          return;
        }
        // Storage validates with the same schema; its messages go next to the fields.
        for (const issue of uitkomst.issues) {
          const pad = typeof issue.path === 'string' ? issue.path : issue.path.join('.');
          const naam = pad === '' ? 'root' : pad;
          form.setError(naam as FieldPath<TIn>, { message: issue.message });
        }
        setStatus({ soort: 'fout', reden: uitkomst.issues[0]?.message ?? 'onbekende fout' });
      },
      (errors) => {
        setStatus({ soort: 'fout', reden: eersteFout(errors) ?? 'controleer de velden' });
      },
    )();
    const p = run.catch((error: unknown) => {
      console.error(error);
      setStatus({
        soort: 'fout',
        reden: error instanceof Error ? error.message : 'opslaan is mislukt',
      });
    });
    bezig.current = p;
    await p;
    if (bezig.current === p) bezig.current = null;
  }, [form, setStatus]);

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

  // Every change of a value in the form schedules a save.
  useEffect(() => {
    const sub = form.watch((_values, { type }) => {
      // `type` is 'change' for user input; setValue without it has no type. Both are changes.
      void type;
      schedule();
    });
    return () => sub.unsubscribe();
  }, [form, schedule]);

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

  return { status, flush, schedule, cancel };
}

/**
 * One autosaved form on a domain schema: react-hook-form with zodResolver, validating on every
 * change (so the Dutch message appears while typing) and saving through `useAutosave`.
 *
 * `TForm` is what the inputs hold (text); the schema maps it to the record's shape and must keep
 * the paths, so a message lands at its field. The values start from the stored record once and
 * are never reset from it afterwards: a live query answering mid-typing must not overwrite input.
 */
export function useAutosaveForm<TForm extends FieldValues, S extends z.ZodType>(
  schema: S,
  defaultValues: DefaultValues<TForm>,
  opslaan: (values: z.output<S>) => Promise<OpslaanUitkomst>,
  options: AutosaveOptions = {},
): { form: UseFormReturn<TForm, unknown, z.output<S>>; autosave: Autosave } {
  // The schema's input type is `unknown` where it preprocesses text; TForm says what the inputs hold.
  const resolver = zodResolver(schema as never) as unknown as Resolver<TForm, unknown, z.output<S>>;
  const form = useForm<TForm, unknown, z.output<S>>({
    resolver,
    defaultValues,
    mode: 'onChange',
  });
  const autosave = useAutosave(form, opslaan, options);
  return { form, autosave };
}
