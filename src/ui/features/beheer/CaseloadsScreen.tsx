/**
 * Caseloads (issue 14, point 1): which client is in whose caseload, assign or move a client (the
 * history stays: migration 009, shown per client), and the review shares a beheerder can end.
 *
 * Least privilege (docs/beheer.md): the beheerder sees a client only by name and birth date, the
 * least that tells two clients apart; never the BSN, address or plan. Every list read is logged.
 */
import { useId, useMemo, useState } from 'react';
import type { BeheerClient, BeheerGebruiker } from '../../../domain/beheer/api.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { Laadstand, Uitkomstmelding, type Uitkomst } from '../../components/Schermdelen.tsx';
import { datumNl } from '../../lib/opmaak.ts';
import {
  GebruikerOpties,
  metCaseload as kandidatenVan,
  useGebruikersEnClienten,
} from './laden.tsx';
import { tijdstipNl } from './opmaak.ts';
import { beeindigReviewDeling, zetCaseload } from './server.ts';
import './beheer.css';

const clientLabel = (c: BeheerClient | undefined): string =>
  !c
    ? 'Onbekende cliënt'
    : c.naam
      ? `${c.naam}${c.geboortedatum ? ` (${datumNl(c.geboortedatum)})` : ''}`
      : 'Cliënt zonder gegevens op de server';

export function CaseloadsScreen({ fetch: fetchFn }: { readonly fetch: FetchFn }) {
  const titelId = useId();
  const zoekId = useId();
  const { stand, opnieuw } = useGebruikersEnClienten(fetchFn);
  const [zoek, setZoek] = useState('');
  const [melding, setMelding] = useState<Uitkomst>(null);

  const data = stand.soort === 'klaar' ? stand.data : null;
  const naamVan = useMemo(
    () => new Map((data?.gebruikers ?? []).map((g) => [g.id, g.naam])),
    [data],
  );
  const metCaseload = useMemo(() => kandidatenVan(data?.gebruikers ?? []), [data]);
  const zichtbaar = useMemo(() => {
    const z = zoek.trim().toLocaleLowerCase('nl');
    return (data?.clienten ?? []).filter(
      (c) => !z || (c.naam ?? '').toLocaleLowerCase('nl').includes(z),
    );
  }, [data, zoek]);

  async function wijs(c: BeheerClient, naar: string) {
    setMelding(null);
    const a = await zetCaseload(fetchFn, naar, c.id, true);
    if (!a.ok) return setMelding({ soort: 'fout', tekst: a.melding });
    for (const oud of c.caseload.filter((g) => g !== naar)) {
      const b = await zetCaseload(fetchFn, oud, c.id, false);
      if (!b.ok) return setMelding({ soort: 'fout', tekst: b.melding });
    }
    setMelding({
      soort: 'ok',
      tekst: `${c.naam ?? 'De cliënt'} staat nu in de caseload van ${naamVan.get(naar) ?? 'de gekozen collega'}.`,
    });
    opnieuw();
  }

  async function eindigDeling(cm: BeheerGebruiker, clientId: string, label: string) {
    setMelding(null);
    const a = await beeindigReviewDeling(fetchFn, cm.id, clientId);
    if (!a.ok) return setMelding({ soort: 'fout', tekst: a.melding });
    setMelding({ soort: 'ok', tekst: `${cm.naam} kan het plan van ${label} niet meer inzien.` });
    opnieuw();
  }

  const clientOp = new Map((data?.clienten ?? []).map((c) => [c.id, c]));
  const delingen = (data?.gebruikers ?? []).flatMap((g) =>
    g.reviewClienten.map((clientId) => ({ cm: g, clientId })),
  );

  return (
    <section className="scherm beheer-scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>Caseloads</h1>
      <p>
        Zet een cliënt in de caseload van een arrangeur, of verplaats een cliënt naar een collega. U
        ziet van een cliënt alleen de naam en geboortedatum: meer is niet nodig om toe te wijzen.
      </p>
      <Uitkomstmelding uitkomst={melding} />
      <Laadstand status={stand} laden="Caseloads laden…" onOpnieuw={opnieuw} />
      {data && (
        <>
          <div className="veld beheer-zoek">
            <label htmlFor={zoekId}>Zoek cliënt op naam</label>
            <input
              id={zoekId}
              type="search"
              value={zoek}
              onChange={(e) => setZoek(e.target.value)}
            />
          </div>
          <ul className="beheer-lijst" aria-label="Cliënten">
            {zichtbaar.map((c) => (
              <ClientRij
                key={c.id}
                client={c}
                label={clientLabel(c)}
                naamVan={naamVan}
                kandidaten={metCaseload}
                onWijs={(naar) => void wijs(c, naar)}
              />
            ))}
          </ul>
          {zichtbaar.length === 0 && <p>Geen cliënten gevonden.</p>}

          <h2>Gedeeld voor review</h2>
          {delingen.length === 0 ? (
            <p>Er zijn nu geen plannen gedeeld met een casemanager.</p>
          ) : (
            <ul className="beheer-lijst" aria-label="Review-delingen">
              {delingen.map(({ cm, clientId }) => {
                const label = clientLabel(clientOp.get(clientId));
                return (
                  <li key={`${cm.id}/${clientId}`} className="beheer-rij">
                    <span>
                      {label} — gedeeld met {cm.naam}
                    </span>
                    <button
                      type="button"
                      className="knop knop-klein"
                      aria-label={`Deling beëindigen: ${label} met ${cm.naam}`}
                      onClick={() => void eindigDeling(cm, clientId, label)}
                    >
                      Deling beëindigen
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function ClientRij(props: {
  readonly client: BeheerClient;
  readonly label: string;
  readonly naamVan: ReadonlyMap<string, string>;
  readonly kandidaten: readonly BeheerGebruiker[];
  readonly onWijs: (gebruikerId: string) => void;
}) {
  const { client: c, label, naamVan } = props;
  const id = useId();
  const opties = props.kandidaten.filter((g) => !c.caseload.includes(g.id));
  const [naar, setNaar] = useState('');
  const nu = c.caseload.map((g) => naamVan.get(g) ?? 'onbekend').join(', ');
  const eerder = c.historie.filter((h) => h.tot !== null);
  const knop = c.caseload.length === 0 ? 'Toewijzen' : 'Verplaatsen';
  return (
    <li className="beheer-rij">
      <div>
        <strong>{label}</strong>
        <div>{nu ? `In de caseload van ${nu}` : 'In geen caseload'}</div>
        {eerder.length > 0 && (
          <details>
            <summary>Eerder ({eerder.length})</summary>
            <ul>
              {eerder.map((h, i) => (
                <li key={i}>
                  {naamVan.get(h.gebruikerId) ?? 'onbekend'}: van {tijdstipNl(h.van)} tot{' '}
                  {tijdstipNl(h.tot)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {opties.length > 0 && (
        <div className="beheer-verplaats">
          <label htmlFor={id}>
            {knop === 'Toewijzen' ? 'Toewijzen aan' : 'Verplaatsen naar'}
            <span className="visueel-verborgen"> ({label})</span>
          </label>
          <select id={id} value={naar} onChange={(e) => setNaar(e.target.value)}>
            <option value="">Kies een collega</option>
            <GebruikerOpties gebruikers={opties} />
          </select>
          <button
            type="button"
            className="knop knop-klein"
            disabled={naar === ''}
            aria-label={`${knop} ${label}`}
            onClick={() => props.onWijs(naar)}
          >
            {knop}
          </button>
        </div>
      )}
    </li>
  );
}
