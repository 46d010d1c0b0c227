/**
 * The dated tariffs per inzet type, domain and financier (issue 6, point 2). Everyone with the
 * screen reads them; the beheerder (magBewerken) adds a new price from a date or removes the
 * latest price of a row. A price is never changed in place, so the history stays visible.
 * Online-only: the list comes from the server each time and is not stored on the device.
 */
import { Fragment, useCallback, useId, useMemo, useState } from 'react';
import { BETAALDE_DOMEINEN, type Tarief } from '../../../domain/kosten/model.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { morgen, vandaag as vandaagNl } from '../../lib/klok.ts';
import { useServerData } from '../../lib/useServerData.ts';
import { Laadstand, Tabel, type Uitkomst } from '../../components/Schermdelen.tsx';
import { Invoerveld, Keuzeveld } from '../../components/LosseVelden.tsx';
import { euroBedrag, financierNaam, inzetLabel, perEenheid } from './opmaak.ts';
import { haalTarieven, verwijderTarief } from './server.ts';
import { NieuweReeksForm } from './NieuweReeksForm.tsx';
import { TariefForm } from './TariefForm.tsx';
import './tarieven.css';

const sleutel = (t: Pick<Tarief, 'inzetCode' | 'domein' | 'financierCode'>) =>
  `${t.inzetCode}|${t.domein}|${t.financierCode ?? '*'}`;

/** The id of the latest row (highest geldigVan) of every key: only that one can be removed. */
function laatstePerSleutel(tarieven: readonly Tarief[]): Set<string> {
  const laatste = new Map<string, Tarief>();
  for (const t of tarieven) {
    const k = sleutel(t);
    const h = laatste.get(k);
    if (!h || t.geldigVan > h.geldigVan) laatste.set(k, t);
  }
  return new Set([...laatste.values()].map((t) => t.id));
}

