import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from 'react';

/**
 * Screens of the app. Record ids live in history.state, never in the URL: a URL can end up in a
 * log or a shared link and must not point at a client.
 */
export type Screen =
  | { readonly name: 'caseload' }
  | { readonly name: 'nieuwe-client' }
  | { readonly name: 'client'; readonly clientId: string }
  | { readonly name: 'over' }
  | { readonly name: 'sociale-kaart' }
  | { readonly name: 'plan'; readonly clientId: string }
  | { readonly name: 'plan-print'; readonly clientId: string }
  | { readonly name: 'conflicten' }
  | { readonly name: 'uitloggen' }
  /** The casemanager's review of one client's plan (read-only plan, comments, besluit). */
  | { readonly name: 'review'; readonly clientId: string }
  /** The coordinator's pseudonymised "wie betaalt wat" view. */
  | { readonly name: 'wie-betaalt-wat' }
  /** Tariffs: edited by the beheerder, read by the coordinator. */
  | { readonly name: 'tarieven' }
  /** Beheer (issue 14): accounts, caseloads, the access log, the caseload import. */
  | { readonly name: 'beheer-gebruikers' }
  | { readonly name: 'beheer-caseloads' }
  | { readonly name: 'beheer-toegangslog' }
  | { readonly name: 'beheer-import' }
  /** The beheerder's second-factor setting and status per user (issue 14). */
  | { readonly name: 'beveiliging' };

const PATHS: Record<Screen['name'], string> = {
  caseload: '/',
  'nieuwe-client': '/clienten/nieuw',
  client: '/clienten/bewerken',
  over: '/over',
  'sociale-kaart': '/sociale-kaart',
  plan: '/plan',
  'plan-print': '/plan/print',
  conflicten: '/conflicten',
  uitloggen: '/uitloggen',
  review: '/review',
  'wie-betaalt-wat': '/wie-betaalt-wat',
  tarieven: '/tarieven',
  'beheer-gebruikers': '/beheer/gebruikers',
  'beheer-caseloads': '/beheer/caseloads',
  'beheer-toegangslog': '/beheer/toegangslog',
  'beheer-import': '/beheer/import',
  beveiliging: '/beveiliging',
};

/** The screen the current history entry (or, on a fresh start, the URL) points at. */
export function screenFromLocation(): Screen {
  const state = window.history.state as Screen | null;
  if (state && typeof state === 'object' && 'name' in state && state.name in PATHS) return state;
  const path = window.location.pathname;
  if (path === PATHS['nieuwe-client']) return { name: 'nieuwe-client' };
  if (path === PATHS.over) return { name: 'over' };
  if (path === PATHS['sociale-kaart']) return { name: 'sociale-kaart' };
  if (path === PATHS.conflicten) return { name: 'conflicten' };
  if (path === PATHS['wie-betaalt-wat']) return { name: 'wie-betaalt-wat' };
  if (path === PATHS.tarieven) return { name: 'tarieven' };
  for (const naam of BEHEER) if (path === PATHS[naam]) return { name: naam };
  if (path === PATHS.beveiliging) return { name: 'beveiliging' };
  return { name: 'caseload' };
}

const BEHEER = [
  'beheer-gebruikers',
  'beheer-caseloads',
  'beheer-toegangslog',
  'beheer-import',
] as const;

interface NavigationValue {
  readonly screen: Screen;
  navigate(screen: Screen, opts?: { replace?: boolean }): void;
}

const NavigationContext = createContext<NavigationValue | null>(null);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [screen, setScreen] = useState<Screen>(screenFromLocation);
  useEffect(() => {
    const onPop = () => startTransition(() => setScreen(screenFromLocation()));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Screen, opts?: { replace?: boolean }) => {
    const method = opts?.replace ? 'replaceState' : 'pushState';
    window.history[method](next, '', PATHS[next.name]);
    // A transition: while the next screen's chunk loads, the current screen stays up (no fallback).
    startTransition(() => setScreen(next));
    window.scrollTo?.(0, 0);
  }, []);
  return <NavigationContext value={{ screen, navigate }}>{children}</NavigationContext>;
}

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('useNavigation outside NavigationProvider');
  return value;
}
