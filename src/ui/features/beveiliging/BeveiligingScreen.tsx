/**
 * "Beveiliging" for the beheerder (issue 14, point 2): switch the second factor on for every role
 * (beheerders and coordinators always have it), see per user whether it is set up and how many
 * recovery codes are left, and reset a lost device (she sets it up again at her next login).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { FetchFn } from '../../../sync/client/http.ts';
import {
  haalBeveiliging,
  herstelTweedeFactor,
  zetVoorIedereen,
  type Beveiliging,
} from './server.ts';

export const BEVEILIGING_TEKST = {
  titel: 'Beveiliging',
  intro:
    'Met de tweede stap vraagt de app bij het inloggen ook een code uit een app op de telefoon. Voor beheerders en coördinatoren is dat altijd zo.',
  iedereen: 'Tweede stap ook verplicht voor arrangeurs en casemanagers',
  iedereenHint: 'Geldt vanaf de volgende keer dat iemand inlogt.',
  gebruikers: 'Gebruikers en hun tweede stap',
  kolommen: ['Naam', 'Gebruikersnaam', 'Rol', 'Tweede stap', 'Herstelcodes over', 'Actie'],
  ingesteld: 'Ingesteld',
  nietIngesteld: (verplicht: boolean) =>
    verplicht ? 'Nog niet ingesteld (wordt gevraagd)' : 'Niet ingesteld',
  herstel: (naam: string) => `Nieuw apparaat voor ${naam}`,
  herstelVraag: (naam: string) =>
    `Telefoon kwijt of nieuw? Dan kan ${naam} niet meer inloggen met de oude code. Na het herstellen stelt ${naam} de tweede stap opnieuw in bij de volgende keer inloggen. Ook wordt ${naam} nu uitgelogd.`,
  herstelJa: 'Ja, herstellen',
  herstelNee: 'Annuleren',
  hersteld: (naam: string) =>
    `De tweede stap van ${naam} is hersteld. ${naam} stelt hem opnieuw in bij de volgende keer inloggen.`,
  laden: 'Beveiliging wordt geladen…',
  inactief: ' (uitgeschakeld)',
} as const;

const ROL: Record<string, string> = {
  arrangeur: 'Arrangeur',
  casemanager: 'Casemanager',
  coordinator: 'Coördinator',
  beheerder: 'Beheerder',
};

export function BeveiligingScreen({ fetch: fetchFn }: { readonly fetch: FetchFn }) {
  const id = useId();
  const t = BEVEILIGING_TEKST;
  const [data, setData] = useState<Beveiliging | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [vraag, setVraag] = useState<{ id: string; naam: string } | null>(null);
  const [bezig, setBezig] = useState(false);

  const laad = useCallback(async () => {
    const a = await haalBeveiliging(fetchFn);
    if (a.ok && a.data) {
      setData(a.data);
      setFout(null);
    } else if (!a.ok) setFout(a.melding);
  }, [fetchFn]);
  useEffect(() => {
    let actueel = true;
    void haalBeveiliging(fetchFn).then((a) => {
      if (!actueel) return;
      if (a.ok) setData(a.data);
      else setFout(a.melding);
    });
    return () => {
      actueel = false;
    };
  }, [fetchFn]);

  async function wissel(aan: boolean) {
    setBezig(true);
    const a = await zetVoorIedereen(fetchFn, aan);
    setBezig(false);
    if (!a.ok) setFout(a.melding);
    await laad();
  }

  async function herstel(g: { id: string; naam: string }) {
    setBezig(true);
    const a = await herstelTweedeFactor(fetchFn, g.id);
    setBezig(false);
    setVraag(null);
    if (!a.ok) setFout(a.melding);
    else setMelding(t.hersteld(g.naam));
    await laad();
  }

  return (
    <section className="scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>{t.titel}</h1>
      <p>{t.intro}</p>
      {fout && (
        <p className="fout-melding" role="alert">
          {fout}
        </p>
      )}
      <p role="status">{melding ?? ''}</p>
      {!data ? (
        !fout && <p>{t.laden}</p>
      ) : (
        <>
          <div className="veld veld-vinkje">
            <input
              id={`${id}-iedereen`}
              type="checkbox"
              checked={data.tweedeFactorVoorIedereen}
              disabled={bezig}
              aria-describedby={`${id}-iedereen-hint`}
              onChange={(e) => void wissel(e.currentTarget.checked)}
            />
            <label htmlFor={`${id}-iedereen`}>{t.iedereen}</label>
            <p className="hint" id={`${id}-iedereen-hint`}>
              {t.iedereenHint}
            </p>
          </div>
          <h2 id={`${id}-gebruikers`}>{t.gebruikers}</h2>
          <div className="tabel-scroll">
            <table aria-labelledby={`${id}-gebruikers`}>
              <thead>
                <tr>
                  {t.kolommen.map((k) => (
                    <th key={k} scope="col">
                      {k}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.gebruikers.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      {g.naam}
                      {g.actief ? '' : t.inactief}
                    </th>
                    <td>{g.gebruikersnaam}</td>
                    <td>{ROL[g.rol] ?? g.rol}</td>
                    <td>{g.ingesteld ? t.ingesteld : t.nietIngesteld(g.verplicht)}</td>
                    <td>{g.ingesteld ? g.herstelcodesOver : '–'}</td>
                    <td>
                      {g.ingesteld && (
                        <button
                          type="button"
                          className="knop"
                          disabled={bezig}
                          onClick={() => {
                            setMelding(null);
                            setVraag({ id: g.id, naam: g.naam });
                          }}
                        >
                          {t.herstel(g.naam)}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {vraag && (
            <div className="waarschuwing" role="alertdialog" aria-labelledby={`${id}-vraag`}>
              <p id={`${id}-vraag`}>{t.herstelVraag(vraag.naam)}</p>
              <button
                type="button"
                className="knop knop-primair"
                disabled={bezig}
                onClick={() => void herstel(vraag)}
              >
                {t.herstelJa}
              </button>{' '}
              <button type="button" className="knop" onClick={() => setVraag(null)}>
                {t.herstelNee}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
