import { lazy, Suspense, useEffect, useState } from 'react';
import type { ConnectivityWatcher, Connectivity } from '../../sync/client/connectivity.ts';
import type { SyncStatus } from '../../sync/client/engine.ts';
import { nl } from '../i18n/nl.ts';

const Wachtrij = lazy(() => import('./Wachtrij.tsx'));

/** "14:05" in Dutch time notation. */
function tijd(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
}

/** Same day: "om 14:05"; else "op 22-11 om 14:05". */
function wanneer(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const vandaag = new Date().toDateString() === d.toDateString();
  return vandaag
    ? `om ${tijd(iso)}`
    : `op ${d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long' })} om ${tijd(iso)}`;
}

export interface StatusBarProps {
  readonly connectivity: ConnectivityWatcher | null;
  /** The sync engine's status; null while it loads (or without sync). */
  readonly sync?: SyncStatus | null;
  /** The logged-in user's name. */
  readonly naam?: string;
  readonly onSyncNu?: () => void;
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
  if (sync?.error?.code === 'server-onbereikbaar') return 'onbereikbaar';
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
  const verbinding = verbindingVan(state, sync);
  // "Server niet bereikbaar" already says what that fault would say.
  const fout = sync?.error?.code === 'server-onbereikbaar' ? null : (sync?.error ?? null);
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
            {sync.bezig
              ? 'Bezig met synchroniseren…'
              : sync.lastSyncedAt
                ? `Laatst gesynchroniseerd ${wanneer(sync.lastSyncedAt)}`
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
        {sync && sync.rejected > 0 && (
          <button
            type="button"
            className="knop-link status-link"
            data-testid="geweigerd-link"
            onClick={props.onConflicten}
          >
            {`${sync.rejected} geweigerd`}
          </button>
        )}
        {props.onSyncNu && (
          <button
            type="button"
            className="knop-link status-link"
            onClick={props.onSyncNu}
            disabled={sync?.bezig === true}
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
