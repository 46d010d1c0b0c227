/**
 * Steps 1–7 of the plan. Each step lists its records, each in its own autosaved editor, and a
 * button to add one. Step 7 first says which earlier rungs are still empty and asks why
 * professional inzet is needed anyway (ladder first, never a wall: it asks, it never blocks).
 */
import {
  LADDER_STAPPEN,
  LEVENSDOMEINEN,
  LEVENSDOMEIN_LABEL,
  type Levensdomein,
  type PlanItem,
} from '../../../domain/plan/model.ts';
import { ladderStand } from '../../../domain/plan/ladder.ts';
import type { Voorziening } from '../../../domain/sociale-kaart/model.ts';
import { deletePlanItem, savePlanItem } from '../../../storage/repositories/plans.ts';
import { SocialeKaartZoeker } from '../../components/SocialeKaartZoeker.tsx';
import { TextAreaField } from '../../components/index.ts';
import { useDb, useUserId } from '../../hooks/useDb.tsx';
import { nl } from '../../i18n/nl.ts';
import { DoelEditor, ItemEditor, NaasteEditor, useMetConcepten } from './editors.tsx';
import { InzetEditor } from './InzetEditor.tsx';
import { usePlanVeldForm } from './planVeld.ts';
import type { StapData } from './PlanEditorScreen.tsx';
import { hulpvraagSchema, ladderToelichtingSchema } from './schemas.ts';

const t = nl.plan;

const vanStap = (items: readonly PlanItem[], stap: PlanItem['stap']) =>
  items.filter((i) => i.stap === stap);

function ToevoegKnop(props: { children: string; onClick: () => void }) {
  return (
    <button type="button" className="knop toevoeg-knop" onClick={props.onClick}>
      <span aria-hidden="true">+ </span>
      {props.children}
    </button>
  );
}

function HulpvraagVeld({ data }: { data: StapData }) {
  const { form, autosave } = usePlanVeldForm(
    data,
    'hulpvraag',
    hulpvraagSchema,
    data.plan.hulpvraag ?? '',
  );
  return (
    <div {...autosave.focus}>
      <TextAreaField
        control={form.control}
        name="hulpvraag"
        label={t.hulpvraag}
        hint={t.hulpvraagHint}
        rows={4}
      />
    </div>
  );
}

export function HulpvraagStap({ data }: { data: StapData }) {
  const { rijen, toevoegen, vergeten } = useMetConcepten<StapData['doelen'][number], Levensdomein>(
    data.doelen,
  );
  return (
    <>
      <HulpvraagVeld data={data} />
      <h3>{t.doelen}</h3>
      <p className="veld-hint">{t.doelenUitleg}</p>
      <div className="levensdomeinen">
        {LEVENSDOMEINEN.map((domein) => {
          const hier = rijen.filter((r) => (r.record?.levensdomein ?? r.extra) === domein);
          return (
            <section key={domein} className="levensdomein" aria-label={LEVENSDOMEIN_LABEL[domein]}>
              <h4>{LEVENSDOMEIN_LABEL[domein]}</h4>
              {hier.map((r, i) => (
                <DoelEditor
                  key={r.id}
                  id={r.id}
                  planId={data.plan.id}
                  doel={r.record}
                  levensdomein={domein}
                  nummer={i + 1}
                  onWeg={vergeten}
                />
              ))}
              <ToevoegKnop onClick={() => toevoegen(domein)}>
                {t.doelToevoegen(LEVENSDOMEIN_LABEL[domein])}
              </ToevoegKnop>
            </section>
          );
        })}
      </div>
    </>
  );
}

function ItemLijst(props: {
  data: StapData;
  stap: 'eigen-kracht' | 'netwerk' | 'mantelzorgondersteuning';
  metNaaste?: boolean;
}) {
  const { data, stap } = props;
  const { rijen, toevoegen, vergeten } = useMetConcepten<PlanItem, null>(vanStap(data.items, stap));
  return (
    <>
      {rijen.map((r, i) => (
        <ItemEditor
          key={r.id}
          id={r.id}
          planId={data.plan.id}
          stap={stap}
          item={r.record}
          doelen={data.doelen}
          naasten={props.metNaaste ? data.naasten : undefined}
          nummer={i + 1}
          onWeg={vergeten}
        />
      ))}
      <ToevoegKnop onClick={() => toevoegen(null)}>{t.itemToevoegen[stap]}</ToevoegKnop>
    </>
  );
}

export function EigenKrachtStap({ data }: { data: StapData }) {
  return <ItemLijst data={data} stap="eigen-kracht" />;
}

