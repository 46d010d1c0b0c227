/**
 * Caseload importeren (issue 14, point 3): a `;`-separated file (Excel: "CSV UTF-8, gescheiden
 * door puntkomma"), checked first — per row in Dutch what is wrong — and stored only when the
 * beheerder confirms. A client already on the server (same BSN, or same name and birth date) is
 * left alone, so importing the same file twice stores nothing the second time.
 */
import { useId, useState, type FormEvent } from 'react';
import { IMPORT_KOLOMMEN } from '../../../domain/caseload-import/index.ts';
import type { ImportAntwoord } from '../../../domain/beheer/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { Laadstand, Tabel, Verstuurregel } from '../../components/Schermdelen.tsx';
import { Veld } from '../../components/LosseVelden.tsx';
import { GebruikerOpties, metCaseload, useGebruikers } from './laden.tsx';
import { importeer } from './server.ts';
import './beheer.css';

export function ImportScreen({ fetch: fetchFn }: { readonly fetch: FetchFn }) {
  const titelId = useId();
  const id = useId();
  const { stand, opnieuw } = useGebruikers(fetchFn);
  const [naar, setNaar] = useState('');
  const [bestand, setBestand] = useState<{ naam: string; tekst: string } | null>(null);
  const [controle, setControle] = useState<ImportAntwoord | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [klaar, setKlaar] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const kandidaten = stand.soort === 'klaar' ? metCaseload(stand.data) : [];
  const naarNaam = kandidaten.find((g) => g.id === naar)?.naam ?? '';

  async function controleer(e: FormEvent) {
    e.preventDefault();
    setKlaar(null);
    if (naar === '') return setFout('Kies in wiens caseload de cliënten komen.');
    if (!bestand) return setFout('Kies een bestand.');
    setBezig(true);
    const a = await importeer(fetchFn, {
      bestand: bestand.tekst,
      gebruikerId: naar,
      voorbeeld: true,
    });
    setBezig(false);
    if (!a.ok) return setFout(a.melding);
    setFout(null);
    setControle(a.data);
  }

  async function bewaar() {
    if (!bestand || !controle) return;
    setBezig(true);
    const a = await importeer(fetchFn, {
      bestand: bestand.tekst,
      gebruikerId: naar,
      voorbeeld: false,
    });
    setBezig(false);
    if (!a.ok) return setFout(a.melding);
    setControle(null);
    setBestand(null);
    const n = a.data!.opgeslagen;
    setKlaar(
      `${n === 1 ? '1 cliënt' : `${n} cliënten`} opgeslagen in de caseload van ${naarNaam}. Haar tablet haalt ze op bij de volgende synchronisatie.`,
    );
  }

  const nieuw = controle?.rijen.filter((r) => r.status === 'nieuw').length ?? 0;
  const bestaat = controle?.rijen.filter((r) => r.status === 'bestaat').length ?? 0;
  const fouten = controle?.rijen.filter((r) => r.status === 'fout').length ?? 0;

  return (
    <section className="scherm beheer-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Caseload importeren</h1>
      <p>
        Zet cliënten uit een bestaand overzicht in één keer in een caseload. Sla het overzicht in
        Excel op als &quot;CSV UTF-8 (gescheiden door puntkomma)&quot;. De eerste regel noemt de
        kolommen. Eerst ziet u per regel wat er niet klopt; pas als u bevestigt, wordt er iets
        opgeslagen. Een cliënt die er al is, blijft zoals hij is.
      </p>
      <details className="beheer-kolommen">
        <summary>Welke kolommen?</summary>
        <table className="data-tabel">
          <caption className="visueel-verborgen">Kolommen van het importbestand</caption>
          <thead>
            <tr>
              <th scope="col">Kolom</th>
              <th scope="col">Verplicht</th>
              <th scope="col">Uitleg</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_KOLOMMEN.map((k) => (
              <tr key={k.naam}>
                <th scope="row">{k.naam}</th>
                <td>{k.verplicht ? 'ja' : 'nee'}</td>
                <td>{k.uitleg}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <Laadstand status={stand} onOpnieuw={opnieuw} />
      <form
        className="beheer-form"
        onSubmit={(e) => void controleer(e)}
        aria-label="Bestand controleren"
      >
        <div className="beheer-velden">
          <Veld label="In de caseload van">
            {(veldId) => (
              <select
                id={veldId}
                value={naar}
                onChange={(e) => {
                  setNaar(e.target.value);
                  setControle(null);
                }}
              >
                <option value="">Kies een collega</option>
                <GebruikerOpties gebruikers={kandidaten} />
              </select>
            )}
          </Veld>
          <Veld label="Bestand">
            {(veldId) => (
              <input
                id={veldId}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  setControle(null);
                  setKlaar(null);
                  if (!f) return setBestand(null);
                  void f.text().then((tekst) => setBestand({ naam: f.name, tekst }));
                }}
              />
            )}
          </Veld>
        </div>
        <Verstuurregel fout={fout} bezig={bezig}>
          Controleren
        </Verstuurregel>
      </form>
      {klaar && (
        <p className="ok-melding" role="status">
          {klaar}
        </p>
      )}
      {controle && (
        <section aria-labelledby={`${id}-uitslag`}>
          <h2 id={`${id}-uitslag`}>Controle van {bestand?.naam ?? 'het bestand'}</h2>
          <p role="status">
            {nieuw} nieuw, {bestaat} al aanwezig, {fouten} met fouten.
          </p>
          {controle.ontbrekendeKolommen.length > 0 && (
            <p className="fout-melding">
              Deze kolommen ontbreken: {controle.ontbrekendeKolommen.join(', ')}.
            </p>
          )}
          {controle.onbekendeKolommen.length > 0 && (
            <p>
              Deze kolommen kent de app niet; ze worden overgeslagen:{' '}
              {controle.onbekendeKolommen.join(', ')}.
            </p>
          )}
          <Tabel
            label="Tabel controle"
            caption="Controle per regel"
            className="beheer-tabel"
            kolommen={['Regel', 'Cliënt', 'Uitkomst']}
          >
            {controle.rijen.map((r) => (
              <tr key={r.regel} className={r.status === 'fout' ? 'beheer-fout-rij' : undefined}>
                <th scope="row">Regel {r.regel}</th>
                <td>
                  {r.naam ?? '—'}
                  {r.geboortedatum ? ` (${datumNl(r.geboortedatum)})` : ''}
                </td>
                <td>
                  {r.status === 'nieuw' && 'Goed: wordt toegevoegd'}
                  {r.status === 'bestaat' && 'Bestaat al: blijft zoals hij is'}
                  {r.status === 'fout' && (
                    <ul className="beheer-fouten">
                      {r.fouten.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </Tabel>
          {nieuw > 0 ? (
            <button
              type="button"
              className="knop knop-primair"
              disabled={bezig}
              onClick={() => void bewaar()}
            >
              {nieuw === 1 ? '1 cliënt opslaan' : `${nieuw} cliënten opslaan`}
            </button>
          ) : (
            <p>Er is niets nieuws om op te slaan.</p>
          )}
          {fouten > 0 && nieuw > 0 && (
            <p>
              Regels met fouten worden overgeslagen. Verbeter ze in het bestand en importeer
              opnieuw.
            </p>
          )}
        </section>
      )}
    </section>
  );
}
