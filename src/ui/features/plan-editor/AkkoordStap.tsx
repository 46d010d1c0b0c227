/**
 * Step 8: the whole plan per rung on one page, the client's akkoord (datum, wijze, door), the
 * evaluatiedatum, and "Plan vaststellen". Vaststellen first saves every waiting change, then asks
 * storage, which checks the domain's rules (status.ts) and keeps a read-only snapshot.
 */
import { useContext, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { Akkoord } from '../../../domain/plan/model.ts';
import { stelPlanVast } from '../../../storage/repositories/plans.ts';
import { DateField, RadioGroup, SelectField } from '../../components/index.ts';
import { useDb, useUserId } from '../../hooks/useDb.tsx';
import { usePlanVersies } from '../../hooks/usePlan.ts';
import { PlanWeergave } from '../../components/PlanWeergave.tsx';
import { nl } from '../../i18n/nl.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { usePlanVeldForm } from './planVeld.ts';
import { AllesOpslaanContext } from './opslag.tsx';
import type { StapData } from './PlanEditorScreen.tsx';
import { akkoordFormSchema, evaluatieSchema } from './schemas.ts';

const t = nl.plan;

type AkkoordInvoer = { datum: string; wijze: Akkoord['wijze'] | ''; door: Akkoord['door'] | '' };

export function AkkoordStap({ data }: { data: StapData }) {
  return (
    <>
      <PlanWeergave variant="samenvatting" inhoud={data} />
      <h3>{t.akkoord}</h3>
      <AkkoordVelden data={data} />
      <EvaluatieVeld data={data} />
      <Vaststellen data={data} />
      <Versies planId={data.plan.id} />
    </>
  );
}

const LEEG_AKKOORD: AkkoordInvoer = { datum: '', wijze: '', door: '' };

function AkkoordVelden({ data }: { data: StapData }) {
  const begin: AkkoordInvoer | null = data.plan.akkoord ?? null;
  const { form, autosave } = usePlanVeldForm(data, 'akkoord', akkoordFormSchema, begin);
  const akkoord = useWatch({ control: form.control, name: 'akkoord' });
  // Switching to "Nee" and back keeps what was typed.
  const concept = useRef<AkkoordInvoer | null>(null);
  const { control } = form;

  function kies(keuze: 'ja' | 'nee') {
    if (keuze === 'nee') {
      concept.current = form.getValues('akkoord');
      form.clearErrors('akkoord');
      form.setValue('akkoord', null);
    } else {
      form.setValue('akkoord', concept.current ?? { ...LEEG_AKKOORD, datum: data.vandaag });
    }
  }

  return (
    <div {...autosave.focus} className="akkoord-velden">
      <RadioGroup
        legend={t.akkoordGegeven}
        value={akkoord ? 'ja' : 'nee'}
        onChange={kies}
        options={[
          { value: 'nee', label: t.nee },
          { value: 'ja', label: t.ja },
        ]}
      />
      {akkoord && (
        <div className="rij">
          <DateField control={control} name="akkoord.datum" label={t.akkoordDatum} />
          <SelectField
            control={control}
            name="akkoord.wijze"
            label={t.akkoordWijze}
            emptyLabel={t.kies}
            options={(['mondeling', 'handtekening', 'digitaal'] as const).map((w) => ({
              value: w,
              label: t.wijze[w],
            }))}
          />
          <SelectField
            control={control}
            name="akkoord.door"
            label={t.akkoordDoor}
            emptyLabel={t.kies}
            options={(['client', 'vertegenwoordiger'] as const).map((d) => ({
              value: d,
              label: t.door[d],
            }))}
          />
        </div>
      )}
    </div>
  );
}

function EvaluatieVeld({ data }: { data: StapData }) {
  const { form, autosave } = usePlanVeldForm(
    data,
    'evaluatiedatum',
    evaluatieSchema,
    data.plan.evaluatiedatum ?? '',
  );
  return (
    <div {...autosave.focus}>
      <DateField
        control={form.control}
        name="evaluatiedatum"
        label={t.evaluatiedatum}
        hint={t.evaluatiedatumHint}
      />
    </div>
  );
}

function Vaststellen({ data }: { data: StapData }) {
  const db = useDb();
  const updatedBy = useUserId();
  const allesOpslaan = useContext(AllesOpslaanContext);
  const [redenen, setRedenen] = useState<string[]>([]);
  const [bezig, setBezig] = useState(false);
  if (data.alleenLezen) return null;

  async function stelVast() {
    setBezig(true);
    try {
      await allesOpslaan();
      const r = await stelPlanVast(db, data.plan.id, { updatedBy, vandaag: data.vandaag });
      setRedenen(r.ok ? [] : r.issues.map((i) => i.message));
    } finally {
      setBezig(false);
    }
  }

  return (
    <div className="vaststellen">
      {redenen.length > 0 && (
        <div className="formulier-melding" role="alert">
          <p>{t.nietVaststellen}</p>
          <ul>
            {redenen.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <button
        type="button"
        className="knop knop-primair"
        disabled={bezig}
        onClick={() => void stelVast()}
      >
        {t.vaststellen}
      </button>
    </div>
  );
}

function Versies({ planId }: { planId: string }) {
  const versies = usePlanVersies(planId);
  if (!versies || versies.length === 0) return null;
  return (
    <>
      <h3>{t.versies}</h3>
      <ul>
        {versies.map((v) => (
          <li key={v.id}>{t.versieVan(v.versie, datumNl(v.vastgesteldOp))}</li>
        ))}
      </ul>
    </>
  );
}
