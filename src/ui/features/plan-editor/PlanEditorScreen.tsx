/**
 * The kitchen-table flow (issue 4): one ondersteuningsplan in eight steps, in the order of Wmo 2015
 * art. 2.3.2 lid 4. Every step is one tap away; the step navigation shows which are filled, and the
 * header where the plan stands (concept or vastgesteld, which version, whether all is saved).
 *
 * Nothing here has a save button: every form saves itself (useAutosave). A vastgesteld plan is
 * shown read-only; "Nieuwe versie maken" turns it into a new concept.
 */
import { useEffect, useId, useState } from 'react';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import { ladderStand, PLAN_STAPPEN, type PlanStap } from '../../../domain/plan/ladder.ts';
import type { Doel, Naaste, Plan, PlanItem } from '../../../domain/plan/model.ts';
import { isReadOnly, reviewStand } from '../../../domain/plan/status.ts';
import { getOrCreatePlan, nieuwConcept } from '../../../storage/repositories/plans.ts';
import { useClient, useDb, useUserId } from '../../hooks/useDb.tsx';
import { useDoelen, useNaasten, usePlanForClient, usePlanItems } from '../../hooks/usePlan.ts';
import { useReviewComments, useReviews } from '../../hooks/useReviews.ts';
import { vandaag as vandaagNl } from '../../lib/klok.ts';
import { NietGevonden, SchermKop } from '../../components/Scherm.tsx';
import { nl } from '../../i18n/nl.ts';
import { FhirExportKnop } from './FhirExportKnop.tsx';
import { AllesOpslaanContext, OpslagMelding, OpslagProvider, useOpslagStatus } from './opslag.tsx';
import { AkkoordStap } from './AkkoordStap.tsx';
import { openPerStap, ReviewBanner, StapOpmerkingen } from './ReviewPaneel.tsx';
import { trv } from './review-teksten.ts';
import {
  EigenKrachtStap,
  HulpmiddelStap,
  HulpvraagStap,
  MantelzorgStap,
  NetwerkStap,
  ProfessioneelStap,
  VoorzieningStap,
} from './stappen.tsx';
import { datumNl } from '../../lib/opmaak.ts';
import './plan-editor.css';

const t = nl.plan;

export interface PlanEditorScreenProps {
  clientId: string;
  onTerug: () => void;
  onPrint: (planId: string) => void;
  /** Opens the client's details (issue 11, point 9); without it no button shows. */
  onGegevens?: () => void;
  /** Peildatum for routing and vaststellen; defaults to today on this device. */
  vandaag?: string;
  /** The step to open with (tests, or returning from the print view). */
  beginStap?: PlanStap;
}

export function PlanEditorScreen(props: PlanEditorScreenProps) {
  const { clientId } = props;
  const db = useDb();
  const updatedBy = useUserId();
  const client = useClient(clientId);
  const plan = usePlanForClient(clientId);

  // The first visit makes the plan (a concept, versie 1); the unique clientId index guards
  // against a second one when this runs twice.
  useEffect(() => {
    if (plan === null && client) {
      void getOrCreatePlan(db, clientId, { updatedBy }).catch((e: unknown) => console.error(e));
    }
  }, [plan, client, db, clientId, updatedBy]);

  if (client === undefined || (client && !plan)) return <p role="status">{nl.algemeen.laden}</p>;
  if (client === null) {
    return <NietGevonden melding={t.nietGevonden} terug={t.terug} onTerug={props.onTerug} />;
  }
  return <PlanEditor {...props} client={client} plan={plan!} />;
}

