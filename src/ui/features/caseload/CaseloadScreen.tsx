import { useId, useState } from 'react';
import { leeftijdOp } from '../../../domain/model/dates.ts';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import { wlzGeldigOp } from '../../../domain/model/wlz.ts';
import type { Plan } from '../../../domain/plan/model.ts';
import { evaluatieStatus, type EvaluatieStatus } from '../../../domain/plan/status.ts';
import { findGemeente } from '../../../domain/reference/index.ts';
import { useClients } from '../../hooks/useDb.tsx';
import { usePlannenPerClient } from '../../hooks/usePlanOverzicht.ts';
import { vandaagIso } from '../../hooks/vandaag.ts';
import { datumNl } from '../../i18n/datum.ts';
import { nl } from '../../i18n/nl.ts';

/**
 * At most this many rows are rendered: a tablet caseload can hold thousands of clients, and a
 * list nobody scrolls through only slows the cold start. Searching narrows the list.
 */
export const MAX_RIJEN = 100;

export interface CaseloadScreenProps {
  onOpen: (clientId: string) => void;
  onNew: () => void;
  /** Opens the client's ondersteuningsplan (made on first open). Without it no "Plan" button shows. */
  onOpenPlan?: (clientId: string) => void;
  /** Opens the review of a plan shared with this casemanager (issue 6). */
  onOpenReview?: (clientId: string) => void;
  /** Peildatum for age and Wlz; defaults to today on this device. */
  vandaag?: string;
}

/** The arrangeur's clients: search by name, open one, or add a new one. */
export function CaseloadScreen({
  onOpen,
  onNew,
  onOpenPlan,
  vandaag = vandaagIso(),
}: CaseloadScreenProps) {
  const [zoek, setZoek] = useState('');
  const [alleenEvaluaties, setAlleenEvaluaties] = useState(false);
  const alleClients = useClients(zoek);
  // The plans load apart from the clients, so the list shows without waiting for them.
  const plannen = usePlannenPerClient();
  const evaluatie = (id: string): EvaluatieStatus => {
    const plan = plannen?.get(id);
    return plan ? evaluatieStatus(plan, vandaag) : 'geen';
  };
  const aantalEvaluaties = plannen
    ? [...plannen.values()].filter((p) => evaluatieStatus(p, vandaag) !== 'geen').length
    : 0;
  const clients =
    alleenEvaluaties && alleClients
      ? alleClients.filter((c) => evaluatie(c.id) !== 'geen')
      : alleClients;
  const filterId = useId();
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
      {aantalEvaluaties > 0 && (
        <div className="evaluaties-filter">
          <p className="evaluaties-aantal">
            {nl.plan.evaluatiesTitel}: {aantalEvaluaties}
          </p>
          <div className="veld veld-vinkje">
            <input
              id={filterId}
              type="checkbox"
              checked={alleenEvaluaties}
              onChange={(e) => setAlleenEvaluaties(e.target.checked)}
            />
            <label htmlFor={filterId}>{nl.plan.evaluatiesFilter}</label>
          </div>
        </div>
      )}
      {clients === undefined ? (
        <p role="status">{nl.algemeen.laden}</p>
      ) : clients.length === 0 ? (
        <p className="lijst-leeg" role="status">
          {zoek.trim() === '' ? t.leeg : t.nietGevonden(zoek.trim())}
        </p>
      ) : (
        <>
          <p role="status" className="veld-hint">
            {clients.length > MAX_RIJEN
              ? t.eersten(MAX_RIJEN, clients.length)
              : t.aantal(clients.length)}
          </p>
          <ul className="client-lijst" aria-label={t.lijstLabel}>
            {clients.slice(0, MAX_RIJEN).map((c) => (
              <li key={c.id}>
                <ClientRij
                  client={c}
                  vandaag={vandaag}
                  onOpen={onOpen}
                  onOpenPlan={onOpenPlan}
                  plan={plannen?.get(c.id)}
                  planGeladen={plannen !== undefined}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ClientRij(props: {
  client: Client;
  vandaag: string;
  onOpen: (id: string) => void;
  onOpenPlan: ((id: string) => void) | undefined;
  plan: Plan | undefined;
  planGeladen: boolean;
}) {
  const { client: c, vandaag, plan } = props;
  const gemeente = findGemeente(c.gemeente)?.naam ?? nl.caseload.gemeenteOnbekend;
  const wlz = c.wlzIndicatie !== null && wlzGeldigOp(c.wlzIndicatie, vandaag);
  const evaluatie = plan ? evaluatieStatus(plan, vandaag) : 'geen';
  return (
    <div className="client-rij-wrap">
      <button type="button" className="client-rij" onClick={() => props.onOpen(c.id)}>
        {/* The spaces between the parts keep the button's accessible name readable. */}
        <span className="client-naam">{volledigeNaam(c)}</span>{' '}
        <span className="client-details">
          {nl.caseload.leeftijd(leeftijdOp(c.geboortedatum, vandaag))} · {gemeente}
        </span>{' '}
        <span className="client-wlz">{nl.caseload.wlz(wlz)}</span>
        {props.planGeladen && (
          <>
            {' '}
            <span className="client-plan">
              {plan
                ? `${nl.plan.planKort}: ${nl.plan.status[plan.status].toLocaleLowerCase('nl')}, ${nl.plan.versie(plan.versie)}`
                : nl.plan.geenPlan}
            </span>
          </>
        )}
        {evaluatie !== 'geen' && plan?.evaluatiedatum && (
          <>
            {' '}
            <span className={`client-evaluatie evaluatie-${evaluatie}`}>
              {nl.plan.evaluatie[evaluatie](datumNl(plan.evaluatiedatum))}
            </span>
          </>
        )}
      </button>
      {props.onOpenPlan && (
        <button
          type="button"
          className="knop plan-knop"
          aria-label={nl.plan.planKnop(volledigeNaam(c))}
          onClick={() => props.onOpenPlan?.(c.id)}
        >
          {nl.plan.planKort}
        </button>
      )}
    </div>
  );
}
