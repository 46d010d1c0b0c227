/**
 * Server data for an online-only screen: loading, a Dutch fault, or the data. Reloads when the
 * key changes, on `opnieuw()`, and when the device comes back online; an answer for an older key
 * is dropped, so a quick change never shows stale data under the new heading.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Antwoord } from './api.ts';

export type Laadstatus<T> =
  | { readonly soort: 'laden' }
  | { readonly soort: 'fout'; readonly melding: string }
  | { readonly soort: 'klaar'; readonly data: T };

/**
 * @param sleutel what is loaded (a url); null loads nothing (yet).
 * @param laad asks the server for `sleutel`; it must not change identity per render (wrap it in
 *   useCallback, or pass a module-level function).
 */
export function useServerData<T>(
  sleutel: string | null,
  laad: (sleutel: string) => Promise<Antwoord<T>>,
): { status: Laadstatus<T>; opnieuw: () => void } {
  const [poging, setPoging] = useState(0);
  const [stand, setStand] = useState<{ sleutel: string | null; status: Laadstatus<T> }>({
    sleutel: null,
    status: { soort: 'laden' },
  });
  const opnieuw = useCallback(() => setPoging((p) => p + 1), []);

  useEffect(() => {
    if (sleutel === null) return;
    let actueel = true;
    void laad(sleutel).then((a) => {
      if (!actueel) return;
      setStand({
        sleutel,
        status: a.ok ? { soort: 'klaar', data: a.data } : { soort: 'fout', melding: a.melding },
      });
    });
    return () => {
      actueel = false;
    };
  }, [sleutel, laad, poging]);

  useEffect(() => {
    window.addEventListener('online', opnieuw);
    return () => window.removeEventListener('online', opnieuw);
  }, [opnieuw]);

  // Until the answer for this key is in, it is loading (also right after a change of key).
  return { status: stand.sleutel === sleutel ? stand.status : { soort: 'laden' }, opnieuw };
}
