/**
 * One "Opgeslagen" for the whole screen: every autosaved form reports its status here, and the
 * screen shows the worst one (a form that cannot save wins over one that just saved), so a
 * refused field elsewhere on the page is never hidden by a later successful save.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { AutosaveVelden } from '../../components/fields.tsx';
import type { AutosaveStatus } from '../../hooks/useAutosave.ts';
import { nl } from '../../i18n/nl.ts';

type Melden = (bron: string, status: AutosaveStatus | null) => void;
type Flush = () => Promise<void>;

interface OpslagContextValue {
  melden: Melden;
  aanmelden: (flush: Flush) => () => void;
}

const OpslagContext = createContext<OpslagContextValue>({
  melden: () => {},
  aanmelden: () => () => {},
});

export function useOpslagStatus(): OpslagContextValue & {
  status: AutosaveStatus;
  /** Saves every form with a waiting change; resolves once all are stored (or refused). */
  allesOpslaan: () => Promise<void>;
} {
  const statussen = useRef(new Map<string, AutosaveStatus>());
  const flushes = useRef(new Set<Flush>());
  const [status, setStatus] = useState<AutosaveStatus>({ soort: 'ongewijzigd' });
  const melden = useCallback<Melden>((bron, s) => {
    if (s === null) statussen.current.delete(bron);
    else statussen.current.set(bron, s);
    const alle = [...statussen.current.values()];
    // A refusal, or a field not saved yet, wins over a save elsewhere on the screen.
    const fout = alle.filter((a) => a.soort === 'fout' || a.soort === 'deels').at(-1);
    if (fout) return setStatus(fout);
    if (alle.some((a) => a.soort === 'wijzigen')) return setStatus({ soort: 'wijzigen' });
    if (s?.soort === 'opgeslagen') return setStatus(s);
    setStatus((vorige) =>
      vorige.soort === 'fout' || vorige.soort === 'deels' ? { soort: 'opgeslagen', om: 0 } : vorige,
    );
  }, []);
  const aanmelden = useCallback((flush: Flush) => {
    flushes.current.add(flush);
    return () => void flushes.current.delete(flush);
  }, []);
  const allesOpslaan = useCallback(async () => {
    await Promise.all([...flushes.current].map((f) => f()));
  }, []);
  return { status, melden, aanmelden, allesOpslaan };
}

export function OpslagProvider(props: { value: OpslagContextValue; children: ReactNode }) {
  const { melden, aanmelden } = props.value;
  const value = useMemo(() => ({ melden, aanmelden }), [melden, aanmelden]);
  return (
    <OpslagContext value={value}>
      <AutosaveVelden value={true}>{props.children}</AutosaveVelden>
    </OpslagContext>
  );
}

/** Options for one form's autosave: its status goes to the screen, its flush is registered. */
export function useOpslagMelder(): {
  onStatus: (status: AutosaveStatus) => void;
  aanmelden: (flush: Flush) => () => void;
} {
  const { melden, aanmelden } = useContext(OpslagContext);
  const bron = useId();
  useEffect(() => () => melden(bron, null), [melden, bron]);
  return useMemo(
    () => ({ onStatus: (status: AutosaveStatus) => melden(bron, status), aanmelden }),
    [melden, bron, aanmelden],
  );
}

/** For a step that must have everything stored before it acts (vaststellen). */
export const AllesOpslaanContext = createContext<() => Promise<void>>(() => Promise.resolve());

export function OpslagMelding({ status }: { status: AutosaveStatus }) {
  const t = nl.plan.opslag;
  const tekst =
    status.soort === 'fout'
      ? t.fout(status.reden)
      : status.soort === 'deels'
        ? t.deels(status.reden)
        : status.soort === 'wijzigen'
          ? t.wijzigen
          : status.soort === 'opgeslagen'
            ? t.opgeslagen
            : t.ongewijzigd;
  return (
    <p
      className={`opslag-status opslag-${status.soort}`}
      role="status"
      aria-live="polite"
      data-testid="opslag-status"
    >
      {tekst}
    </p>
  );
}