export function TarievenScreen(props: { readonly fetch: FetchFn; readonly magBewerken: boolean }) {
  const { fetch: fetchFn, magBewerken } = props;
  const titelId = useId();
  const laad = useCallback(() => haalTarieven(fetchFn), [fetchFn]);
  const { status: stand, opnieuw } = useServerData('/api/tarieven', laad);
  const [domein, setDomein] = useState('');
  const [zoek, setZoek] = useState('');
  const [alleenGeldig, setAlleenGeldig] = useState(false);
  const [bewerk, setBewerk] = useState<string | null>(null);
  const [verwijder, setVerwijder] = useState<string | null>(null);
  const [nieuweRij, setNieuweRij] = useState(false);
  const [melding, setMelding] = useState<Uitkomst>(null);

  const tarieven = useMemo(() => (stand.soort === 'klaar' ? stand.data : []), [stand]);
  const laatste = useMemo(() => laatstePerSleutel(tarieven), [tarieven]);
  const vandaag = vandaagNl();
  const zichtbaar = useMemo(() => {
    const z = zoek.trim().toLocaleLowerCase('nl');
    return tarieven
      .filter((t) => !domein || t.domein === domein)
      .filter((t) => !alleenGeldig || !t.geldigTot || t.geldigTot >= vandaag)
      .filter(
        (t) =>
          !z ||
          `${inzetLabel(t.inzetCode)} ${t.inzetCode} ${financierNaam(t.domein, t.financierCode)}`
            .toLocaleLowerCase('nl')
            .includes(z),
      )
      .sort(
        (a, b) =>
          inzetLabel(a.inzetCode).localeCompare(inzetLabel(b.inzetCode), 'nl') ||
          BETAALDE_DOMEINEN.indexOf(a.domein) - BETAALDE_DOMEINEN.indexOf(b.domein) ||
          (a.financierCode ?? '').localeCompare(b.financierCode ?? '') ||
          b.geldigVan.localeCompare(a.geldigVan),
      );
  }, [tarieven, domein, zoek, alleenGeldig, vandaag]);
  const heeftDemo = tarieven.some((t) => t.demo);
  const kolommen = magBewerken ? 6 : 5; // colSpan of a panel row

  async function bevestigVerwijderen(t: Tarief) {
    const a = await verwijderTarief(fetchFn, t.id);
    setVerwijder(null);
    if (!a.ok) {
      setMelding({ soort: 'fout', tekst: a.melding });
      if (a.status === 404 || a.status === 409) opnieuw();
      return;
    }
    setMelding({
      soort: 'ok',
      tekst: `Tarief vanaf ${datumNl(t.geldigVan)} voor ${inzetLabel(t.inzetCode)} is verwijderd.`,
    });
    opnieuw();
  }

  return (
    <section className="scherm tarieven-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Tarieven</h1>
      <p>
        Wat één eenheid zorg kost (per uur, per dagdeel, …), per soort inzet, domein en financier.
        Hiermee rekent de app de kosten van de geplande zorg uit.
        {!magBewerken && ' U kunt de tarieven hier alleen bekijken.'}
      </p>
      {heeftDemo && (
        <p className="demo-melding" role="note">
          <span className="demo-label">Demo</span> Tarieven met dit label zijn voorbeeldbedragen die
          met de app zijn meegeleverd. Het zijn geen afgesproken prijzen van een gemeente,
          zorgkantoor of zorgverzekeraar.
          {magBewerken && ' Vervang ze door echte tarieven met "Nieuw tarief vanaf datum".'}
        </p>
      )}

      {magBewerken && stand.soort === 'klaar' && (
        <div className="tarieven-nieuw">
          <button
            type="button"
            className="knop"
            aria-expanded={nieuweRij}
            onClick={() => {
              setMelding(null);
              setNieuweRij(!nieuweRij);
            }}
          >
            Tarief voor een nieuwe rij
          </button>
          {nieuweRij && (
            <div className="tarief-paneel-los">
              <h2 id={`${titelId}-nieuwe-rij`} className="tarief-form-titel">
                Tarief voor een nieuwe rij
              </h2>
              <p className="veld-hint">
                Voor een soort inzet zonder tarief, of een eigen prijs van één financier.
              </p>
              <NieuweReeksForm
                fetch={fetchFn}
                bestaande={tarieven}
                standaardDatum={vandaag}
                titelId={`${titelId}-nieuwe-rij`}
                onAnnuleren={() => setNieuweRij(false)}
                onOpgeslagen={(tekst) => {
                  setNieuweRij(false);
                  setMelding({ soort: 'ok', tekst });
                  opnieuw();
                }}
              />
            </div>
          )}
        </div>
      )}

      <div className="tarieven-filter">
        <Keuzeveld
          label="Domein"
          waarde={domein}
          onWijzig={setDomein}
          alle="Alle domeinen"
          opties={BETAALDE_DOMEINEN.map((d) => ({ waarde: d, tekst: d }))}
        />
        <Invoerveld
          label="Zoek op inzet of financier"
          type="search"
          className="veld-invoer"
          waarde={zoek}
          onWijzig={setZoek}
        />
        <label className="tarieven-vinkje">
          <input
            type="checkbox"
            checked={alleenGeldig}
            onChange={(e) => setAlleenGeldig(e.target.checked)}
          />{' '}
          Verberg oude tarieven
        </label>
      </div>

      <div aria-live="polite">
        {melding && (
          <p className={melding.soort === 'ok' ? 'ok-melding' : 'fout-melding'}>{melding.tekst}</p>
        )}
      </div>

      <Laadstand status={stand} laden="Tarieven ophalen…" onOpnieuw={opnieuw} />
      {stand.soort === 'klaar' && zichtbaar.length === 0 && (
        <p className="lijst-leeg">Geen tarieven gevonden.</p>
      )}
      {stand.soort === 'klaar' && zichtbaar.length > 0 && (
        <Tabel
          label="Tarieven"
          caption={`${zichtbaar.length} tarieven`}
          className="tarieven-tabel"
          kolommen={[
            'Inzet',
            'Domein',
            'Financier',
            { kop: 'Bedrag', getal: true },
            'Geldig',
            ...(magBewerken ? ['Wijzigen'] : []),
          ]}
        >
          {zichtbaar.map((t) => {
            const isLaatste = laatste.has(t.id);
            const formTitelId = `${titelId}-nieuw-${t.id}`;
            return (
              <Fragment key={t.id}>
                <tr className={t.geldigTot && t.geldigTot < vandaag ? 'tarief-oud' : undefined}>
                  <th scope="row">{inzetLabel(t.inzetCode)}</th>
                  <td>{t.domein}</td>
                  <td>{financierNaam(t.domein, t.financierCode)}</td>
                  <td className="getal">
                    {euroBedrag(t.bedrag)} {perEenheid(t.volumeEenheid)}
                    {t.demo && <span className="demo-label">Demo</span>}
                  </td>
                  <td>
                    vanaf {datumNl(t.geldigVan)}
                    {t.geldigTot ? ` tot en met ${datumNl(t.geldigTot)}` : ''}
                  </td>
                  {magBewerken && (
                    <td>
                      {isLaatste && (
                        <div className="knoppen tarief-acties">
                          <button
                            type="button"
                            className="knop knop-klein"
                            aria-expanded={bewerk === t.id}
                            onClick={() => {
                              setMelding(null);
                              setVerwijder(null);
                              setBewerk(bewerk === t.id ? null : t.id);
                            }}
                          >
                            Nieuw tarief vanaf datum{' '}
                            <span className="visueel-verborgen">
                              {`voor ${inzetLabel(t.inzetCode)}, ${t.domein}`}
                            </span>
                          </button>
                          <button
                            type="button"
                            className="knop knop-klein"
                            onClick={() => {
                              setMelding(null);
                              setBewerk(null);
                              setVerwijder(t.id);
                            }}
                          >
                            Verwijder laatste tarief{' '}
                            <span className="visueel-verborgen">
                              {`voor ${inzetLabel(t.inzetCode)}, ${t.domein}`}
                            </span>
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
                {magBewerken && verwijder === t.id && (
                  <tr className="tarief-paneel">
                    <td colSpan={kolommen}>
                      <div
                        role="alertdialog"
                        aria-label="Tarief verwijderen"
                        className="tarief-bevestig"
                      >
                        <p>
                          {`Het tarief van ${euroBedrag(t.bedrag)} vanaf ${datumNl(t.geldigVan)} verwijderen? Dan geldt weer het tarief daarvoor (als dat er is).`}
                        </p>
                        <div className="knoppen">
                          <button
                            type="button"
                            className="knop knop-primair"
                            onClick={() => void bevestigVerwijderen(t)}
                          >
                            Ja, verwijder
                          </button>
                          <button type="button" className="knop" onClick={() => setVerwijder(null)}>
                            Nee, laat staan
                          </button>
                        </div>
                      </div>
                    </td>
                  </tr>
                )}
                {magBewerken && bewerk === t.id && (
                  <tr className="tarief-paneel">
                    <td colSpan={kolommen}>
                      <h2 id={formTitelId} className="tarief-form-titel">
                        {`Nieuw tarief voor ${inzetLabel(t.inzetCode)} (${t.domein}, ${financierNaam(t.domein, t.financierCode)})`}
                      </h2>
                      <TariefForm
                        fetch={fetchFn}
                        vorige={t}
                        standaardDatum={t.geldigVan < vandaag ? morgen() : ''}
                        titelId={formTitelId}
                        onAnnuleren={() => setBewerk(null)}
                        onOpgeslagen={(tekst) => {
                          setBewerk(null);
                          setMelding({ soort: 'ok', tekst });
                          opnieuw();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </Tabel>
      )}
    </section>
  );
}
