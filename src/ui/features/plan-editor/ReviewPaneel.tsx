/**
 * The review parts of the plan editor (issue 6, point 1), for the arrangeur:
 * - `ReviewBanner`: where the review stands ("Ter review bij Carla sinds …", "Carla is akkoord",
 *   "Carla vraagt om aanpassingen" with her toelichting and "Terug naar concept"), and on a concept
 *   "Ter review sturen" with the choice of casemanager and an optional question.
 * - `StapOpmerkingen`: the reviewer's comments on one step, each with a "Verwerkt" checkbox.
 *
 * All writes go through the review repository (Dexie + outbox), so this works offline; only the
 * list of casemanagers needs the server once (it is kept on the device after that).
 */
import { useId, useState } from 'react';
import type { PlanStap } from '../../../domain/plan/ladder.ts';
import type { Doel, Naaste, Plan, PlanItem } from '../../../domain/plan/model.ts';
import type { ReviewComment } from '../../../domain/plan/review.ts';
import type { ReviewStand } from '../../../domain/plan/status.ts';
import {
  stuurTerReview,
  terugNaarConcept,
  zetAfgehandeld,
} from '../../../storage/repositories/reviews.ts';
import { TekstVak } from '../../components/index.ts';
import { useCasemanagers } from '../../hooks/useCasemanagers.ts';
import { naamVoorOpslaan } from '../../hooks/useGebruiker.ts';
import { useDb, useUserId } from '../../hooks/useDb.tsx';
import { datumVanMoment, momentNl } from '../../hooks/useReviews.ts';
import { nl } from '../../i18n/nl.ts';
import { trv } from './review-teksten.ts';

export function ReviewBanner({ plan, stand }: { plan: Plan; stand: ReviewStand }) {
  const db = useDb();
  const updatedBy = useUserId();
  const [fout, setFout] = useState<string | null>(null);
  const laatste = stand.laatste;
  const naam = laatste?.casemanagerNaam ?? '';

  if (plan.status === 'vastgesteld' || plan.status === 'geevalueerd') return null;

  async function terug() {
    const r = await terugNaarConcept(db, { updatedBy }, plan.id);
    setFout(r.ok ? null : r.issues.map((i) => i.message).join(' '));
  }

  if (plan.status === 'ter-review' && laatste) {
    const besluit = laatste.besluit;
    return (
      <div
        className={`banner review-banner review-${stand.status}`}
        role="status"
        data-testid="review-banner"
      >
        {besluit === null && (
          <>
            <p>
              <strong>{trv.terReviewBij(naam, datumVanMoment(laatste.gevraagdOp))}</strong>{' '}
              {trv.terReviewUitlegAlleenLezen}
            </p>
            {laatste.vraag && (
              <p>
                {trv.vraagWasAan} {laatste.vraag}
              </p>
            )}
          </>
        )}
        {besluit === 'akkoord' && (
          <p>
            <strong>{trv.isAkkoord(naam)}</strong> {trv.akkoordUitleg}
          </p>
        )}
        {besluit === 'aanpassen' && (
          <p>
            <strong>{trv.vraagtAanpassingen(naam)}</strong> {trv.aanpassenUitleg}
          </p>
        )}
        {besluit !== null && laatste.besluitToelichting && (
          <p>
            {trv.toelichtingVan(naam)} {laatste.besluitToelichting}
          </p>
        )}
        {fout && (
          <p className="veld-fout" role="alert">
            {fout}
          </p>
        )}
        {besluit !== 'akkoord' && (
          <button
            type="button"
            className={besluit === 'aanpassen' ? 'knop knop-primair' : 'knop'}
            onClick={() => void terug()}
          >
            {trv.terugNaarConcept}
          </button>
        )}
      </div>
    );
  }

  // A concept: offer to send it (again, after "aanpassen").
  return (
    <div className="banner review-banner" data-testid="review-banner">
      {laatste?.besluit === 'aanpassen' && (
        <p>
          <strong>{trv.vraagtAanpassingen(naam)}</strong>
          {laatste.besluitToelichting
            ? ` ${trv.toelichtingVan(naam)} ${laatste.besluitToelichting}`
            : ''}
        </p>
      )}
      <TerReviewSturen planId={plan.id} opnieuw={laatste !== undefined} />
    </div>
  );
}

function TerReviewSturen({ planId, opnieuw }: { planId: string; opnieuw: boolean }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <>
        {!opnieuw && <p>{trv.terReviewUitleg}</p>}
        <button type="button" className="knop" onClick={() => setOpen(true)}>
          {opnieuw ? trv.opnieuwSturen : trv.terReviewSturen}
        </button>
      </>
    );
  }
  return <TerReviewForm planId={planId} onKlaar={() => setOpen(false)} />;
}

