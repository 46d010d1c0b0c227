import { Suspense, useEffect, useMemo, useState } from 'react';
import type { ConnectivityWatcher } from '../../sync/client/connectivity.ts';
import { nl } from '../i18n/nl.ts';
import { NavigationProvider, useNavigation, type Screen } from './navigation.tsx';
import type { PwaHandle } from './pwa.ts';
import {
  AboutScreen,
  CaseloadScreen,
  ClientFormScreen,
  PlanEditorScreen,
  PlanPrintScreen,
  SocialeKaartScreen,
} from './screens.ts';
import { StatusBar } from './StatusBar.tsx';
import { UpdateBanner } from './UpdateBanner.tsx';

export interface AppServices {
  readonly connectivity: ConnectivityWatcher | null;
  /** Set once the service worker is registered; null in dev mode and in component tests. */
  readonly registerPwa:
    ((events: { onUpdateWaiting(): void; onOfflineReady(): void }) => PwaHandle | null) | null;
}

export function App({ services }: { readonly services: AppServices }) {
  return (
    <NavigationProvider>
      <Shell services={services} />
    </NavigationProvider>
  );
}

function Shell({ services }: { readonly services: AppServices }) {
  const { screen, navigate } = useNavigation();
  const [updateWaiting, setUpdateWaiting] = useState(false);
  const [offlineReady, setOfflineReady] = useState(false);
  const pwa = useMemo(
    () =>
      services.registerPwa?.({
        onUpdateWaiting: () => setUpdateWaiting(true),
        onOfflineReady: () => setOfflineReady(true),
      }) ?? null,
    [services],
  );
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
          <NavButton screen={{ name: 'caseload' }} current={screen} onGo={navigate}>
            Cliënten
          </NavButton>
          <NavButton screen={{ name: 'sociale-kaart' }} current={screen} onGo={navigate}>
            Sociale kaart
          </NavButton>
          <NavButton screen={{ name: 'over' }} current={screen} onGo={navigate}>
            Over deze app
          </NavButton>
        </nav>
      </header>
      <StatusBar connectivity={services.connectivity} />
      {updateWaiting && pwa && (
        <UpdateBanner onRefresh={() => pwa.applyUpdate()} onLater={() => setUpdateWaiting(false)} />
      )}
      {offlineReady && (
        <div className="melding" role="status">
          De app is klaar om zonder internet te werken.{' '}
          <button type="button" className="knop-link" onClick={() => setOfflineReady(false)}>
            Sluiten
          </button>
        </div>
      )}
      <main id="inhoud" tabIndex={-1}>
        <Suspense fallback={<SchermLaden />}>
          {screen.name === 'caseload' && (
            <CaseloadScreen
              onOpen={(clientId) => navigate({ name: 'client', clientId })}
              onNew={() => navigate({ name: 'nieuwe-client' })}
              onOpenPlan={(clientId) => navigate({ name: 'plan', clientId })}
            />
          )}
          {screen.name === 'nieuwe-client' && (
            <ClientFormScreen
              onDone={() => navigate({ name: 'caseload' }, { replace: true })}
              onCancel={() => navigate({ name: 'caseload' })}
            />
          )}
          {screen.name === 'client' && (
            <ClientFormScreen
              key={screen.clientId}
              clientId={screen.clientId}
              onDone={() => navigate({ name: 'caseload' }, { replace: true })}
              onCancel={() => navigate({ name: 'caseload' })}
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
            />
          )}
          {screen.name === 'plan-print' && (
            <PlanPrintScreen
              key={screen.clientId}
              clientId={screen.clientId}
              onTerug={() => navigate({ name: 'plan', clientId: screen.clientId })}
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
