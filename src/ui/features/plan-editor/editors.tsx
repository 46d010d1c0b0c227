/**
 * One autosaved editor per record: a doel, a naaste, a plan item. Each is its own small form on
 * its own record, so typing in one never waits for, or overwrites, another (docs/architecture.md).
 *
 * New records get their device-made id when "Toevoegen" is pressed, and keep it: the first valid
 * save creates the record under that id, the live list then shows the record with the same React
 * key, and the field being typed in keeps its focus.
 */
import { useCallback, useState } from 'react';
import {
  LEVENSDOMEIN_LABEL,
  type Doel,
  type Levensdomein,
  type Naaste,
  type PlanItem,
  BELASTING,
} from '../../../domain/plan/model.ts';
import type { LadderStap } from '../../../domain/plan/model.ts';
import {
  deleteDoel,
  deleteNaaste,
  deletePlanItem,
  saveDoel,
  saveNaaste,
  savePlanItem,
} from '../../../storage/repositories/plans.ts';
import { SelectField, TextAreaField, TextField } from '../../components/index.ts';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ArrangeurDB } from '../../../storage/db.ts';
import {
  useAutosaveForm,
  type BronRecord,
  type Gezien,
  type OpslaanUitkomst,
} from '../../hooks/useAutosave.ts';
import { useDb, useUserId } from '../../hooks/useDb.tsx';
import { nl } from '../../i18n/nl.ts';
import { useOpslagMelder } from './opslag.tsx';
import {
  doelFormSchema,
  itemFormSchema,
  naasteFormSchema,
  type ItemForm,
  type NaasteForm,
} from './schemas.ts';

const t = nl.plan;

/**
 * The fields of a stored item that this editor does not show: a save writes the whole item, so
 * they are passed on unchanged (an item made elsewhere, e.g. with an inzet, keeps it).
 */
export function behouden<K extends keyof PlanItem>(
  item: PlanItem | undefined,
  velden: readonly K[],
): Partial<Pick<PlanItem, K>> {
  if (!item) return {};
  return Object.fromEntries(velden.map((k) => [k, item[k]])) as Partial<Pick<PlanItem, K>>;
}

/** Records plus the ones just added and not yet valid enough to be stored, in a stable order. */
export function useMetConcepten<R extends { id: string }, E>(records: readonly R[]) {
  const [concepten, setConcepten] = useState<{ id: string; extra: E }[]>([]);
  const toevoegen = useCallback((extra: E) => {
    const id = crypto.randomUUID();
    setConcepten((c) => [...c, { id, extra }]);
    return id;
  }, []);
  const vergeten = useCallback((id: string) => {
    setConcepten((c) => c.filter((x) => x.id !== id));
  }, []);
  const opgeslagen = new Set(records.map((r) => r.id));
  const rijen: { id: string; record: R | undefined; extra: E | undefined }[] = [
    ...records.map((r) => ({
      id: r.id,
      record: r,
      extra: concepten.find((c) => c.id === r.id)?.extra,
    })),
    ...concepten
      .filter((c) => !opgeslagen.has(c.id))
      .map((c) => ({ id: c.id, record: undefined, extra: c.extra })),
  ];
  return { rijen, toevoegen, vergeten };
}

/**
 * One record of the plan (doel, naaste, item, inzet) as an autosave form that follows the stored
 * record (`record`, undefined while new), reporting to the screen's "Opgeslagen"; and `verwijder`,
 * which removes the record (or forgets an unsaved new one) without letting a waiting save bring
 * it back.
 */
export function useOnderdeelForm<TForm extends FieldValues, S extends z.ZodType>(o: {
  schema: S;
  waarden: TForm;
  record: BronRecord | undefined;
  opslaan: (
    v: z.output<S>,
    schrijf: { db: ArrangeurDB; updatedBy: string; gezien: Gezien },
  ) => Promise<OpslaanUitkomst>;
  verwijderen: (db: ArrangeurDB, opts: { updatedBy: string }) => Promise<unknown>;
  onWeg: () => void;
}) {
  const db = useDb();
  const updatedBy = useUserId();
  const melder = useOpslagMelder();
  const { form, autosave } = useAutosaveForm<TForm, S>(
    o.schema,
    o.waarden,
    (v, { gezien }) => o.opslaan(v, { db, updatedBy, gezien }),
    { ...melder, bron: { record: o.record } },
  );
  async function verwijder() {
    autosave.cancel();
    if (o.record !== undefined) await o.verwijderen(db, { updatedBy });
    o.onWeg();
  }
  return { form, autosave, verwijder };
}

/** "Bij welk doel?": links an item or inzet to one of the plan's doelen, or to none. */
export function DoelKeuze<T extends FieldValues & { doelId: string }, TOut>(props: {
  control: Control<T, unknown, TOut>;
  doelen: readonly Doel[];
}) {
  return (
    <SelectField
      control={props.control}
      name={'doelId' as FieldPath<T>}
      label={t.koppelDoel}
      optional
      emptyLabel={t.geenDoel}
      options={props.doelen.map((d) => ({ value: d.id, label: d.omschrijving }))}
    />
  );
}

function VerwijderKnop(props: { wat: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="knop knop-klein"
      aria-label={t.verwijderenVan(props.wat)}
      onClick={props.onClick}
    >
      {t.verwijderen}
    </button>
  );
}