function TerReviewForm({ planId, onKlaar }: { planId: string; onKlaar: () => void }) {
  const db = useDb();
  const updatedBy = useUserId();
  const casemanagers = useCasemanagers();
  const [keuze, setKeuze] = useState('');
  const [vraag, setVraag] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const kiesId = useId();
  const titelId = useId();

  async function versturen(e: React.FormEvent) {
    e.preventDefault();
    const cm = casemanagers.lijst?.find((c) => c.id === keuze);
    if (!cm) {
      setFout(trv.kiesCasemanager);
      return;
    }
    setBezig(true);
    try {
      const r = await stuurTerReview(
        db,
        { updatedBy, naam: await naamVoorOpslaan(db, updatedBy) },
        planId,
        { id: cm.id, naam: cm.naam },
        vraag,
      );
      if (r.ok) onKlaar();
      else setFout(r.issues.map((i) => i.message).join(' '));
    } finally {
      setBezig(false);
    }
  }

  return (
    <form className="ter-review-form" aria-labelledby={titelId} onSubmit={(e) => void versturen(e)}>
      <h2 id={titelId}>{trv.terReviewSturen}</h2>
      {casemanagers.lijst === undefined ? (
        <p role="status">{trv.casemanagersLaden}</p>
      ) : casemanagers.lijst.length === 0 ? (
        <div role="alert">
          <p>{trv.geenCasemanagers}</p>
          <button type="button" className="knop" onClick={casemanagers.opnieuw}>
            {trv.opnieuw}
          </button>
        </div>
      ) : (
        <div className="veld">
          <label htmlFor={kiesId} className="veld-label">
            {trv.kiesCasemanager}
          </label>
          <select
            id={kiesId}
            className="veld-invoer"
            value={keuze}
            onChange={(e) => setKeuze(e.target.value)}
          >
            <option value="">{nl.plan.kies}</option>
            {/* Not herself: a casemanager who also arranges asks a colleague. */}
            {casemanagers.lijst
              .filter((c) => c.id !== updatedBy)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.naam}
                </option>
              ))}
          </select>
        </div>
      )}
      <TekstVak label={trv.vraag} hint={trv.vraagHint} value={vraag} onChange={setVraag} />
      {fout && (
        <p className="veld-fout" role="alert">
          {trv.nietVerstuurd}: {fout}
        </p>
      )}
      <div className="knoppen">
        <button type="submit" className="knop knop-primair" disabled={bezig || !keuze}>
          {trv.versturen}
        </button>
        <button type="button" className="knop" onClick={onKlaar}>
          {trv.annuleren}
        </button>
      </div>
    </form>
  );
}

/** Open comments per step, for the step navigation. */
export function openPerStap(comments: readonly ReviewComment[]): Map<PlanStap, number> {
  const m = new Map<PlanStap, number>();
  for (const c of comments) if (!c.afgehandeld) m.set(c.sectie, (m.get(c.sectie) ?? 0) + 1);
  return m;
}

/** What a comment is about, in words: the section, or the doel/naaste/item it names. */
function onderwerp(
  c: ReviewComment,
  data: { doelen: readonly Doel[]; naasten: readonly Naaste[]; items: readonly PlanItem[] },
): string | null {
  if (!c.itemId) return null;
  const doel = data.doelen.find((d) => d.id === c.itemId);
  if (doel) return doel.omschrijving;
  const naaste = data.naasten.find((n) => n.id === c.itemId);
  if (naaste) return naaste.naam;
  const item = data.items.find((i) => i.id === c.itemId);
  if (item) return item.voorzieningNaam ?? item.omschrijving;
  return null;
}

/** The reviewer's comments on one step, outside the step's (possibly disabled) fieldset. */
export function StapOpmerkingen(props: {
  comments: readonly ReviewComment[];
  doelen: readonly Doel[];
  naasten: readonly Naaste[];
  items: readonly PlanItem[];
}) {
  const db = useDb();
  const updatedBy = useUserId();
  const titelId = useId();
  if (props.comments.length === 0) return null;
  return (
    <section className="stap-opmerkingen" aria-labelledby={titelId}>
      <h3 id={titelId}>{trv.opmerkingenTitel}</h3>
      <ul>
        {props.comments.map((c) => {
          const over = onderwerp(c, props);
          return (
            <li
              key={c.id}
              className={c.afgehandeld ? 'opmerking verwerkt' : 'opmerking'}
              data-testid="stap-opmerking"
            >
              {over && <p className="opmerking-over">{trv.opmerkingBij(over)}</p>}
              <p className="opmerking-tekst">{c.tekst}</p>
              <p className="opmerking-auteur">
                {trv.auteurOp(c.auteurNaam, momentNl(c.aangemaaktOp))}
              </p>
              <div className="veld veld-vinkje">
                <input
                  id={`verwerkt-${c.id}`}
                  type="checkbox"
                  checked={c.afgehandeld}
                  aria-label={trv.verwerktLabel(c.tekst)}
                  onChange={(e) => void zetAfgehandeld(db, { updatedBy }, c.id, e.target.checked)}
                />
                <label htmlFor={`verwerkt-${c.id}`}>{trv.verwerkt}</label>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
