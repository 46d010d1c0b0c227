import { Suspense, useCallback, useEffect, useMemo, useState, type ComponentProps } from 'react';
import { sluitSessie, type LokaleSessie } from '../../storage/sessie.ts';
import type { ConnectivityWatcher } from '../../sync/client/connectivity.ts';
import type { FetchFn } from '../../sync/client/http.ts';
import { DbProvider, useDb } from '../hooks/db-context.tsx';
import { nl } from '../i18n/nl.ts';
import { standaardFetch } from '../lib/api.ts';
import { NavigationProvider, useNavigation, type Screen } from './navigation.tsx';
import type { PwaHandle } from './pwa.ts';
import {
  AboutScreen,
  CaseloadScreen,
  ClientFormScreen,
  ConflictsScreen,
  LockScreen,
  LoginScreen,
  LogoutScreen,
  PlanEditorScreen,
  PlanPrintScreen,
  ReviewScreen,
  SocialeKaartScreen,
  CoordinatorScreen,
  TarievenScreen,
  GebruikersScreen,
  CaseloadsScreen,
  ToegangslogScreen,
  ImportScreen,
  BeveiligingScreen,
} from './screens.ts';
import { magScherm, menu, startScherm } from './rollen.ts';
import {
  idleMs,
  useIdleLock,
  useLokaleSessie,
  useSyncMotor,
  useSyncStatus,
  type SyncDienst,
} from './sessie.ts';
import { StatusBar } from './StatusBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

export interface AppServices {
  readonly connectivity: ConnectivityWatcher | null;
  /** Set once the service worker is registered; null in dev mode and in component tests. */
  readonly registerPwa:
    ((events: { onUpdateWaiting(): void; onOfflineReady(): void }) => PwaHandle | null) | null;
  /** The sync engine (made lazily); null in component tests that do not sync. */
  readonly sync?: SyncDienst | null;
  /** For login and logout; the global fetch by default. */
  readonly fetch?: FetchFn;
  /** Idle time before the lock (default IDLE_MINUTEN, or window.__ARRANGEUR_IDLE_MS__ in e2e). */
  readonly idleMs?: number;
}

export function App({ services }: { readonly services: AppServices }) {
  return (
    <NavigationProvider>
      <Poort services={services} />
    </NavigationProvider>
  );
}

/**
 * The session gate (issue 5, item 2): without a local session the login screen, with a locked
 * one the PIN screen, else the app. The sync engine runs while a session exists, also while
 * locked (sync never waits for the user; the screen shows nothing until the PIN is given).
 */
function Poort({ services }: { readonly services: AppServices }) {
  const db = useDb();
  const wacht = idleMs(services.idleMs);
  const sessie = useLokaleSessie(db, wacht);
  const { navigate } = useNavigation();
  const fetchFn = services.fetch ?? standaardFetch;
  useSyncMotor(services.sync, !!sessie);
  useIdleLock(db, !!sessie && !sessie.vergrendeld, wacht);
  // The service worker registers on the very first visit, before any login: the login screen is
  // already precached, and an update can be offered on the login and lock screens too.
  const pwa = usePwa(services);

  const naLogin = useCallback(() => {
    // The Shell moves a role that does not work with clients on to its own start screen.
    navigate({ name: 'caseload' }, { replace: true });
    void services.sync?.engine().then((e) => e.syncNow());
  }, [navigate, services.sync]);

  // The same `.app` element as every screen below: the shell replaces the loading text without
  // moving anything that is already on screen (CLS, issue 11 point 9).
  if (sessie === undefined) {
    return (
      <div className="app">
        <SchermLaden />
      </div>
    );
  }
  if (sessie === null || sessie.vergrendeld) {
    return (
      <div className="app">
        <header className="kop">
          <span className="merk">Arrangeur</span>
        </header>
        <PwaMeldingen pwa={pwa} />
        <main id="inhoud" tabIndex={-1}>
          <Suspense fallback={<SchermLaden />}>
            {sessie === null ? (
              <LoginScreen fetch={fetchFn} onIngelogd={naLogin} />
            ) : (
              <LockScreen naam={sessie.gebruiker.naam} />
            )}
          </Suspense>
        </main>
      </div>
    );
  }
  return (
    <DbProvider db={db} userId={sessie.gebruiker.id}>
      <Shell services={services} sessie={sessie} fetchFn={fetchFn} pwa={pwa} />
    </DbProvider>
  );
}

