import { useId, useState } from 'react';
import { leeftijdOp } from '../../../domain/model/dates.ts';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import { wlzGeldigOp } from '../../../domain/model/wlz.ts';
import type { Plan } from '../../../domain/plan/model.ts';
import type { Review } from '../../../domain/plan/review.ts';
import { evaluatieStatus, type ReviewStatus } from '../../../domain/plan/status.ts';
import { findGemeente } from '../../../domain/reference/index.ts';
import { useClient, useClientLijst, useUserId } from '../../hooks/useDb.tsx';
import { usePlannenPerClient } from '../../hooks/usePlanOverzicht.ts';
import { datumVanMoment, useReviewStandPerClient, useReviewsVoor } from '../../hooks/useReviews.ts';
import { vandaag as vandaagNl } from '../../lib/klok.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { nl } from '../../i18n/nl.ts';
import { trc } from './review-teksten.ts';
import { Zoekveld } from '../../components/LosseVelden.tsx';
import './caseload.css';

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
  /**
   * Opens the client's details. With it, the row's own button is "Gegevens" (the row itself
   * then opens the plan through `onOpen`, issue 11 point 9); without it, "Plan".
   */
  onOpenGegevens?: (clientId: string) => void;
  /** Peildatum for age and Wlz; defaults to today on this device. */
  vandaag?: string;
}

