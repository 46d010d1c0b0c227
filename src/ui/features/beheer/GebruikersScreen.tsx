/**
 * Gebruikers (issue 14, point 1): every account with role, status, last login and live sessions;
 * add a user (the server makes a start password, shown here once); turn an account off or on;
 * give a new start password; end her sessions. Online-only.
 */
import { useId, useState, type FormEvent } from 'react';
import type { BeheerGebruiker } from '../../../domain/beheer/api.ts';
import { BEHEER_ROLLEN as ROLLEN, type BeheerRol as Rol } from '../../../domain/beheer/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import {
  Laadstand,
  Tabel,
  Uitkomstmelding,
  Verstuurregel,
  type Uitkomst,
} from '../../components/Schermdelen.tsx';
import { Invoerveld, Veld } from '../../components/LosseVelden.tsx';
import { useGebruikers } from './laden.tsx';
import { ROL_NAAM, tijdstipNl } from './opmaak.ts';
import { beeindigSessies, nieuwStartwachtwoord, nieuweGebruiker, zetActief } from './server.ts';
import './beheer.css';

export function GebruikersScreen({ fetch: fetchFn }: { readonly fetch: FetchFn }) {
  const titelId = useId();
  const { stand, opnieuw } = useGebruikers(fetchFn);
  const [start, setStart] = useState<{ naam: string; wachtwoord: string } | null>(null);
  const [melding, setMelding] = useState<Uitkomst>(null);
  const [vraag, setVraag] = useState<{ id: string; wat: 'uit' | 'wachtwoord' } | null>(null);

  async function actie(g: BeheerGebruiker, wat: 'uit' | 'aan' | 'wachtwoord' | 'sessies') {
    setVraag(null);
    setMelding(null);
    if (wat === 'wachtwoord') {
      const a = await nieuwStartwachtwoord(fetchFn, g.id);
      if (!a.ok) return setMelding({ soort: 'fout', tekst: a.melding });
      setStart({ naam: g.naam, wachtwoord: a.data!.startwachtwoord ?? '' });
    } else if (wat === 'sessies') {
      const a = await beeindigSessies(fetchFn, g.id);
      if (!a.ok) return setMelding({ soort: 'fout', tekst: a.melding });
      setMelding({ soort: 'ok', tekst: `De sessies van ${g.naam} zijn beëindigd.` });
    } else {
      const a = await zetActief(fetchFn, g.id, wat === 'aan');
      if (!a.ok) return setMelding({ soort: 'fout', tekst: a.melding });
      setMelding({
        soort: 'ok',
        tekst:
          wat === 'aan'
            ? `${g.naam} kan weer inloggen.`
            : `${g.naam} is uitgezet. Zij kan niet meer inloggen; haar sessies zijn beëindigd.`,
      });
    }
    opnieuw();
  }

  return (
    <section className="scherm beheer-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Gebruikers</h1>
      <p>
        Voeg collega&apos;s toe, zet een account uit of geef een nieuw wachtwoord. Een nieuwe
        gebruiker krijgt een startwachtwoord. Dat ziet u één keer; zij kiest bij de eerste keer
        inloggen een eigen wachtwoord.
      </p>
      {start && (
        <section className="beheer-start" aria-labelledby={`${titelId}-start`}>
          <h2 id={`${titelId}-start`}>Startwachtwoord voor {start.naam}</h2>
          <p>
            Gebruikersnaam blijft zoals ingevuld. Startwachtwoord:{' '}
            <code className="startwachtwoord">{start.wachtwoord}</code>
          </p>
          <p>
            Geef dit wachtwoord persoonlijk door. U ziet het hierna niet meer. Bij de eerste keer
            inloggen kiest {start.naam} een eigen wachtwoord.
          </p>
          <button type="button" className="knop" onClick={() => setStart(null)}>
            Ik heb het doorgegeven
          </button>
        </section>
      )}
      <Uitkomstmelding uitkomst={melding} />
      <NieuweGebruikerForm
        fetch={fetchFn}
        onGemaakt={(naam, wachtwoord) => {
          setMelding(null);
          setStart({ naam, wachtwoord });
          opnieuw();
        }}
      />
      <h2>Alle gebruikers</h2>
      <Laadstand status={stand} laden="Gebruikers laden…" onOpnieuw={opnieuw} />
      {stand.soort === 'klaar' && (
        <Tabel
          label="Tabel gebruikers"
          caption="Gebruikers"
          className="beheer-tabel"
          kolommen={[
            'Naam',
            'Gebruikersnaam',
            'Rol',
            'Status',
            'Laatst ingelogd',
            'Sessies',
            'Acties',
          ]}
        >
          {stand.data.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.naam}</th>
              <td>{g.gebruikersnaam}</td>
              <td>{ROL_NAAM[g.rol]}</td>
              <td>
                {g.actief ? 'Actief' : 'Gedeactiveerd'}
                {g.actief && g.moetWachtwoordWijzigen && (
                  <span className="beheer-hint"> · moet nog een eigen wachtwoord kiezen</span>
                )}
              </td>
              <td>{tijdstipNl(g.laatsteLogin)}</td>
              <td>
                {g.actieveSessies === 0
                  ? 'Geen'
                  : `${g.actieveSessies} actief, laatst ${tijdstipNl(g.laatstActief)}`}
              </td>
              <td>
                {vraag?.id === g.id ? (
                  <div className="knoppen" role="group" aria-label={`Bevestig voor ${g.naam}`}>
                    <span>
                      {vraag.wat === 'uit'
                        ? `${g.naam} uitzetten?`
                        : `Nieuw startwachtwoord voor ${g.naam}?`}
                    </span>
                    <button
                      type="button"
                      className="knop knop-klein knop-primair"
                      onClick={() => void actie(g, vraag.wat)}
                    >
                      {vraag.wat === 'uit' ? 'Ja, uitzetten' : 'Ja, nieuw wachtwoord'}
                    </button>
                    <button
                      type="button"
                      className="knop knop-klein"
                      onClick={() => setVraag(null)}
                    >
                      Nee
                    </button>
                  </div>
                ) : (
                  <div className="knoppen">
                    {g.actief ? (
                      <button
                        type="button"
                        className="knop knop-klein"
                        aria-label={`Uitzetten ${g.naam}`}
                        onClick={() => setVraag({ id: g.id, wat: 'uit' })}
                      >
                        Uitzetten
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="knop knop-klein"
                        aria-label={`Aanzetten ${g.naam}`}
                        onClick={() => void actie(g, 'aan')}
                      >
                        Aanzetten
                      </button>
                    )}
                    <button
                      type="button"
                      className="knop knop-klein"
                      aria-label={`Nieuw wachtwoord ${g.naam}`}
                      onClick={() => setVraag({ id: g.id, wat: 'wachtwoord' })}
                    >
                      Nieuw wachtwoord
                    </button>
                    {g.actieveSessies > 0 && (
                      <button
                        type="button"
                        className="knop knop-klein"
                        aria-label={`Sessies beëindigen ${g.naam}`}
                        onClick={() => void actie(g, 'sessies')}
                      >
                        Sessies beëindigen
                      </button>
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </Tabel>
      )}
    </section>
  );
}

function NieuweGebruikerForm(props: {
  readonly fetch: FetchFn;
  readonly onGemaakt: (naam: string, startwachtwoord: string) => void;
}) {
  const id = useId();
  const [naam, setNaam] = useState('');
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [rol, setRol] = useState<Rol>('arrangeur');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const gn = gebruikersnaam.trim().toLowerCase();
    if (naam.trim() === '') return setFout('Vul de naam in.');
    if (!/^[a-z0-9._-]{2,50}$/.test(gn))
      return setFout(
        'Een gebruikersnaam heeft 2 tot 50 tekens: kleine letters, cijfers, punt, streepje of liggend streepje.',
      );
    setBezig(true);
    const a = await nieuweGebruiker(props.fetch, { naam: naam.trim(), gebruikersnaam: gn, rol });
    setBezig(false);
    if (!a.ok) return setFout(a.melding);
    setFout(null);
    setNaam('');
    setGebruikersnaam('');
    props.onGemaakt(a.data!.gebruiker.naam, a.data!.startwachtwoord);
  }

  return (
    <form
      className="beheer-form"
      aria-labelledby={`${id}-titel`}
      onSubmit={(e) => void verstuur(e)}
    >
      <h2 id={`${id}-titel`}>Gebruiker toevoegen</h2>
      <div className="beheer-velden">
        <Invoerveld label="Naam" waarde={naam} autoComplete="off" onWijzig={setNaam} />
        <Invoerveld
          label="Gebruikersnaam"
          waarde={gebruikersnaam}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          onWijzig={setGebruikersnaam}
        />
        <Veld label="Rol">
          {(veldId) => (
            <select id={veldId} value={rol} onChange={(e) => setRol(e.target.value as Rol)}>
              {ROLLEN.map((r) => (
                <option key={r} value={r}>
                  {ROL_NAAM[r]}
                </option>
              ))}
            </select>
          )}
        </Veld>
      </div>
      <Verstuurregel fout={fout} bezig={bezig}>
        Toevoegen
      </Verstuurregel>
    </form>
  );
}