function PlanEditor(props: PlanEditorScreenProps & { client: Client; plan: Plan }) {
  const { client, plan, vandaag = vandaagNl() } = props;
  const db = useDb();
  const updatedBy = useUserId();
  const doelen = useDoelen(plan.id);
  const naasten = useNaasten(client.id);
  const items = usePlanItems(plan.id);
  const reviews = useReviews(plan.id);
  const comments = useReviewComments(plan.id);
  const [stap, setStap] = useState<PlanStap>(props.beginStap ?? 'hulpvraag');
  const opslag = useOpslagStatus();
  const titelId = useId();

  if (!doelen || !naasten || !items || !reviews || !comments) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }

  const vastgesteld = isReadOnly(plan);
  // Ter review the plan's content waits for the reviewer (issue 6): steps 1–7 are read-only until
  // "Terug naar concept". Step 8 stays open: the client's akkoord and vaststellen after the
  // reviewer's akkoord are recorded there.
  const alleenLezen = vastgesteld || (plan.status === 'ter-review' && stap !== 'akkoord');
  const review = reviewStand(reviews, comments, plan.versie, plan.status);
  const open = openPerStap(comments);
  const stand = ladderStand({ plan, doelen, items, naasten });
  const index = PLAN_STAPPEN.indexOf(stap);
  const data: StapData = { client, plan, doelen, naasten, items, vandaag, alleenLezen };

  return (
    <section className="scherm plan-editor" aria-labelledby={titelId}>
      <SchermKop
        titelId={titelId}
        titel={t.titel(volledigeNaam(client))}
        onder={
          <p className="plan-stand" data-testid="plan-stand">
            <span className={`plan-status plan-status-${plan.status}`}>
              {t.status[plan.status]}
            </span>{' '}
            · {t.versie(plan.versie)}
          </p>
        }
      >
        <button type="button" className="knop" onClick={props.onTerug}>
          {t.terug}
        </button>
        <button type="button" className="knop" onClick={() => props.onPrint(plan.id)}>
          {t.printen}
        </button>
        {props.onGegevens && (
          <button type="button" className="knop" onClick={props.onGegevens}>
            {nl.clientGegevens.vanuitPlan}
          </button>
        )}
        <FhirExportKnop
          client={client}
          plan={plan}
          naasten={naasten}
          doelen={doelen}
          items={items}
        />
      </SchermKop>
      <OpslagMelding status={opslag.status} />

      <ReviewBanner plan={plan} stand={review} />

      {vastgesteld && (
        <div className="banner plan-alleen-lezen" role="note">
          <p>
            <strong>{t.alleenLezen(datumNl(plan.vastgesteldOp ?? ''))}</strong>{' '}
            {t.alleenLezenUitleg}
          </p>
          <button
            type="button"
            className="knop knop-primair"
            onClick={() => void nieuwConcept(db, plan.id, { updatedBy })}
          >
            {t.nieuweVersie}
          </button>
        </div>
      )}

      <nav className="plan-stappen" aria-label={t.stappenLabel}>
        <ol>
          {stand.stappen.map((s, i) => (
            <li key={s.stap}>
              <button
                type="button"
                className={`stap-knop${s.stap === stap ? ' actief' : ''}${s.ingevuld ? ' ingevuld' : ''}`}
                aria-current={s.stap === stap ? 'step' : undefined}
                onClick={() => setStap(s.stap)}
              >
                <span className="stap-nummer" aria-hidden="true">
                  {s.ingevuld ? '✓' : i + 1}
                </span>
                <span className="stap-naam">
                  {i + 1}. {t.stappen[s.stap]}
                </span>
                <span className="stap-stand"> ({s.ingevuld ? t.stapIngevuld : t.stapLeeg})</span>
                {(open.get(s.stap) ?? 0) > 0 && (
                  <span className="stap-opmerkingen-aantal" data-testid="stap-open-opmerkingen">
                    {' '}
                    {trv.openOpmerkingen(open.get(s.stap)!)}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <OpslagProvider value={opslag}>
        <AllesOpslaanContext value={opslag.allesOpslaan}>
          {/* A new version or status gives fresh forms: they start from the record as it is now. */}
          <div key={`${plan.id}-${plan.versie}-${plan.status}`} className="plan-stap">
            <h2>
              {index + 1}. {t.stappen[stap]}
            </h2>
            <p className="veld-hint">{t.stapUitleg[stap]}</p>
            <StapOpmerkingen
              comments={comments.filter((c) => c.sectie === stap)}
              doelen={doelen}
              naasten={naasten}
              items={items}
            />
            <fieldset className="plan-stap-inhoud" disabled={alleenLezen}>
              <legend className="visueel-verborgen">{t.stappen[stap]}</legend>
              <StapInhoud stap={stap} data={data} />
            </fieldset>
          </div>
        </AllesOpslaanContext>
      </OpslagProvider>

      <div className="knoppen plan-stap-knoppen">
        {index > 0 && (
          <button type="button" className="knop" onClick={() => setStap(PLAN_STAPPEN[index - 1]!)}>
            {t.vorige}
          </button>
        )}
        {index < PLAN_STAPPEN.length - 1 && (
          <button
            type="button"
            className="knop knop-primair"
            onClick={() => setStap(PLAN_STAPPEN[index + 1]!)}
          >
            {t.volgende}
          </button>
        )}
      </div>
    </section>
  );
}

export interface StapData {
  client: Client;
  plan: Plan;
  doelen: readonly Doel[];
  naasten: readonly Naaste[];
  items: readonly PlanItem[];
  vandaag: string;
  alleenLezen: boolean;
}

function StapInhoud({ stap, data }: { stap: PlanStap; data: StapData }) {
  switch (stap) {
    case 'hulpvraag':
      return <HulpvraagStap data={data} />;
    case 'eigen-kracht':
      return <EigenKrachtStap data={data} />;
    case 'netwerk':
      return <NetwerkStap data={data} />;
    case 'mantelzorgondersteuning':
      return <MantelzorgStap data={data} />;
    case 'voorziening':
      return <VoorzieningStap data={data} />;
    case 'hulpmiddel':
      return <HulpmiddelStap data={data} />;
    case 'professioneel':
      return <ProfessioneelStap data={data} />;
    case 'akkoord':
      return <AkkoordStap data={data} />;
  }
}
