/** A list from the server for one screen: loading, a Dutch failure, or the data; `opnieuw` reloads. */
import { useCallback, useEffect, useState } from 'react';
import type { Antwoord } from '../../hooks/server-vraag.ts';

export type Stand<T> =
  | { readonly soort: 'laden' }
  | { readonly soort: 'fout'; readonly melding: string }
  | { readonly soort: 'klaar'; readonly data: T };

export function useServerLijst<T>(haal: () => Promise<Antwoord<T | null>>): {
  stand: Stand<T>;
  opnieuw: () => void;
} {
  const [stand, setStand] = useState<Stand<T>>({ soort: 'laden' });
  const [poging, setPoging] = useState(0);
  const opnieuw = useCallback(() => setPoging((p) => p + 1), []);
  useEffect(() => {
    let actueel = true;
    void haal().then((a) => {
      if (!actueel) return;
      setStand(
        a.ok && a.data !== null
          ? { soort: 'klaar', data: a.data }
          : { soort: 'fout', melding: a.ok ? 'Geen antwoord.' : a.melding },
      );
    });
    return () => {
      actueel = false;
    };
  }, [haal, poging]);
  return { stand, opnieuw };
}