export function DoelEditor(props: {
  id: string;
  planId: string;
  doel: Doel | undefined;
  levensdomein: Levensdomein;
  nummer: number;
  onWeg: (id: string) => void;
}) {
  const { id, planId } = props;
  const levensdomein = props.doel?.levensdomein ?? props.levensdomein;
  const { form, autosave, verwijder } = useOnderdeelForm({
    schema: doelFormSchema,
    waarden: { levensdomein, omschrijving: props.doel?.omschrijving ?? '' },
    record: props.doel,
    opslaan: (v, { db, updatedBy, gezien }) =>
      saveDoel(db, { ...v, planId, id }, { updatedBy, gezien }),
    verwijderen: (db, opts) => deleteDoel(db, id, opts),
    onWeg: () => props.onWeg(id),
  });
  const label = `${t.doel} ${props.nummer} (${LEVENSDOMEIN_LABEL[levensdomein]})`;
  return (
    <div className="onderdeel" {...autosave.focus}>
      <TextAreaField control={form.control} name="omschrijving" label={label} rows={2} />
      <VerwijderKnop wat={label} onClick={() => void verwijder()} />
    </div>
  );
}

export function naarNaasteForm(n: Naaste | undefined): NaasteForm {
  return {
    naam: n?.naam ?? '',
    relatie: n?.relatie ?? '',
    contact: n?.contact ?? '',
    watDoetHij: n?.watDoetHij ?? '',
    hoeVaak: n?.hoeVaak ?? '',
    belasting: n?.belasting ?? '',
  };
}

export function NaasteEditor(props: {
  id: string;
  clientId: string;
  naaste: Naaste | undefined;
  nummer: number;
  onWeg: (id: string) => void;
}) {
  const { id, clientId } = props;
  const { form, autosave, verwijder } = useOnderdeelForm({
    schema: naasteFormSchema,
    waarden: naarNaasteForm(props.naaste),
    record: props.naaste,
    opslaan: (v, { db, updatedBy, gezien }) =>
      saveNaaste(db, { ...v, clientId, id }, { updatedBy, gezien }),
    verwijderen: (db, opts) => deleteNaaste(db, id, opts),
    onWeg: () => props.onWeg(id),
  });
  const { control } = form;
  const n = t.naaste;
  const wat = props.naaste?.naam ?? `${t.naasten} ${props.nummer}`;
  return (
    <fieldset className="onderdeel groep" {...autosave.focus}>
      <legend>{props.naaste?.naam || `${t.naasten}: ${props.nummer}`}</legend>
      <div className="rij">
        <TextField control={control} name="naam" label={n.naam} />
        <TextField control={control} name="relatie" label={n.relatie} hint={n.relatieHint} />
      </div>
      <div className="rij">
        <TextField control={control} name="contact" label={n.contact} optional inputMode="tel" />
        <TextField
          control={control}
          name="hoeVaak"
          label={n.hoeVaak}
          hint={n.hoeVaakHint}
          optional
        />
      </div>
      <TextAreaField control={control} name="watDoetHij" label={n.watDoetHij} optional rows={2} />
      <SelectField
        control={control}
        name="belasting"
        label={n.belasting}
        optional
        emptyLabel={n.belastingOnbekend}
        options={BELASTING.map((b) => ({ value: b, label: t.belasting[b] }))}
      />
      <VerwijderKnop wat={wat} onClick={() => void verwijder()} />
    </fieldset>
  );
}

const OMSCHRIJVING_LABEL: Partial<Record<LadderStap, string>> = {
  'eigen-kracht': t.omschrijvingEigenKracht,
  netwerk: t.omschrijvingNetwerk,
  mantelzorgondersteuning: t.omschrijvingMantelzorg,
};

/** Eigen kracht, netwerk and mantelzorgondersteuning: what happens, for which doel, with whom. */
export function ItemEditor(props: {
  id: string;
  planId: string;
  stap: LadderStap;
  item: PlanItem | undefined;
  doelen: readonly Doel[];
  naasten?: readonly Naaste[];
  nummer: number;
  onWeg: (id: string) => void;
}) {
  const { id, planId, stap, item } = props;
  const { form, autosave, verwijder } = useOnderdeelForm({
    schema: itemFormSchema,
    waarden: {
      omschrijving: item?.omschrijving ?? '',
      doelId: item?.doelId ?? '',
      naasteId: item?.naasteId ?? '',
    } satisfies ItemForm,
    record: item,
    opslaan: (v, { db, updatedBy, gezien }) =>
      savePlanItem(
        db,
        {
          ...behouden(item, [
            'inzet',
            'voorzieningId',
            'voorzieningNaam',
            'aanbieder',
            'aanbiederAgb',
            'override',
          ]),
          doelId: undefined,
          naasteId: undefined,
          ...v,
          planId,
          stap,
          id,
        },
        { updatedBy, gezien },
      ),
    verwijderen: (db, opts) => deletePlanItem(db, id, opts),
    onWeg: () => props.onWeg(id),
  });
  const label = `${OMSCHRIJVING_LABEL[stap] ?? t.omschrijving} (${props.nummer})`;
  return (
    <div className="onderdeel" {...autosave.focus}>
      <TextAreaField control={form.control} name="omschrijving" label={label} rows={2} />
      <div className="rij">
        {props.naasten && (
          <SelectField
            control={form.control}
            name="naasteId"
            label={t.koppelNaaste}
            optional
            emptyLabel={t.geenNaaste}
            options={props.naasten.map((n) => ({ value: n.id, label: `${n.naam} (${n.relatie})` }))}
          />
        )}
        <DoelKeuze control={form.control} doelen={props.doelen} />
      </div>
      <VerwijderKnop wat={item?.omschrijving || label} onClick={() => void verwijder()} />
    </div>
  );
}