/**
 * The status bar follows the sync engine itself: a status change (several per sync run) re-renders
 * the bar only, not the screen under it (a caseload of hundreds of clients).
 */
function SyncStatusBar({
  sync,
  ...rest
}: Omit<ComponentProps<typeof StatusBar>, 'sync'> & {
  readonly sync: SyncDienst | null | undefined;
}) {
  return <StatusBar {...rest} sync={useSyncStatus(sync)} />;
}

function Shell({
  services,
  sessie,
  fetchFn,
  pwa,
}: {
  readonly services: AppServices;
  readonly sessie: LokaleSessie;
  readonly fetchFn: FetchFn;
  readonly pwa: PwaState;
}) {
  const db = useDb();
  const { screen: gevraagd, navigate } = useNavigation();
  const rol = sessie.gebruiker.rol;
  // A screen this role has no business on (a stale history entry, the default start screen of
  // another role) shows the role's start screen instead.
  const screen = magScherm(rol, gevraagd.name) ? gevraagd : startScherm(rol);
  const start = startScherm(rol);
  const [swState, setSwState] = useState<'actief' | 'niet actief' | 'niet ondersteund'>(
    'serviceWorker' in navigator
      ? navigator.serviceWorker.controller
        ? 'actief'
        : 'niet actief'
      : 'niet ondersteund',
  );
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const onChange = () =>
      setSwState(navigator.serviceWorker.controller ? 'actief' : 'niet actief');
    navigator.serviceWorker.addEventListener('controllerchange', onChange);
    return () => navigator.serviceWorker.removeEventListener('controllerchange', onChange);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#inhoud">
        Naar de inhoud
      </a>
      <header className="kop">
        <span className="merk" aria-hidden="true">
          Arrangeur
        </span>
        <nav aria-label="Hoofdmenu">
          {menu(rol).map((m) => (
            <NavButton key={m.screen.name} screen={m.screen} current={screen} onGo={navigate}>
              {m.label}
            </NavButton>
          ))}
        </nav>
      </header>
      <SyncStatusBar
        connectivity={services.connectivity}
        sync={services.sync}
        naam={sessie.gebruiker.naam}
        onSyncNu={
          services.sync ? () => services.sync!.engine().then((e) => e.syncNow()) : undefined
        }
        onConflicten={() => navigate({ name: 'conflicten' })}
        onUitloggen={() => navigate({ name: 'uitloggen' })}
        onOpnieuwInloggen={() => void sluitSessie(db)}
      />
      <PwaMeldingen pwa={pwa} />
      <main id="inhoud" tabIndex={-1}>
        <Suspense fallback={<SchermLaden />}>
          {screen.name === 'caseload' && (
            <CaseloadScreen
              // Issue 11, point 9: a tap on a client opens her plan; her details are one tap away.
              onOpen={(clientId) => navigate({ name: 'plan', clientId })}
              onNew={() => navigate({ name: 'nieuwe-client' })}
              onOpenGegevens={(clientId) => navigate({ name: 'client', clientId })}
              onOpenReview={(clientId) => navigate({ name: 'review', clientId })}
            />
          )}
          {screen.name === 'review' && (
            <ReviewScreen
              key={screen.clientId}
              clientId={screen.clientId}
              onTerug={() => navigate({ name: 'caseload' })}
            />
          )}
          {screen.name === 'wie-betaalt-wat' && <CoordinatorScreen fetch={fetchFn} />}
          {screen.name === 'tarieven' && (
            <TarievenScreen fetch={fetchFn} magBewerken={rol === 'beheerder'} />
          )}
          {screen.name === 'beheer-gebruikers' && <GebruikersScreen fetch={fetchFn} />}
          {screen.name === 'beheer-caseloads' && <CaseloadsScreen fetch={fetchFn} />}
          {screen.name === 'beheer-toegangslog' && <ToegangslogScreen fetch={fetchFn} />}
          {screen.name === 'beheer-import' && <ImportScreen fetch={fetchFn} />}
          {screen.name === 'beveiliging' && <BeveiligingScreen fetch={fetchFn} />}
          {screen.name === 'nieuwe-client' && (
            <ClientFormScreen
              // A new client: she continues into the plan (issue 11, point 9).
              onDone={(clientId) => navigate({ name: 'plan', clientId }, { replace: true })}
              onCancel={() => navigate({ name: 'caseload' })}
            />
          )}
          {screen.name === 'client' && (
            <ClientFormScreen
              key={screen.clientId}
              clientId={screen.clientId}
              // Back to where she came from: the plan or the caseload.
              onDone={() => window.history.back()}
              onCancel={() => window.history.back()}
            />
          )}
          {screen.name === 'over' && <AboutScreen serviceWorker={swState} />}
          {screen.name === 'sociale-kaart' && <SocialeKaartScreen />}
          {screen.name === 'plan' && (
            <PlanEditorScreen
              key={screen.clientId}
              clientId={screen.clientId}
              onTerug={() => navigate({ name: 'caseload' })}
              onPrint={() => navigate({ name: 'plan-print', clientId: screen.clientId })}
              onGegevens={() => navigate({ name: 'client', clientId: screen.clientId })}
            />
          )}
          {screen.name === 'plan-print' && (
            <PlanPrintScreen
              key={screen.clientId}
              clientId={screen.clientId}
              onTerug={() => navigate({ name: 'plan', clientId: screen.clientId })}
            />
          )}
          {screen.name === 'conflicten' && (
            <ConflictsScreen
              onOpnieuw={
                services.sync
                  ? (seq: number) => services.sync!.engine().then((e) => e.retryRejected(seq))
                  : undefined
              }
            />
          )}
          {screen.name === 'uitloggen' && (
            <LogoutScreen
              fetch={fetchFn}
              online={(services.connectivity?.current() ?? 'offline') === 'online'}
              syncNu={
                services.sync
                  ? () => services.sync!.engine().then((e) => e.syncNow().then((o) => o.ok))
                  : undefined
              }
              stopSync={
                services.sync ? () => services.sync!.engine().then((e) => e.stop()) : undefined
              }
              onAnnuleren={() => navigate(start)}
              onUitgelogd={() => navigate({ name: 'caseload' }, { replace: true })}
            />
          )}
        </Suspense>
      </main>
    </div>
  );
}

