import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ConflictRow, OutboxRow } from '../../../storage/db.ts';
import { getMeta } from '../../../storage/meta.ts';
import { rejected, retryRejected } from '../../../storage/outbox.ts';
import {
  listOpenConflicts,
  resolveConflict,
  type ConflictKeuze,
} from '../../../sync/client/conflicts.ts';
import { useDb, useUserId } from '../../hooks/db-context.tsx';
import { onderdeel, veldNaam, waardeTekst, tijdstip } from './woorden.ts';

interface ConflictMetNaam {
  conflict: ConflictRow;
  clientNaam: string | null;
}

/**
 * Conflicts and refused changes (issue 5, item 5). Per open conflict, per field: both values in
 * plain Dutch, who wrote them and when, and two buttons to choose. The choice is an ordinary
 * synced change (resolveConflict), so the other devices learn it as any edit.
 */
export function ConflictsScreen({
  onOpnieuw,
}: {
  /** Puts a refused change back in the queue (the engine also starts a run). */
  readonly onOpnieuw?: (seq: number) => Promise<boolean>;
}) {
  const db = useDb();
  const id = useId();
  const conflicten = useLiveQuery(async (): Promise<ConflictMetNaam[]> => {
    const open = await listOpenConflicts(db);
    return Promise.all(
      open.map(async (conflict) => {
        const client = conflict.clientId ? await db.clients.get(conflict.clientId) : undefined;
        return {
          conflict,
          clientNaam: client ? `${client.voornaam} ${client.achternaam}` : null,
        };
      }),
    );
  }, [db]);
  const geweigerd = useLiveQuery(() => rejected(db), [db]);
  const [melding, setMelding] = useState<string | null>(null);

  return (
    <section className="scherm" aria-labelledby={`${id}-titel`}>
      <h1 id={`${id}-titel`}>Conflicten en geweigerde wijzigingen</h1>
      {melding && (
        <p className="fout-melding" role="alert">
          {melding}
        </p>
      )}
      <h2>Conflicten</h2>
      {conflicten === undefined ? null : conflicten.length === 0 ? (
        <p data-testid="geen-conflicten">Er zijn geen conflicten.</p>
      ) : (
        <>
          <p>
            Iemand anders (of u op een ander apparaat) heeft hetzelfde veld ook veranderd. Kies
            welke waarde moet blijven. Uw keuze wordt ook naar de server en de andere apparaten
            gestuurd.
          </p>
          <ul className="kaal" aria-label="Open conflicten">
            {conflicten.map(({ conflict, clientNaam }) => (
              <li key={conflict.id}>
                <ConflictKaart conflict={conflict} clientNaam={clientNaam} onMelding={setMelding} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Geweigerde wijzigingen</h2>
      {geweigerd === undefined ? null : geweigerd.length === 0 ? (
        <p>Er zijn geen geweigerde wijzigingen.</p>
      ) : (
        <ul className="kaal" aria-label="Geweigerde wijzigingen">
          {geweigerd.map((rij) => (
            <li key={rij.seq} className="conflict" data-testid="geweigerd">
              <Geweigerd
                rij={rij}
                onOpnieuw={async () => {
                  const seq = rij.seq!;
                  const ok = onOpnieuw ? await onOpnieuw(seq) : await retryRejected(db, seq);
                  if (!ok) setMelding('Deze wijziging staat niet meer in de wachtrij.');
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConflictKaart({
  conflict,
  clientNaam,
  onMelding,
}: {
  readonly conflict: ConflictRow;
  readonly clientNaam: string | null;
  readonly onMelding: (m: string | null) => void;
}) {
  const db = useDb();
  const userId = useUserId();
  const mijnApparaat = useLiveQuery(() => getMeta(db, 'deviceId'), [db]);
  const id = useId();
  const [bezig, setBezig] = useState(false);
  const veld = veldNaam(conflict.field);

  const kanten = conflictKanten(conflict, userId, mijnApparaat);

  async function kies(keuze: ConflictKeuze) {
    setBezig(true);
    onMelding(null);
    try {
      const uitkomst = await resolveConflict(db, conflict.id, keuze, { updatedBy: userId });
      if (!uitkomst.ok) onMelding(uitkomst.reden);
    } catch (fout) {
      console.error('Conflict niet opgeslagen.', fout);
      onMelding('Uw keuze is niet opgeslagen. Probeer het nog een keer.');
    } finally {
      setBezig(false);
    }
  }

  return (
    <article className="conflict" aria-labelledby={`${id}-kop`} data-testid="conflict">
      <h3 id={`${id}-kop`}>
        {onderdeel(conflict.recordType, clientNaam)}: {veld}
      </h3>
      <div className="conflict-keuzes">
        {kanten.map((k) => (
          <div className="conflict-keuze" key={k.keuze}>
            <h4>{k.kop}</h4>
            <p className="conflict-waarde">{k.waarde}</p>
            {k.keuze === 'behouden' && <p className="hint">Deze waarde staat nu opgeslagen.</p>}
            <button
              type="button"
              className="knop"
              disabled={bezig}
              aria-label={`Kies ${k.kort} voor ${veld}`}
              onClick={() => void kies(k.keuze)}
            >
              Kies {k.kort}
            </button>
          </div>
        ))}
      </div>
    </article>
  );
}

interface Kant {
  /** "Op dit apparaat, ingevuld op 23 november om 09:20". */
  kop: string;
  /** For the button: "de waarde van dit apparaat". */
  kort: string;
  waarde: string;
  keuze: ConflictKeuze;
  at: string;
}

/**
 * Both values of a conflict, each saying who typed it on which device and when (issue 11,
 * point 4), oldest first. The times are when each value was typed (the device's clock, never
 * later than the server's); which value is stored now is said separately, so no word about
 * "earlier" or "later" can contradict a time.
 */
export function conflictKanten(
  conflict: ConflictRow,
  userId: string,
  mijnApparaat: unknown,
): Kant[] {
  const kant = (wie: 'winning' | 'overwritten'): Kant => {
    const w = wie === 'winning';
    const door = w ? conflict.winningBy : conflict.overwrittenBy;
    const naam = (w ? conflict.winningByNaam : conflict.overwrittenByNaam) ?? 'een collega';
    const apparaat = (w ? conflict.winningDevice : conflict.overwrittenDevice) ?? '';
    const at = w ? conflict.winningAt : conflict.overwrittenAt;
    const vanMij = door === userId;
    const ditApparaat = vanMij && apparaat !== '' && apparaat === mijnApparaat;
    const [wieTekst, kort] = !vanMij
      ? [`Door ${naam}`, `de waarde van ${naam}`]
      : ditApparaat
        ? ['Op dit apparaat', 'de waarde van dit apparaat']
        : apparaat !== ''
          ? ['Door u op een ander apparaat', 'de waarde van uw andere apparaat']
          : ['Door u', 'uw waarde'];
    return {
      kop: `${wieTekst}, ingevuld op ${tijdstip(at)}`,
      kort,
      waarde: waardeTekst(w ? conflict.winningValue : conflict.overwrittenValue),
      keuze: w ? 'behouden' : 'andere',
      at,
    };
  };
  const kanten = [kant('overwritten'), kant('winning')].sort((a, b) => a.at.localeCompare(b.at));
  // Two values with the same words (both by her, device unknown): the time tells them apart.
  if (kanten[0]!.kort === kanten[1]!.kort) {
    for (const k of kanten) k.kort = `${k.kort} van ${tijdstip(k.at)}`;
  }
  return kanten;
}

function Geweigerd({
  rij,
  onOpnieuw,
}: {
  readonly rij: OutboxRow;
  readonly onOpnieuw: () => Promise<void>;
}) {
  const [bezig, setBezig] = useState(false);
  const velden = Object.keys(rij.fields).map(veldNaam).join(', ');
  return (
    <>
      <p>
        <strong>{onderdeel(rij.recordType, null)}</strong>
        {velden ? ` (${velden})` : ''}, gewijzigd {tijdstip(rij.createdAt)}
      </p>
      <p>{rij.rejectReason ?? 'De server heeft deze wijziging niet verwerkt.'}</p>
      <button
        type="button"
        className="knop"
        disabled={bezig}
        onClick={() => {
          setBezig(true);
          void onOpnieuw().finally(() => setBezig(false));
        }}
      >
        Opnieuw proberen
      </button>
    </>
  );
}
