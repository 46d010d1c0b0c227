import { lazy, Suspense, useEffect, useState } from 'react';
import type { ConnectivityWatcher, Connectivity } from '../../sync/client/connectivity.ts';

const Wachtrij = lazy(() => import('./Wachtrij.tsx'));

/** Always visible: online or not, and how many changes have not reached the server yet. */
export function StatusBar({ connectivity }: { readonly connectivity: ConnectivityWatcher | null }) {
  const [state, setState] = useState<Connectivity>(connectivity?.current() ?? 'offline');
  useEffect(() => connectivity?.subscribe(setState), [connectivity]);
  return (
    <div className="statusbalk" role="status" aria-live="polite" data-testid="statusbalk">
      <span className={`verbinding verbinding-${state}`}>
        {state === 'online' ? 'Online' : 'Offline — u kunt gewoon verder werken'}
      </span>
      <Suspense fallback={null}>
        <Wachtrij />
      </Suspense>
    </div>
  );
}
