/**
 * The casemanagers an arrangeur can send a plan to (issue 6). Asked from the server when online
 * and kept on the device by the sync client (haalCasemanagers), so the choice also works offline
 * once it has been fetched.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FetchFn } from '../../sync/client/http.ts';
import { haalCasemanagers } from '../../sync/client/casemanagers.ts';
import { standaardFetch } from '../lib/api.ts';
import { useDb } from './db-context.tsx';

export interface CasemanagerKeuze {
  readonly id: string;
  readonly naam: string;
}

/** `lijst` is undefined while loading, empty when none could be found (offline, never fetched). */
export function useCasemanagers(fetchFn: FetchFn = standaardFetch): {
  lijst: readonly CasemanagerKeuze[] | undefined;
  opnieuw: () => void;
} {
  const db = useDb();
  const [lijst, setLijst] = useState<readonly CasemanagerKeuze[] | undefined>(undefined);
  const [poging, setPoging] = useState(0);
  useEffect(() => {
    let weg = false;
    // Never rejects: offline it answers the list cached on this device (empty if never fetched).
    void haalCasemanagers(db, fetchFn).then(
      (r) => !weg && setLijst(r.lijst.map((c) => ({ id: c.id, naam: c.naam }))),
    );
    return () => {
      weg = true;
    };
  }, [db, fetchFn, poging]);
  const opnieuw = useCallback(() => {
    setLijst(undefined);
    setPoging((p) => p + 1);
  }, []);
  return { lijst, opnieuw };
}
