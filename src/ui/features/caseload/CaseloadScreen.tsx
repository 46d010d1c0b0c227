import { useId, useState } from 'react';
import { leeftijdOp } from '../../../domain/model/dates.ts';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import { wlzGeldigOp } from '../../../domain/model/wlz.ts';
import { findGemeente } from '../../../domain/reference/index.ts';
import { useClients } from '../../hooks/useDb.tsx';
import { vandaagIso } from '../../hooks/vandaag.ts';
import { nl } from '../../i18n/nl.ts';

export interface CaseloadScreenProps {
  onOpen: (clientId: string) => void;
  onNew: () => void;
  /** Peildatum for age and Wlz; defaults to today on this device. */
  vandaag?: string;
}

/** The arrangeur's clients: search by name, open one, or add a new one. */
export function CaseloadScreen({ onOpen, onNew, vandaag = vandaagIso() }: CaseloadScreenProps) {
  const [zoek, setZoek] = useState('');
  const clients = useClients(zoek);
  const titelId = useId();
  const zoekId = useId();
  const t = nl.caseload;

  return (
    <section className="scherm" aria-labelledby={titelId}>
      <div className="caseload-kop">
        <h1 id={titelId}>{t.titel}</h1>
        <button type="button" className="knop knop-primair" onClick={onNew}>
          {t.nieuweClient}
        </button>
      </div>
      <div className="veld zoek">
        <label htmlFor={zoekId} className="veld-label">
          {t.zoekLabel}
        </label>
        <p id={`${zoekId}-hint`} className="veld-hint">
          {t.zoekHint}
        </p>
        <input
          id={zoekId}
          className="veld-invoer"
          type="search"
          autoComplete="off"
          value={zoek}
          onChange={(e) => setZoek(e.target.value)}
          aria-describedby={`${zoekId}-hint`}
        />
      </div>
      {clients === undefined ? (
        <p role="status">{nl.algemeen.laden}</p>
      ) : clients.length === 0 ? (
        <p className="lijst-leeg" role="status">
          {zoek.trim() === '' ? t.leeg : t.nietGevonden(zoek.trim())}
        </p>
      ) : (
        <>
          <p role="status" className="veld-hint">
            {t.aantal(clients.length)}
          </p>
          <ul className="client-lijst" aria-label={t.lijstLabel}>
            {clients.map((c) => (
              <li key={c.id}>
                <ClientRij client={c} vandaag={vandaag} onOpen={onOpen} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ClientRij(props: { client: Client; vandaag: string; onOpen: (id: string) => void }) {
  const { client: c, vandaag } = props;
  const gemeente = findGemeente(c.gemeente)?.naam ?? nl.caseload.gemeenteOnbekend;
  const wlz = c.wlzIndicatie !== null && wlzGeldigOp(c.wlzIndicatie, vandaag);
  return (
    <button type="button" className="client-rij" onClick={() => props.onOpen(c.id)}>
      {/* The spaces between the parts keep the button's accessible name readable. */}
      <span className="client-naam">{volledigeNaam(c)}</span>{' '}
      <span className="client-details">
        {nl.caseload.leeftijd(leeftijdOp(c.geboortedatum, vandaag))} · {gemeente}
      </span>{' '}
      <span className="client-wlz">{nl.caseload.wlz(wlz)}</span>
    </button>
  );
}
