import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { pendingCount } from '../../storage/outbox.ts';
import type { ConnectivityWatcher, Connectivity } from '../../sync/client/connectivity.ts';
import { useDb } from '../hooks/useDb.tsx';

/** Always visible: online or not, and how many changes have not reached the server yet. */
export function StatusBar({ connectivity }: { readonly connectivity: ConnectivityWatcher | null }) {
  const db = useDb();
  const [state, setState] = useState<Connectivity>(connectivity?.current() ?? 'offline');
  useEffect(() => connectivity?.subscribe(setState), [connectivity]);
  const pending = useLiveQuery(() => pendingCount(db), [db]);
  return (
    <div className="statusbalk" role="status" aria-live="polite" data-testid="statusbalk">
      <span className={`verbinding verbinding-${state}`}>
        {state === 'online' ? 'Online' : 'Offline — u kunt gewoon verder werken'}
      </span>
      {pending !== undefined && (
        <span data-testid="wachtrij">
          {pending === 0
            ? 'Alles is op dit apparaat opgeslagen'
            : `${pending} ${pending === 1 ? 'wijziging' : 'wijzigingen'} nog niet verzonden`}
        </span>
      )}
    </div>
  );
}