/** The arrangeur's clients: search by name, open one, or add a new one. */
export function CaseloadScreen({
  onOpen,
  onNew,
  onOpenPlan,
  onOpenReview,
  onOpenGegevens,
  vandaag = vandaagNl(),
}: CaseloadScreenProps) {
  const [zoek, setZoek] = useState('');
  const [alleenEvaluaties, setAlleenEvaluaties] = useState(false);
  // The plans load apart from the clients, so the list shows without waiting for them.
  const plannen = usePlannenPerClient();
  // The clients whose plan needs an evaluatie: counted above the list, and its filter.
  const teEvalueren = [...(plannen ?? [])]
    .filter(([, p]) => evaluatieStatus(p, vandaag) !== 'geen')
    .map(([clientId]) => clientId);
  const lijst = useClientLijst(zoek, alleenEvaluaties ? teEvalueren : null, MAX_RIJEN);
  // The review badges wait for the rows: the first row on a cold start comes first.
  const rijenKlaar = lijst !== undefined;
  const reviewStand = useReviewStandPerClient(rijenKlaar);
  // Reviews addressed to this user (a casemanager): those clients open the review, never the
  // editor, since the plan is not hers to change (issue 6).
  const userId = useUserId();
  const mijnReviews = useReviewsVoor(userId, rijenKlaar);
  const reviewClients = new Set((mijnReviews ?? []).map((r) => r.clientId));
  // Waiting for her: the newest round of the plan's current versie, still ter review (a request
  // the arrangeur withdrew, or one for an older versie, is not hers to do any more).
  const teReviewen = laatstePerClient(mijnReviews ?? []).filter((r) => {
    const stand = reviewStand?.get(r.clientId);
    return stand?.status === 'wacht' && stand.laatste?.id === r.id;
  });
  const aantalEvaluaties = teEvalueren.length;
  const filterId = useId();
  const titelId = useId();
  const t = nl.caseload;

  return (
    <section className="scherm" aria-labelledby={titelId}>
      <div className="caseload-kop">
        <h1 id={titelId}>{t.titel}</h1>
        <button type="button" className="knop knop-primair" onClick={onNew}>
          {t.nieuweClient}
        </button>
      </div>
      <Zoekveld
        label={t.zoekLabel}
        hint={t.zoekHint}
        waarde={zoek}
        onWijzig={setZoek}
        className="zoek"
      />
      {onOpenReview && teReviewen.length > 0 && (
        <TeReviewen reviews={teReviewen} onOpenReview={onOpenReview} />
      )}
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
      {lijst === undefined ? (
        <p role="status">{nl.algemeen.laden}</p>
      ) : lijst.totaal === 0 ? (
        <p className="lijst-leeg" role="status">
          {zoek.trim() === '' ? t.leeg : t.nietGevonden(zoek.trim())}
        </p>
      ) : (
        <>
          <p role="status" className="veld-hint">
            {lijst.totaal > MAX_RIJEN ? t.eersten(MAX_RIJEN, lijst.totaal) : t.aantal(lijst.totaal)}
          </p>
          <ul className="client-lijst" aria-label={t.lijstLabel}>
            {lijst.clients.map((c) => (
              <li key={c.id}>
                <ClientRij
                  client={c}
                  vandaag={vandaag}
                  onOpen={onOpenReview && reviewClients.has(c.id) ? onOpenReview : onOpen}
                  onOpenPlan={onOpenPlan}
                  onOpenGegevens={onOpenGegevens}
                  onOpenReview={onOpenReview && reviewClients.has(c.id) ? onOpenReview : undefined}
                  plan={plannen?.get(c.id)}
                  planGeladen={plannen !== undefined}
                  review={reviewStand?.get(c.id)?.status ?? 'geen'}
                  open={reviewStand?.get(c.id)?.open ?? 0}
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
  onOpenGegevens: ((id: string) => void) | undefined;
  /** Set for a client whose plan this user reviews: "Review" replaces "Plan". */
  onOpenReview: ((id: string) => void) | undefined;
  plan: Plan | undefined;
  planGeladen: boolean;
  review: ReviewStatus;
  open: number;
}) {
  const { client: c, vandaag, plan } = props;
  const gemeente = findGemeente(c.gemeente)?.naam ?? nl.caseload.gemeenteOnbekend;
  const wlz = c.wlzIndicatie !== null && wlzGeldigOp(c.wlzIndicatie, vandaag);
  const evaluatie = plan ? evaluatieStatus(plan, vandaag) : 'geen';
  const naam = volledigeNaam(c);
  // The one button next to the row: the review (a reviewer), her details, or her plan.
  const actie = props.onOpenReview
    ? { tekst: trc.reviewKort, label: trc.reviewKnop(naam), open: props.onOpenReview }
    : props.onOpenGegevens
      ? {
          tekst: nl.clientGegevens.knop,
          label: nl.clientGegevens.knopVan(naam),
          open: props.onOpenGegevens,
        }
      : props.onOpenPlan
        ? { tekst: nl.plan.planKort, label: nl.plan.planKnop(naam), open: props.onOpenPlan }
        : undefined;
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
        {(props.review !== 'geen' || props.open > 0) && (
          <>
            {' '}
            <span className="client-review" data-testid="client-review">
              {props.review !== 'geen' && (
                <span className={`review-badge review-badge-${props.review}`}>
                  {trc.stand[props.review]}
                </span>
              )}
              {props.review !== 'geen' && props.open > 0 && ' '}
              {props.open > 0 && (
                <span className="review-badge review-badge-open">
                  {trc.openOpmerkingen(props.open)}
                </span>
              )}
            </span>
          </>
        )}
      </button>
      {actie && (
        <button
          type="button"
          className="knop plan-knop"
          aria-label={actie.label}
          onClick={() => actie.open(c.id)}
        >
          {actie.tekst}
        </button>
      )}
    </div>
  );
}

/** The newest review per client (by request time, then id: the same pick on every device). */
function laatstePerClient(reviews: readonly Review[]): Review[] {
  const m = new Map<string, Review>();
  for (const r of reviews) {
    const b = m.get(r.clientId);
    if (!b || r.gevraagdOp > b.gevraagdOp || (r.gevraagdOp === b.gevraagdOp && r.id > b.id))
      m.set(r.clientId, r);
  }
  return [...m.values()].sort((a, b) => a.gevraagdOp.localeCompare(b.gevraagdOp));
}

/** A casemanager's plans to review: on top of her caseload, oldest request first. */
function TeReviewen(props: {
  reviews: readonly Review[];
  onOpenReview: (clientId: string) => void;
}) {
  const titelId = useId();
  return (
    <section className="te-reviewen" aria-labelledby={titelId}>
      <h2 id={titelId}>
        {trc.teReviewen} ({props.reviews.length})
      </h2>
      <ul className="te-reviewen-lijst">
        {props.reviews.map((r) => (
          <TeReviewenRij key={r.id} review={r} onOpenReview={props.onOpenReview} />
        ))}
      </ul>
    </section>
  );
}

function TeReviewenRij(props: { review: Review; onOpenReview: (clientId: string) => void }) {
  const { review: r } = props;
  const client = useClient(r.clientId);
  const naam =
    client === undefined ? nl.algemeen.laden : client ? volledigeNaam(client) : trc.onbekendeClient;
  return (
    <li className="te-reviewen-rij" data-testid="te-reviewen">
      <span>
        <strong>{naam}</strong>
        <br />
        <span className="veld-hint">
          {trc.gevraagdDoor(r.gevraagdDoorNaam, datumVanMoment(r.gevraagdOp))}
        </span>
      </span>
      <button
        type="button"
        className="knop knop-primair"
        aria-label={trc.reviewOpenen(naam)}
        onClick={() => props.onOpenReview(r.clientId)}
      >
        {trc.reviewOpenenKort}
      </button>
    </li>
  );
}
