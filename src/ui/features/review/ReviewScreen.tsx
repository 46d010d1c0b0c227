/**
 * The casemanager's review of one plan (issue 6, point 1): the plan read-only, section by section
 * in the order of the editor's steps, with "Opmerking toevoegen" at every section and every item,
 * and at the bottom the besluit (akkoord / aanpassen nodig).
 *
 * What must stay true here:
 * - Nothing on this screen writes a plan record: the only inputs are the comment and besluit
 *   texts. The reviewer's records (comments, the besluit fields of the review) never collide with
 *   the arrangeur's edits (docs/architecture.md, Data).
 * - Everything reads and writes through Dexie (storage repositories), so reviewing works offline;
 *   the sync engine sends it when the device is online again.
 * - Only the casemanager the review is addressed to may comment and decide, and only until she
 *   has decided; the server enforces the same (the UI only mirrors it).
 */
import { useId, useState } from 'react';
import { volledigeNaam, type Client } from '../../../domain/model/client.ts';
import type { PlanStap } from '../../../domain/plan/ladder.ts';
import type { Plan } from '../../../domain/plan/model.ts';
import type { Review, ReviewBesluit, ReviewComment } from '../../../domain/plan/review.ts';
import {
  deleteReviewComment,
  geefBesluit,
  saveReviewComment,
} from '../../../storage/repositories/reviews.ts';
import { naamVoorOpslaan } from '../../hooks/useGebruiker.ts';
import { useClient, useDb, useUserId } from '../../hooks/useDb.tsx';
import { useDoelen, useNaasten, usePlanForClient, usePlanItems } from '../../hooks/usePlan.ts';
import { datumVanMoment, momentNl, useReviewComments, useReviews } from '../../hooks/useReviews.ts';
import { TekstVak } from '../../components/index.ts';
import { PlanWeergave } from '../../components/PlanWeergave.tsx';
import { NietGevonden, SchermKop } from '../../components/Scherm.tsx';
import { nl } from '../../i18n/nl.ts';
import { tr } from './teksten.ts';
import './review.css';

export interface ReviewScreenProps {
  readonly clientId: string;
  readonly onTerug: () => void;
}

export function ReviewScreen({ clientId, onTerug }: ReviewScreenProps) {
  const client = useClient(clientId);
  const plan = usePlanForClient(clientId);
  const reviews = useReviews(plan?.id);
  const userId = useUserId();
  if (client === undefined || plan === undefined || (plan && reviews === undefined)) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }
  const terug = (
    <button type="button" className="knop" onClick={onTerug}>
      {tr.terug}
    </button>
  );
  if (!client || !plan) {
    return <NietGevonden melding={tr.nietGevonden} terug={tr.terug} onTerug={onTerug} />;
  }
  // The newest round addressed to this user; an earlier round (after "aanpassen") stays history.
  const review = [...(reviews ?? [])]
    .filter((r) => r.casemanagerId === userId)
    .sort((a, b) => a.gevraagdOp.localeCompare(b.gevraagdOp))
    .at(-1);
  if (!review) {
    return (
      <NietGevonden
        titel={tr.titel(volledigeNaam(client))}
        melding={tr.geenReview}
        terug={tr.terug}
        onTerug={onTerug}
      />
    );
  }
  return <ReviewPlan client={client} plan={plan} review={review} terug={terug} />;
}

interface Context {
  review: Review;
  /** Every comment on the plan: this round's, and earlier rounds' (shown, never editable). */
  comments: readonly ReviewComment[];
  /** May this user add and change comments (the addressed casemanager, before her besluit)? */
  magSchrijven: boolean;
}

