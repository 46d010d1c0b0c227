/** A list from the server for one screen: loading, a Dutch failure, or the data; `opnieuw` reloads. */
import { useCallback } from 'react';
import type { BeheerClient, BeheerGebruiker } from '../../../domain/beheer/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import type { Antwoord } from '../../lib/api.ts';
import { useServerData, type Laadstatus } from '../../lib/useServerData.ts';
import { haalClienten, haalGebruikers } from './server.ts';

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

/** Every account, and every client by name and birth date: the lists caseloads and the log pick from. */
export interface GebruikersEnClienten {
  readonly gebruikers: readonly BeheerGebruiker[];
  readonly clienten: readonly BeheerClient[];
}

export function useGebruikersEnClienten(fetchFn: FetchFn) {
  const haal = useCallback(async () => {
    const [g, c] = await Promise.all([haalGebruikers(fetchFn), haalClienten(fetchFn)]);
    if (!g.ok) return g;
    if (!c.ok) return c;
    return {
      ok: true as const,
      data: { gebruikers: g.data!.gebruikers, clienten: c.data!.clienten },
    };
  }, [fetchFn]);
  return useServerLijst<GebruikersEnClienten>(haal);
}

/** Every account. */
export function useGebruikers(fetchFn: FetchFn) {
  const haal = useCallback(async () => {
    const a = await haalGebruikers(fetchFn);
    return a.ok ? { ok: true as const, data: a.data!.gebruikers } : a;
  }, [fetchFn]);
  return useServerLijst<readonly BeheerGebruiker[]>(haal);
}

/** The active colleagues a client can be given to (arrangeurs and casemanagers). */
export const metCaseload = (gebruikers: readonly BeheerGebruiker[]): BeheerGebruiker[] =>
  gebruikers.filter((g) => g.actief && (g.rol === 'arrangeur' || g.rol === 'casemanager'));

/** One colleague to choose, as every list names her. */
export function GebruikerOpties(props: { readonly gebruikers: readonly BeheerGebruiker[] }) {
  return props.gebruikers.map((g) => (
    <option key={g.id} value={g.id}>
      {g.naam} ({g.gebruikersnaam})
    </option>
  ));
}
