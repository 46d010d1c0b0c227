/**
 * The screens, each its own chunk, loaded when first needed. The entry chunk holds only React,
 * Dexie and the shell, so the first paint does not wait for zod, the domain schemas, the reference
 * lists or react-hook-form. Offline is unaffected: the service worker precaches every chunk
 * (workbox globPatterns in vite.config.ts), so a screen's chunk loads from the cache.
 *
 * The caseload list and the client form are imported file by file (not through the feature's
 * index.ts) so the start screen does not also load the form library.
 *
 * Why not plain React.lazy: a lazy component that suspends shows the Suspense fallback, and React
 * then holds the real screen back until 300 ms after that fallback appeared (its fallback
 * throttle) — measured as +300 ms on every cold start. So main.tsx preloads the start screen
 * before the first render, and a screen whose module is loaded renders synchronously. Navigation
 * runs in a transition (navigation.tsx), which keeps the current screen up until the next one is
 * loaded instead of flashing a fallback.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LokaleSessie } from '../../storage/sessie.ts';
import { screenFromLocation, type Screen } from './navigation.tsx';
import { magScherm, startScherm } from './rollen.ts';

type LazyScreen<P> = LazyExoticComponent<ComponentType<P>> & { preload(): Promise<unknown> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature
function lazyScreen<C extends ComponentType<any>>(
  load: () => Promise<C>,
): LazyScreen<C extends ComponentType<infer P> ? P : never> {
  let loaded: { default: C } | undefined;
  let pending: Promise<{ default: C }> | undefined;
  const preload = () => (pending ??= load().then((c) => (loaded = { default: c })));
  // Once loaded, hand React a thenable that resolves synchronously: React.lazy then renders the
  // component at once instead of suspending for a microtask (and showing the fallback).
  const component = lazy<C>(() =>
    loaded
      ? ({ then: (ok: (m: { default: C }) => void) => ok(loaded!) } as unknown as Promise<{
          default: C;
        }>)
      : preload(),
  );
  return Object.assign(component, { preload }) as never;
}

export const CaseloadScreen = lazyScreen(() =>
  import('../features/caseload/CaseloadScreen.tsx').then((m) => m.CaseloadScreen),
);
export const ClientFormScreen = lazyScreen(() =>
  import('../features/caseload/ClientFormScreen.tsx').then((m) => m.ClientFormScreen),
);
export const AboutScreen = lazyScreen(() =>
  import('../features/about/index.ts').then((m) => m.AboutScreen),
);

export const SocialeKaartScreen = lazyScreen(() =>
  import('../features/sociale-kaart/index.ts').then((m) => m.SocialeKaartScreen),
);
export const PlanEditorScreen = lazyScreen(() =>
  import('../features/plan-editor/index.ts').then((m) => m.PlanEditorScreen),
);
export const PlanPrintScreen = lazyScreen(() =>
  import('../features/plan-print/index.ts').then((m) => m.PlanPrintScreen),
);

export const ConflictsScreen = lazyScreen(() =>
  import('../features/conflicts/index.ts').then((m) => m.ConflictsScreen),
);
export const ReviewScreen = lazyScreen(() =>
  import('../features/review/index.ts').then((m) => m.ReviewScreen),
);
export const CoordinatorScreen = lazyScreen(() =>
  import('../features/coordinator/index.ts').then((m) => m.CoordinatorScreen),
);
export const TarievenScreen = lazyScreen(() =>
  import('../features/tarieven/index.ts').then((m) => m.TarievenScreen),
);
const beheer = () => import('../features/beheer/index.ts');
export const GebruikersScreen = lazyScreen(() => beheer().then((m) => m.GebruikersScreen));
export const CaseloadsScreen = lazyScreen(() => beheer().then((m) => m.CaseloadsScreen));
export const ToegangslogScreen = lazyScreen(() => beheer().then((m) => m.ToegangslogScreen));
export const ImportScreen = lazyScreen(() => beheer().then((m) => m.ImportScreen));
export const BeveiligingScreen = lazyScreen(() =>
  import('../features/beveiliging/index.ts').then((m) => m.BeveiligingScreen),
);
export const LogoutScreen = lazyScreen(() =>
  import('../features/session/LogoutScreen.tsx').then((m) => m.LogoutScreen),
);
// The session gate's screens (App.tsx): shown instead of the app without a (unlocked) session.
export const LoginScreen = lazyScreen(() =>
  import('../features/session/LoginScreen.tsx').then((m) => m.LoginScreen),
);
export const LockScreen = lazyScreen(() =>
  import('../features/session/LockScreen.tsx').then((m) => m.LockScreen),
);

const SCREENS: Record<Screen['name'], { preload(): Promise<unknown> }> = {
  caseload: CaseloadScreen,
  'nieuwe-client': ClientFormScreen,
  client: ClientFormScreen,
  over: AboutScreen,
  'sociale-kaart': SocialeKaartScreen,
  plan: PlanEditorScreen,
  'plan-print': PlanPrintScreen,
  conflicten: ConflictsScreen,
  uitloggen: LogoutScreen,
  review: ReviewScreen,
  'wie-betaalt-wat': CoordinatorScreen,
  tarieven: TarievenScreen,
  'beheer-gebruikers': GebruikersScreen,
  'beheer-caseloads': CaseloadsScreen,
  'beheer-toegangslog': ToegangslogScreen,
  'beheer-import': ImportScreen,
  beveiliging: BeveiligingScreen,
};

/** Loads the module of a screen (default: the one the URL opens on). Never rejects. */
export function preloadScreen(screen: Screen = screenFromLocation()): Promise<void> {
  return SCREENS[screen.name].preload().then(
    () => undefined,
    () => undefined, // the lazy component retries and shows the error where it renders
  );
}

/**
 * Loads the module of the screen the app will open on: the login screen without a session, the
 * PIN screen when locked, else the screen of the URL (or the role's start screen when the role
 * may not open that one; `undefined`: the session is not known, the URL's screen). Issue 13.6: on a first visit the login screen's chunk was fetched only
 * after the caseload's (and its reference data) had loaded, a second round trip before any paint.
 * Never rejects.
 */
export function preloadStartScreen(sessie: LokaleSessie | null | undefined): Promise<void> {
  if (sessie === undefined) return preloadScreen(); // not known (yet): the URL's screen
  if (!sessie) return LoginScreen.preload().then(ok, ok);
  if (sessie.vergrendeld) return LockScreen.preload().then(ok, ok);
  const screen = screenFromLocation();
  const rol = sessie.gebruiker.rol;
  return preloadScreen(magScherm(rol, screen.name) ? screen : startScherm(rol));
}

const ok = () => undefined;