export function NetwerkStap({ data }: { data: StapData }) {
  const { rijen, toevoegen, vergeten } = useMetConcepten<StapData['naasten'][number], null>(
    data.naasten,
  );
  return (
    <>
      <h3>{t.naasten}</h3>
      {rijen.map((r, i) => (
        <NaasteEditor
          key={r.id}
          id={r.id}
          clientId={data.client.id}
          naaste={r.record}
          nummer={i + 1}
          onWeg={vergeten}
        />
      ))}
      <ToevoegKnop onClick={() => toevoegen(null)}>{t.naasteToevoegen}</ToevoegKnop>
      <h3>{t.netwerkHulp}</h3>
      <ItemLijst data={data} stap="netwerk" metNaaste />
    </>
  );
}

export function MantelzorgStap({ data }: { data: StapData }) {
  const zwaar = data.naasten.filter((n) => n.belasting === 'zwaar' || n.belasting === 'overbelast');
  return (
    <>
      {zwaar.length > 0 && (
        <p className="melding-let-op">{t.zwaarBelast(zwaar.map((n) => n.naam).join(', '))}</p>
      )}
      <ItemLijst data={data} stap="mantelzorgondersteuning" metNaaste />
    </>
  );
}

export function VoorzieningStap({ data }: { data: StapData }) {
  const db = useDb();
  const updatedBy = useUserId();
  const gekozen = vanStap(data.items, 'voorziening');

  async function kies(v: Voorziening) {
    await savePlanItem(
      db,
      {
        planId: data.plan.id,
        stap: 'voorziening',
        omschrijving: v.naam,
        voorzieningId: v.id,
        voorzieningNaam: v.naam,
      },
      { updatedBy, vandaag: data.vandaag },
    );
  }

  return (
    <>
      <h3>{t.voorzieningenGekozen}</h3>
      {gekozen.length === 0 ? (
        <p className="lijst-leeg">{t.geenVoorzieningen}</p>
      ) : (
        <ul className="gekozen-lijst">
          {gekozen.map((item) => (
            <li key={item.id}>
              <span>{item.voorzieningNaam ?? item.omschrijving}</span>
              <button
                type="button"
                className="knop knop-klein"
                aria-label={t.verwijderenVan(item.voorzieningNaam ?? item.omschrijving)}
                onClick={() => void deletePlanItem(db, item.id, { updatedBy })}
              >
                {t.verwijderen}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!data.alleenLezen && (
        <>
          <h3>{t.zoekVoorziening}</h3>
          <SocialeKaartZoeker
            onKies={(v) => void kies(v)}
            gekozenIds={gekozen.flatMap((i) => (i.voorzieningId ? [i.voorzieningId] : []))}
            kopNiveau={4}
            gemeente={data.client.gemeente}
          />
        </>
      )}
    </>
  );
}

function InzetLijst({ data, stap }: { data: StapData; stap: 'hulpmiddel' | 'professioneel' }) {
  const { rijen, toevoegen, vergeten } = useMetConcepten<PlanItem, null>(vanStap(data.items, stap));
  return (
    <>
      {rijen.map((r, i) => (
        <InzetEditor
          key={r.id}
          id={r.id}
          planId={data.plan.id}
          stap={stap}
          item={r.record}
          client={data.client}
          doelen={data.doelen}
          vandaag={data.vandaag}
          nummer={i + 1}
          onWeg={vergeten}
        />
      ))}
      <ToevoegKnop onClick={() => toevoegen(null)}>{t.itemToevoegen[stap]}</ToevoegKnop>
    </>
  );
}

export function HulpmiddelStap({ data }: { data: StapData }) {
  return <InzetLijst data={data} stap="hulpmiddel" />;
}

/** Ladder first, never a wall: name the empty rungs, ask why, and let her go on either way. */
function LadderVraag({ data }: { data: StapData }) {
  const { form, autosave } = usePlanVeldForm(
    data,
    'ladderToelichting',
    ladderToelichtingSchema,
    data.plan.ladderToelichting ?? '',
  );
  // Which legal rungs are empty, as if professional inzet were already in the plan.
  const stand = ladderStand({
    plan: data.plan,
    doelen: data.doelen,
    items: [...data.items, { stap: 'professioneel' }],
    naasten: data.naasten,
  });
  const leeg = stand.legeWettelijkeStappen;
  if (leeg.length === 0 && !data.plan.ladderToelichting) return null;
  const namen = LADDER_STAPPEN.filter((s) => leeg.includes(s))
    .map((s) => t.stappen[s].toLocaleLowerCase('nl'))
    .join(', ');
  return (
    <div className="ladder-vraag" {...autosave.focus}>
      {leeg.length > 0 && <p className="melding-let-op">{t.ladderLeeg(namen)}</p>}
      <TextAreaField
        control={form.control}
        name="ladderToelichting"
        label={t.ladderVraag}
        hint={t.ladderHint}
        rows={2}
      />
    </div>
  );
}

export function ProfessioneelStap({ data }: { data: StapData }) {
  return (
    <>
      <LadderVraag data={data} />
      <InzetLijst data={data} stap="professioneel" />
    </>
  );
}
