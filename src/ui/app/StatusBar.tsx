import { lazy, Suspense, useEffect, useState } from 'react';
import type { ConnectivityWatcher, Connectivity } from '../../sync/client/connectivity.ts';
import type { SyncStatus } from '../../sync/client/engine.ts';
import { nl } from '../i18n/nl.ts';
import { nu } from '../lib/klok.ts';
import { wanneerNl } from '../lib/opmaak.ts';

const Wachtrij = lazy(() => import('./Wachtrij.tsx'));

export interface StatusBarProps {
  readonly connectivity: ConnectivityWatcher | null;
  /** The sync engine's status; null while it loads (or without sync). */
  readonly sync?: SyncStatus | null;
  /** The logged-in user's name. */
  readonly naam?: string;
  /** "Nu synchroniseren": the promise settles when that run (its pull included) has ended. */
  readonly onSyncNu?: () => Promise<unknown> | void;
  readonly onConflicten?: () => void;
  readonly onUitloggen?: () => void;
  /** After a 401: log in again with the password (the local data stays). */
  readonly onOpnieuwInloggen?: () => void;
}

/**
 * What the status bar says about the connection (issue 18): no network, network but no server,
 * or online. The engine's status counts too: in a tab that follows another tab's sync loop, or
 * right after a reload, the stored fault says the server was not reachable at the last try.
 */
export function verbindingVan(
  watcher: Connectivity,
  sync: SyncStatus | null | undefined,
): Connectivity {
  if (watcher === 'offline') return 'offline';
  if (watcher === 'onbereikbaar' || sync?.verbinding === 'onbereikbaar') return 'onbereikbaar';
  if (sync?.fout?.code === 'server-onbereikbaar') return 'onbereikbaar';
  return 'online';
}

/**
 * Holds the room of a text that follows in a moment (the outbox count, the sync status), so
 * the screen below does not move when it comes (layout shift, issue 13.6). Invisible, also to a
 * screen reader.
 */
export function Plek({ tekst }: { readonly tekst: string }) {
  return (
    <span className="status-plek" aria-hidden="true">
      {tekst}
    </span>
  );
}

/**
 * Always visible (docs/architecture.md, Sync 6): online, offline or server unreachable, how many
 * changes have not reached the server, when the last sync ended, a fault with what to do, open
 * conflicts and refused changes, and who is logged in.
 */
export function StatusBar(props: StatusBarProps) {
  const { connectivity, sync } = props;
  const [state, setState] = useState<Connectivity>(connectivity?.current() ?? 'offline');
  useEffect(() => connectivity?.subscribe(setState), [connectivity]);
  // From the tap until the run it asked for has ended (pull applied): "Bezig", also when the
  // engine had not started yet or was still finishing an earlier run.
  const [gevraagd, setGevraagd] = useState(false);
  const syncNu = () => {
    const run = props.onSyncNu?.();
    if (!run) return;
    setGevraagd(true);
    void run.catch(() => undefined).finally(() => setGevraagd(false));
  };
  const verbinding = verbindingVan(state, sync);
  // "Server niet bereikbaar" already says what that fault would say.
  const fout = sync?.fout?.code === 'server-onbereikbaar' ? null : (sync?.fout ?? null);
  return (
    <div className="statusbalk" data-testid="statusbalk">
      <div role="status" aria-live="polite" className="status-regel">
        <span className={`verbinding verbinding-${verbinding}`} data-testid="verbinding">
          {nl.verbinding[verbinding]}
        </span>
        <Suspense fallback={<Plek tekst="Alles is op dit apparaat opgeslagen" />}>
          <Wachtrij />
        </Suspense>
        {!sync && props.onSyncNu && <Plek tekst="Laatst gesynchroniseerd om 00:00" />}
        {sync && (
          <span data-testid="laatst-gesynchroniseerd">
            {sync.bezig || gevraagd
              ? 'Bezig met synchroniseren…'
              : sync.laatsteSync
                ? `Laatst gesynchroniseerd ${wanneerNl(sync.laatsteSync, nu())}`
                : 'Nog niet gesynchroniseerd'}
          </span>
        )}
      </div>
      {fout && (
        <p className="status-fout" role="alert" data-testid="sync-fout">
          {fout.tekst}{' '}
          {fout.code === 'niet-ingelogd' && props.onOpnieuwInloggen && (
            <button
              type="button"
              className="knop-link status-link"
              onClick={props.onOpnieuwInloggen}
            >
              Opnieuw inloggen
            </button>
          )}
        </p>
      )}
      <div className="status-acties">
        {sync && sync.conflicten > 0 && (
          <button
            type="button"
            className="knop-link status-link"
            data-testid="conflicten-link"
            onClick={props.onConflicten}
          >
            {sync.conflicten === 1 ? '1 conflict' : `${sync.conflicten} conflicten`}
          </button>
        )}
        {sync && sync.geweigerd > 0 && (
          <button
            type="button"
            className="knop-link status-link"
            data-testid="geweigerd-link"
            onClick={props.onConflicten}
          >
            {`${sync.geweigerd} geweigerd`}
          </button>
        )}
        {props.onSyncNu && (
          <button
            type="button"
            className="knop-link status-link"
            onClick={syncNu}
            disabled={sync?.bezig === true || gevraagd}
          >
            Nu synchroniseren
          </button>
        )}
        {props.naam && (
          <span className="gebruiker" data-testid="gebruiker">
            Ingelogd als {props.naam}
          </span>
        )}
        {props.onUitloggen && (
          <button type="button" className="knop-link status-link" onClick={props.onUitloggen}>
            Uitloggen
          </button>
        )}
      </div>
    </div>
  );
}