function ReviewPlan(props: { client: Client; plan: Plan; review: Review; terug: React.ReactNode }) {
  const { client, plan, review } = props;
  const doelen = useDoelen(plan.id);
  const naasten = useNaasten(client.id);
  const items = usePlanItems(plan.id);
  const alleComments = useReviewComments(plan.id);
  const titelId = useId();
  if (!doelen || !naasten || !items || !alleComments) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }
  const lopend = plan.status === 'ter-review' && plan.versie === review.versie;
  const ctx: Context = {
    review,
    comments: alleComments,
    // The server takes her comments and besluit only while the plan is ter review at the versie
    // she was asked about (storage refuses the same); after that the review is history.
    magSchrijven: review.besluit === null && lopend,
  };

  return (
    <section className="scherm review-scherm" aria-labelledby={titelId}>
      <SchermKop
        titelId={titelId}
        titel={tr.titel(volledigeNaam(client))}
        onder={
          <p className="veld-hint" data-testid="review-gevraagd">
            {tr.gevraagd(review.gevraagdDoorNaam, datumVanMoment(review.gevraagdOp), review.versie)}
          </p>
        }
      >
        {props.terug}
      </SchermKop>
      {review.vraag && (
        <div className="review-vraag">
          <p>
            <strong>{tr.vraagVan(review.gevraagdDoorNaam)}:</strong>
          </p>
          <blockquote>{review.vraag}</blockquote>
        </div>
      )}
      {!lopend && review.besluit === null ? (
        <p className="banner" role="note">
          {tr.afgesloten(review.gevraagdDoorNaam)}
        </p>
      ) : (
        <p className="veld-hint">{tr.alleenLezen}</p>
      )}

      <PlanWeergave
        variant="review"
        inhoud={{ client, plan, doelen, naasten, items }}
        sectie={({ stap, nummer, kop, children }) => (
          <Sectie key={stap} stap={stap} nummer={nummer} naam={kop} ctx={ctx}>
            {children}
          </Sectie>
        )}
        entry={({ stap, id, onderwerp, children }) => (
          <Item key={id} ctx={ctx} sectie={stap} itemId={id} onderwerp={onderwerp}>
            {children}
          </Item>
        )}
      />

      <Besluit review={review} lopend={lopend} />
      <div className="knoppen">{props.terug}</div>
    </section>
  );
}

function Sectie(props: {
  stap: PlanStap;
  nummer: number;
  naam: string;
  ctx: Context;
  children: React.ReactNode;
}) {
  const kopId = useId();
  const { naam } = props;
  return (
    <section className="review-sectie" aria-labelledby={kopId} data-sectie={props.stap}>
      <h2 id={kopId}>
        {props.nummer}. {naam}
      </h2>
      {props.children}
      <Opmerkingen ctx={props.ctx} sectie={props.stap} onderwerp={naam} />
    </section>
  );
}

function Item(props: {
  ctx: Context;
  sectie: PlanStap;
  itemId: string;
  onderwerp: string;
  children: React.ReactNode;
}) {
  return (
    <li className="review-item" data-item={props.itemId}>
      <div className="review-item-tekst">{props.children}</div>
      <Opmerkingen
        ctx={props.ctx}
        sectie={props.sectie}
        itemId={props.itemId}
        onderwerp={props.onderwerp}
      />
    </li>
  );
}

