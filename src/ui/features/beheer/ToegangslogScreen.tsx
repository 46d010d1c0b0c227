/**
 * Toegangslog (issue 14, point 1; NEN 7513 "inzage"): per client or per user over a period, who
 * did what when, from which device and address, and whether it succeeded; CSV download (`;`,
 * BOM). The server logs every read and every download of the log itself.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ToegangRegelWire } from '../../../domain/beheer/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { vandaag as vandaagIso } from '../../lib/klok.ts';
import { plusDagen } from '../../../domain/model/dates.ts';
import { Laadstand, Tabel, Verstuurregel } from '../../components/Schermdelen.tsx';
import { Periodevelden, Veld } from '../../components/LosseVelden.tsx';
import { GebruikerOpties, useGebruikersEnClienten } from './laden.tsx';
import { UITKOMST_NAAM, actieNaam, rolNaam, tijdstipNl } from './opmaak.ts';
import { haalToegangslog, logQuery, type LogVraag } from './server.ts';
import './beheer.css';

const dagenTerug = (n: number) => plusDagen(vandaagIso(), -n);

export function ToegangslogScreen({ fetch: fetchFn }: { readonly fetch: FetchFn }) {
  const titelId = useId();
  const id = useId();
  const { stand, opnieuw } = useGebruikersEnClienten(fetchFn);
  const [soort, setSoort] = useState<'gebruiker' | 'client'>('gebruiker');
  const [wie, setWie] = useState('');
  const [van, setVan] = useState(dagenTerug(30));
  const [tot, setTot] = useState(vandaagIso());
  const [fout, setFout] = useState<string | null>(null);
  const [uitkomst, setUitkomst] = useState<{
    vraag: LogVraag;
    regels: readonly ToegangRegelWire[];
    meer: boolean;
  } | null>(null);

  const lijsten = stand.soort === 'klaar' ? stand.data : null;
  const clientNaam = new Map((lijsten?.clienten ?? []).map((c) => [c.id, c.naam]));

  async function toon(e: FormEvent) {
    e.preventDefault();
    if (wie === '') return setFout(soort === 'client' ? 'Kies een cliënt.' : 'Kies een gebruiker.');
    if (van === '' || tot === '' || van > tot)
      return setFout('Kies een periode: de begindatum ligt op of voor de einddatum.');
    const vraag: LogVraag = { soort, id: wie, van, totEnMet: tot };
    const a = await haalToegangslog(fetchFn, vraag);
    if (!a.ok) {
      setUitkomst(null);
      return setFout(a.status === 400 ? 'Kies een periode van hoogstens een jaar.' : a.melding);
    }
    setFout(null);
    setUitkomst({ vraag, regels: a.data!.regels, meer: a.data!.meer });
  }

  return (
    <section className="scherm beheer-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Toegangslog</h1>
      <p>
        Wie heeft wanneer wat gedaan, met welk apparaat. Kies een cliënt of een gebruiker en een
        periode. Ook dat u dit bekijkt of downloadt, wordt vastgelegd.
      </p>
      <Laadstand status={stand} laden="Lijsten laden…" onOpnieuw={opnieuw} />
      {lijsten && (
        <form
          className="beheer-form"
          onSubmit={(e) => void toon(e)}
          aria-label="Zoek in het toegangslog"
        >
          <fieldset className="beheer-keuze">
            <legend>Toegang van</legend>
            <label>
              <input
                type="radio"
                name={`${id}-soort`}
                checked={soort === 'gebruiker'}
                onChange={() => {
                  setSoort('gebruiker');
                  setWie('');
                }}
              />{' '}
              Een gebruiker
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-soort`}
                checked={soort === 'client'}
                onChange={() => {
                  setSoort('client');
                  setWie('');
                }}
              />{' '}
              Een cliënt
            </label>
          </fieldset>
          <div className="beheer-velden">
            <Veld label={soort === 'client' ? 'Cliënt' : 'Gebruiker'}>
              {(veldId) => (
                <select id={veldId} value={wie} onChange={(e) => setWie(e.target.value)}>
                  <option value="">Kies…</option>
                  {soort === 'gebruiker' ? (
                    <GebruikerOpties gebruikers={lijsten.gebruikers} />
                  ) : (
                    lijsten.clienten.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.naam ?? 'Cliënt zonder gegevens'}
                        {c.geboortedatum ? ` (${datumNl(c.geboortedatum)})` : ''}
                      </option>
                    ))
                  )}
                </select>
              )}
            </Veld>
            <Periodevelden soort="date" van={van} tot={tot} onVan={setVan} onTot={setTot} />
          </div>
          <Verstuurregel fout={fout}>Toon</Verstuurregel>
        </form>
      )}
      {uitkomst && (
        <>
          <p role="status">
            {uitkomst.regels.length === 0
              ? 'Niets gevonden in deze periode.'
              : `${uitkomst.regels.length} regels.`}
            {uitkomst.meer && ' Er zijn meer regels: kies een kortere periode.'}
          </p>
          <p>
            <a className="knop" href={logQuery(uitkomst.vraag, 'csv')} download="toegangslog.csv">
              Download als CSV
            </a>
          </p>
          {uitkomst.regels.length > 0 && (
            <Tabel
              label="Tabel toegangslog"
              caption="Toegangslog"
              className="beheer-tabel"
              kolommen={['Wanneer', 'Wie', 'Rol', 'Wat', 'Cliënt', 'Apparaat', 'Adres', 'Uitkomst']}
            >
              {uitkomst.regels.map((r) => (
                <tr key={r.id}>
                  <td>{tijdstipNl(r.op)}</td>
                  <td>{r.gebruikersnaam ?? 'onbekende naam'}</td>
                  <td>{rolNaam(r.rol)}</td>
                  <td>
                    {actieNaam(r.actie)}
                    {r.aantal > 1 ? ` (${r.aantal})` : ''}
                  </td>
                  <td>{r.clientId ? (clientNaam.get(r.clientId) ?? 'cliënt') : '—'}</td>
                  <td>{r.apparaat ?? '—'}</td>
                  <td>{r.adres ?? '—'}</td>
                  <td>{UITKOMST_NAAM[r.uitkomst]}</td>
                </tr>
              ))}
            </Tabel>
          )}
        </>
      )}
    </section>
  );
}
