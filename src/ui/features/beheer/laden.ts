/** A list from the server for one screen: loading, a Dutch failure, or the data; `opnieuw` reloads. */
import { useCallback } from 'react';
import type { Antwoord } from '../../lib/api.ts';
import { useServerData, type Laadstatus } from '../../lib/useServerData.ts';

export type Stand<T> = Laadstatus<T>;

/** The shared server-data hook (ui/lib/useServerData.ts) for one list; a new `haal` reloads. */
export function useServerLijst<T>(haal: () => Promise<Antwoord<T | null>>): {
  stand: Stand<T>;
  opnieuw: () => void;
} {
  const laad = useCallback(async (): Promise<Antwoord<T>> => {
    const a = await haal();
    if (!a.ok) return a;
    return a.data !== null ? { ok: true, data: a.data } : { ok: false, melding: 'Geen antwoord.' };
  }, [haal]);
  const { status, opnieuw } = useServerData('lijst', laad);
  return { stand: status, opnieuw };
}