/** The comments on one section (no itemId) or one item, and the form to add one. */
function Opmerkingen(props: {
  ctx: Context;
  sectie: PlanStap;
  itemId?: string;
  onderwerp: string;
}) {
  const { ctx, sectie, itemId } = props;
  const userId = useUserId();
  const [nieuw, setNieuw] = useState(false);
  const [bewerkt, setBewerkt] = useState<string | null>(null);
  const hier = ctx.comments.filter((c) => c.sectie === sectie && c.itemId === itemId);
  return (
    <div className="review-opmerkingen">
      {hier.length > 0 && (
        <ul className="opmerking-lijst" aria-label={`${tr.opmerkingen}: ${props.onderwerp}`}>
          {hier.map((c) =>
            bewerkt === c.id ? (
              <li key={c.id}>
                <OpmerkingForm
                  ctx={ctx}
                  sectie={sectie}
                  itemId={itemId}
                  onderwerp={props.onderwerp}
                  comment={c}
                  onKlaar={() => setBewerkt(null)}
                />
              </li>
            ) : (
              <li key={c.id} className="opmerking" data-testid="review-opmerking">
                <p className="opmerking-tekst">{c.tekst}</p>
                <p className="opmerking-auteur">
                  {tr.auteurOp(c.auteurNaam, momentNl(c.aangemaaktOp))}
                  {c.reviewId !== ctx.review.id ? ` · ${tr.eerdereReview}` : ''}
                  {c.afgehandeld ? ` · ${tr.verwerkt}` : ''}
                </p>
                {ctx.magSchrijven && c.auteurId === userId && c.reviewId === ctx.review.id && (
                  <OpmerkingKnoppen comment={c} onWijzig={() => setBewerkt(c.id)} />
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {ctx.magSchrijven &&
        (nieuw ? (
          <OpmerkingForm
            ctx={ctx}
            sectie={sectie}
            itemId={itemId}
            onderwerp={props.onderwerp}
            onKlaar={() => setNieuw(false)}
          />
        ) : (
          <button
            type="button"
            className="knop knop-klein"
            aria-label={tr.opmerkingToevoegenBij(props.onderwerp)}
            onClick={() => setNieuw(true)}
          >
            {tr.opmerkingToevoegen}
          </button>
        ))}
    </div>
  );
}

function OpmerkingKnoppen({ comment, onWijzig }: { comment: ReviewComment; onWijzig: () => void }) {
  const db = useDb();
  const updatedBy = useUserId();
  return (
    <div className="knoppen">
      <button
        type="button"
        className="knop knop-klein"
        aria-label={tr.wijzigenVan(comment.tekst)}
        onClick={onWijzig}
      >
        {tr.wijzigen}
      </button>
      <button
        type="button"
        className="knop knop-klein"
        aria-label={tr.verwijderenVan(comment.tekst)}
        onClick={() => void deleteReviewComment(db, { updatedBy }, comment.id)}
      >
        {tr.verwijderen}
      </button>
    </div>
  );
}

function OpmerkingForm(props: {
  ctx: Context;
  sectie: PlanStap;
  itemId?: string;
  onderwerp: string;
  comment?: ReviewComment;
  onKlaar: () => void;
}) {
  const db = useDb();
  const updatedBy = useUserId();
  const [tekst, setTekst] = useState(props.comment?.tekst ?? '');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const id = useId();

  async function opslaan(e: React.FormEvent) {
    e.preventDefault();
    setBezig(true);
    try {
      const r = await saveReviewComment(
        db,
        { updatedBy, naam: await naamVoorOpslaan(db, updatedBy) },
        {
          reviewId: props.ctx.review.id,
          planId: props.ctx.review.planId,
          sectie: props.sectie,
          itemId: props.itemId,
          tekst,
        },
        props.comment?.id,
      );
      if (r.ok) props.onKlaar();
      else setFout(r.issues.map((i) => i.message).join(' '));
    } finally {
      setBezig(false);
    }
  }

  return (
    <form className="opmerking-form" onSubmit={(e) => void opslaan(e)}>
      <div className="veld">
        <label htmlFor={id} className="veld-label">
          {tr.opmerkingLabel(props.onderwerp)}
        </label>
        <textarea
          id={id}
          className="veld-invoer veld-tekstvak"
          rows={3}
          value={tekst}
          // Opened on purpose by a tap on "Opmerking toevoegen": the cursor goes where she types.
          autoFocus
          onChange={(e) => setTekst(e.target.value)}
          aria-invalid={fout ? true : undefined}
          aria-describedby={fout ? `${id}-fout` : undefined}
        />
        {fout && (
          <p id={`${id}-fout`} className="veld-fout" role="alert">
            {tr.nietOpgeslagen}: {fout}
          </p>
        )}
      </div>
      <div className="knoppen">
        <button type="submit" className="knop knop-primair" disabled={bezig}>
          {tr.opslaan}
        </button>
        <button type="button" className="knop" onClick={props.onKlaar}>
          {tr.annuleren}
        </button>
      </div>
    </form>
  );
}

function Besluit({ review, lopend }: { review: Review; lopend: boolean }) {
  const db = useDb();
  const updatedBy = useUserId();
  const [toelichting, setToelichting] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const kopId = useId();
  const besloten = review.besluit !== null;
  const kan = !besloten && lopend;

  async function besluit(b: ReviewBesluit) {
    setBezig(true);
    try {
      const r = await geefBesluit(db, { updatedBy }, review.id, b, toelichting);
      setFout(r.ok ? null : r.issues.map((i) => i.message).join(' '));
    } finally {
      setBezig(false);
    }
  }

  return (
    <section className="review-besluit" aria-labelledby={kopId}>
      <h2 id={kopId}>{tr.besluit}</h2>
      {besloten ? (
        <div className="banner" role="status" data-testid="review-besluit">
          <p>
            <strong>
              {tr.besluitGegeven(tr.besluitKort[review.besluit!], datumVanMoment(review.besluitOp))}
            </strong>
          </p>
          {review.besluitToelichting && <p>{review.besluitToelichting}</p>}
        </div>
      ) : !lopend ? null : (
        <>
          <p className="veld-hint">{tr.besluitUitleg}</p>
          <TekstVak
            label={tr.toelichting}
            hint={tr.toelichtingHint}
            value={toelichting}
            onChange={setToelichting}
          />
          {fout && (
            <p className="veld-fout" role="alert">
              {tr.nietOpgeslagen}: {fout}
            </p>
          )}
        </>
      )}
      <div className="knoppen">
        <button
          type="button"
          className="knop knop-primair"
          disabled={!kan || bezig}
          onClick={() => void besluit('akkoord')}
        >
          {tr.akkoord}
        </button>
        <button
          type="button"
          className="knop"
          disabled={!kan || bezig}
          onClick={() => void besluit('aanpassen')}
        >
          {tr.aanpassen}
        </button>
      </div>
    </section>
  );
}
