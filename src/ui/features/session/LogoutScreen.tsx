import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { sluitSessie, wisLokaleWijzigingen } from '../../../storage/sessie.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { logoutServer } from '../../../sync/client/sessie.ts';
import { useDb } from '../../hooks/db-context.tsx';

const wijzigingen = (n: number) => (n === 1 ? '1 wijziging' : `${n} wijzigingen`);

export const UITLOG_TEKST = {
  titel: 'Uitloggen',
  geenWijzigingen: 'Alle wijzigingen zijn naar de server verstuurd. U kunt veilig uitloggen.',
  waarschuwing: (n: number) =>
    `Let op: ${wijzigingen(n)} ${n === 1 ? 'is' : 'zijn'} nog niet naar de server verstuurd.`,
  uitleg:
    'Als u uitlogt en de wijzigingen bewaart, blijven ze op dit apparaat. Ze worden verstuurd zodra iemand weer inlogt en er internet is.',
  eerstSync: 'Eerst synchroniseren',
  offline: 'Er is nu geen internet. Synchroniseren kan pas als er weer verbinding is.',
  syncMislukt: 'Synchroniseren is niet gelukt. Kijk bovenin wat er aan de hand is.',
  uitloggen: 'Uitloggen',
  bewaren: 'Toch uitloggen en wijzigingen bewaren op dit apparaat',
  annuleren: 'Niet uitloggen',
  weggooien: (n: number) => `Uitloggen en ${wijzigingen(n)} weggooien`,
  zeker: (n: number) =>
    `Weet u het zeker? ${wijzigingen(n)} ${n === 1 ? 'gaat' : 'gaan'} dan voorgoed verloren. Ook de andere gegevens op dit apparaat worden gewist; na het inloggen haalt de app ze opnieuw op van de server.`,
  jaWeggooien: (n: number) => `Ja, ${wijzigingen(n)} weggooien en uitloggen`,
  neeTerug: 'Nee, terug',
  bezig: 'Bezig met uitloggen…',
} as const;

/**
 * Logout (issue 5, item 2). With unsent changes it warns with the count; the default keeps them
 * on the device. Throwing them away needs the count on screen and a second, explicit yes.
 */
export function LogoutScreen(props: {
  readonly fetch: FetchFn;
  readonly online: boolean;
  /** Runs a sync now; resolves with whether it succeeded. */
  readonly syncNu?: () => Promise<boolean>;
  readonly stopSync?: () => Promise<void>;
  readonly onAnnuleren: () => void;
  readonly onUitgelogd: () => void;
}) {
  const db = useDb();
  const id = useId();
  // Every outbox row is a change the server has not accepted (pending or refused).
  const aantal = useLiveQuery(() => db.outbox.count(), [db]);
  const [bevestigen, setBevestigen] = useState<number | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function uitloggen(weggooien: boolean) {
    setBezig(true);
    try {
      await props.stopSync?.();
      if (props.online) await logoutServer(props.fetch);
      if (weggooien) await wisLokaleWijzigingen(db);
      else await sluitSessie(db);
      props.onUitgelogd();
    } catch (fout) {
      console.error('Uitloggen mislukt.', fout);
      setMelding('Uitloggen is niet gelukt. Probeer het nog een keer.');
      setBezig(false);
    }
  }

  async function eerstSync() {
    if (!props.online || !props.syncNu) {
      setMelding(UITLOG_TEKST.offline);
      return;
    }
    setMelding(null);
    setBezig(true);
    const ok = await props.syncNu();
    setBezig(false);
    if (!ok) setMelding(UITLOG_TEKST.syncMislukt);
  }

  return (
    <section className="scherm sessie-scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>{UITLOG_TEKST.titel}</h1>
      {aantal === undefined ? null : aantal === 0 ? (
        <>
          <p data-testid="uitlog-status">{UITLOG_TEKST.geenWijzigingen}</p>
          <div className="knoppen">
            <button
              type="button"
              className="knop knop-primair"
              disabled={bezig}
              onClick={() => void uitloggen(false)}
            >
              {UITLOG_TEKST.uitloggen}
            </button>
            <button type="button" className="knop" onClick={props.onAnnuleren}>
              {UITLOG_TEKST.annuleren}
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="waarschuwing" data-testid="uitlog-status">
            <p>
              <strong>{UITLOG_TEKST.waarschuwing(aantal)}</strong>
            </p>
            <p>{UITLOG_TEKST.uitleg}</p>
          </div>
          {melding && (
            <p className="fout-melding" role="alert">
              {melding}
            </p>
          )}
          <div className="knoppen">
            <button
              type="button"
              className="knop knop-primair"
              disabled={bezig}
              onClick={() => void eerstSync()}
            >
              {UITLOG_TEKST.eerstSync}
            </button>
            <button
              type="button"
              className="knop"
              disabled={bezig}
              onClick={() => void uitloggen(false)}
            >
              {UITLOG_TEKST.bewaren}
            </button>
            <button type="button" className="knop" onClick={props.onAnnuleren}>
              {UITLOG_TEKST.annuleren}
            </button>
          </div>
          <h2>Wijzigingen weggooien</h2>
          {bevestigen === null ? (
            <button
              type="button"
              className="knop"
              disabled={bezig}
              onClick={() => setBevestigen(aantal)}
            >
              {UITLOG_TEKST.weggooien(aantal)}
            </button>
          ) : (
            <div className="waarschuwing" role="alertdialog" aria-labelledby={`${id}-zeker`}>
              <p id={`${id}-zeker`}>{UITLOG_TEKST.zeker(bevestigen)}</p>
              <div className="knoppen">
                <button
                  type="button"
                  className="knop"
                  disabled={bezig}
                  onClick={() => void uitloggen(true)}
                >
                  {UITLOG_TEKST.jaWeggooien(bevestigen)}
                </button>
                <button
                  type="button"
                  className="knop knop-primair"
                  onClick={() => setBevestigen(null)}
                >
                  {UITLOG_TEKST.neeTerug}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