/** Shown while a screen's chunk loads (from the precache: normally a few milliseconds). */
function SchermLaden() {
  return (
    <p className="scherm" role="status">
      {nl.algemeen.laden}
    </p>
  );
}

function NavButton(props: {
  readonly screen: Screen;
  readonly current: Screen;
  readonly onGo: (s: Screen) => void;
  readonly children: string;
}) {
  const active = props.current.name === props.screen.name;
  return (
    <button
      type="button"
      className={active ? 'nav-knop actief' : 'nav-knop'}
      aria-current={active ? 'page' : undefined}
      onClick={() => props.onGo(props.screen)}
    >
      {props.children}
    </button>
  );
}

interface PwaState {
  readonly handle: PwaHandle | null;
  readonly updateWaiting: boolean;
  readonly offlineReady: boolean;
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

/** How long the "klaar om zonder internet" notice stays when not closed. */
const OFFLINE_KLAAR_MS = 10_000;

function usePwa(services: AppServices): PwaState {
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const handle = useMemo(
    () =>
      services.registerPwa?.({
        onUpdateWaiting: () => setUpdateWaiting(true),
        onOfflineReady: () => setOfflineReady(true),
      }) ?? null,
    [services],
  );
  // The notice only informs: it goes away by itself after a while (it also has "Sluiten").
  useEffect(() => {
    if (!offlineReady) return;
    const t = setTimeout(() => setOfflineReady(false), OFFLINE_KLAAR_MS);
    return () => clearTimeout(t);
  }, [offlineReady]);
  return {
    handle,
    updateWaiting,
    offlineReady,
    dismissUpdate: () => setUpdateWaiting(false),
    dismissOfflineReady: () => setOfflineReady(false),
  };
}

/** The update banner and the "works offline now" notice, on every screen incl. login and lock. */
function PwaMeldingen({ pwa }: { readonly pwa: PwaState }) {
  return (
    <>
      {pwa.updateWaiting && pwa.handle && (
        <UpdateBanner onRefresh={() => pwa.handle?.applyUpdate()} onLater={pwa.dismissUpdate} />
      )}
      {pwa.offlineReady && (
        <div className="melding melding-zwevend" role="status">
          {nl.verbinding.offlineKlaar}{' '}
          <button type="button" className="knop-link" onClick={pwa.dismissOfflineReady}>
            {nl.verbinding.sluiten}
          </button>
        </div>
      )}
    </>
  );
}
