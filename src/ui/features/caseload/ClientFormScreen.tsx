import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useWatch, type DefaultValues, type FieldPath } from 'react-hook-form';
import {
  clientInvoerSchema,
  type Client,
  type ClientInvoer,
} from '../../../domain/model/client.ts';
import { isRealDate, leeftijdOp } from '../../../domain/model/dates.ts';
import {
  LEVERINGSVORM_LABEL,
  LEVERINGSVORMEN,
  ZORGPROFIELEN_KEUZE,
  zorgprofielInfo,
} from '../../../domain/model/wlz.ts';
import { ZORGVERZEKERAARS } from '../../../domain/reference/index.ts';
import { saveClient } from '../../../storage/repositories/clients.ts';
import {
  noemZorgverzekeraar,
  zorgverzekeraarNamen,
} from '../../../storage/repositories/zorgverzekeraars.ts';
import {
  CheckboxField,
  DateField,
  Form,
  GemeenteField,
  RadioGroup,
  SelectField,
  TextField,
  type FormApi,
} from '../../components/index.ts';
import { Invoerveld } from '../../components/LosseVelden.tsx';
import { useClient, useDb, useUserId } from '../../hooks/useDb.tsx';
import { vandaag as vandaagNl } from '../../lib/klok.ts';
import { nl } from '../../i18n/nl.ts';

type ClientForm = FormApi<typeof clientInvoerSchema>;
type WlzInvoer = NonNullable<ClientInvoer['wlzIndicatie']>;

const t = nl.clientForm;

export interface ClientFormScreenProps {
  /** Absent: a new client. */
  clientId?: string;
  /** Called once the client is durably stored on this device. */
  onDone: (clientId: string) => void;
  onCancel: () => void;
}

/** Add or change one client. Validation is the domain's `clientInvoerSchema`; nothing here. */
export function ClientFormScreen({ clientId, onDone, onCancel }: ClientFormScreenProps) {
  const client = useClient(clientId);
  const titelId = useId();

  if (clientId !== undefined && client === undefined) {
    return <p role="status">{nl.algemeen.laden}</p>;
  }
  if (clientId !== undefined && client === null) {
    return (
      <section className="scherm">
        <p role="alert">{t.nietGevonden}</p>
        <button type="button" className="knop" onClick={onCancel}>
          {t.terug}
        </button>
      </section>
    );
  }
  return (
    <section className="scherm" aria-labelledby={titelId}>
      <h1 id={titelId}>{client ? t.titelWijzigen : t.titelNieuw}</h1>
      <ClientFormulier
        client={client ?? undefined}
        titelId={titelId}
        onDone={onDone}
        onCancel={onCancel}
      />
    </section>
  );
}

function ClientFormulier(props: {
  client: Client | undefined;
  titelId: string;
  onDone: (id: string) => void;
  onCancel: () => void;
}) {
  const db = useDb();
  const userId = useUserId();
  const { client } = props;

  async function opslaan(values: ClientInvoer, form: ClientForm) {
    const result = await saveClient(db, values, { id: client?.id, updatedBy: userId });
    if (!result.ok) {
      // Storage validates with the same schema, so this is rare (e.g. the client was deleted
      // meanwhile); its messages go where the form shows them.
      for (const issue of result.issues) {
        const naam = issue.path.length ? issue.path.join('.') : 'root';
        form.setError(naam as FieldPath<ClientInvoer>, { message: issue.message });
      }
      return;
    }
    props.onDone(result.client.id);
  }

  return (
    <Form
      schema={clientInvoerSchema}
      defaultValues={naarFormulier(client)}
      onSubmit={opslaan}
      aria-labelledby={props.titelId}
      secondary={
        <button type="button" className="knop" onClick={props.onCancel}>
          {nl.algemeen.annuleren}
        </button>
      }
    >
      {(form) => <ClientVelden form={form} />}
    </Form>
  );
}

function ClientVelden({ form }: { form: ClientForm }) {
  const { control } = form;
  return (
    <>
      <fieldset className="groep">
        <legend>{t.persoon}</legend>
        <div className="rij">
          <TextField control={control} name="voornaam" label={t.voornaam} autoComplete="off" />
          <TextField control={control} name="achternaam" label={t.achternaam} autoComplete="off" />
        </div>
        <DateField control={control} name="geboortedatum" label={t.geboortedatum} />
        <TextField
          control={control}
          name="bsn"
          label={t.bsn}
          hint={t.bsnHint}
          optional
          inputMode="numeric"
        />
      </fieldset>
      <fieldset className="groep">
        <legend>{t.adres}</legend>
        <div className="rij">
          <TextField control={control} name="postcode" label={t.postcode} hint={t.postcodeHint} />
          <TextField
            control={control}
            name="huisnummer"
            label={t.huisnummer}
            hint={t.huisnummerHint}
          />
        </div>
        <GemeenteField control={control} name="gemeente" label={t.gemeente} hint={t.gemeenteHint} />
      </fieldset>
      <fieldset className="groep">
        <legend>{t.zorg}</legend>
        <ZorgverzekeraarVeld form={form} />
        <TextField control={control} name="huisarts" label={t.huisarts} optional />
        <IntensieveKindzorgVeld form={form} />
        <WlzVelden form={form} />
      </fieldset>
    </>
  );
}

/**
 * Intensieve kindzorg (routing keeps it in the Zvw, also before 2018 and with a Wlz-indicatie):
 * asked only for a child, judged by the birth date typed so far. For an adult the box is gone and
 * so is its value (`shouldUnregister`), so no stale fact stays behind.
 */
function IntensieveKindzorgVeld({ form }: { form: ClientForm }) {
  const { control } = form;
  const geboortedatum = useWatch({ control, name: 'geboortedatum' });
  const vandaag = vandaagNl();
  const kind =
    typeof geboortedatum === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(geboortedatum) &&
    isRealDate(geboortedatum) &&
    geboortedatum <= vandaag &&
    leeftijdOp(geboortedatum, vandaag) < 18;
  if (!kind) return null;
  return (
    <CheckboxField
      control={control}
      name="intensieveKindzorg"
      label={t.intensieveKindzorg}
      shouldUnregister
    />
  );
}

/** A Wlz-indicatie the arrangeur has started but not finished; the schema says what is missing. */
const NIEUWE_WLZ = {
  leveringsvorm: null,
  behandeling: false,
  geldigVan: '',
} as unknown as WlzInvoer;

function WlzVelden({ form }: { form: ClientForm }) {
  const { control } = form;
  const wlz = useWatch({ control, name: 'wlzIndicatie' });
  // Switching to "Nee" and back must not throw away what was typed: keep the last draft.
  const concept = useRef<WlzInvoer | null>(null);

  function kies(keuze: 'ja' | 'nee') {
    if (keuze === 'nee') {
      concept.current = form.getValues('wlzIndicatie');
      form.clearErrors('wlzIndicatie');
      form.setValue('wlzIndicatie', null);
    } else {
      form.setValue('wlzIndicatie', concept.current ?? NIEUWE_WLZ);
    }
  }

  return (
    <>
      <RadioGroup
        legend={t.wlzVraag}
        value={wlz ? 'ja' : 'nee'}
        onChange={kies}
        options={[
          { value: 'nee', label: t.wlzNee },
          { value: 'ja', label: t.wlzJa },
        ]}
      />
      {wlz && (
        <>
          <div className="rij">
            <SelectField
              control={control}
              name="wlzIndicatie.zorgprofiel"
              label={t.zorgprofiel}
              emptyLabel={t.kiesZorgprofiel}
              options={ZORGPROFIELEN_KEUZE.map((z) => ({
                value: z,
                label: `${z} — ${zorgprofielInfo(z).omschrijving}`,
              }))}
            />
            <SelectField
              control={control}
              name="wlzIndicatie.leveringsvorm"
              label={t.leveringsvorm}
              emptyLabel={t.nogNietGekozen}
              parse={(v) => (v === '' ? null : v)}
              options={LEVERINGSVORMEN.map((l) => ({ value: l, label: LEVERINGSVORM_LABEL[l] }))}
            />
          </div>
          {wlz.leveringsvorm === 'verblijf' && (
            <CheckboxField
              control={control}
              name="wlzIndicatie.behandeling"
              label={t.behandeling}
              shouldUnregister
            />
          )}
          <div className="rij">
            <DateField control={control} name="wlzIndicatie.geldigVan" label={t.geldigVan} />
            <DateField
              control={control}
              name="wlzIndicatie.geldigTot"
              label={t.geldigTot}
              hint={t.geldigTotHint}
              optional
            />
          </div>
        </>
      )}
    </>
  );
}

/** What the inputs start with: '' for "nothing typed" (the schema turns it into "absent"). */
function naarFormulier(c: Client | undefined): DefaultValues<ClientInvoer> {
  return {
    voornaam: c?.voornaam ?? '',
    achternaam: c?.achternaam ?? '',
    geboortedatum: c?.geboortedatum ?? '',
    bsn: c?.bsn ?? '',
    postcode: c?.postcode ?? '',
    huisnummer: c?.huisnummer ?? '',
    gemeente: c?.gemeente ?? '',
    zorgverzekeraar: c?.zorgverzekeraar ?? '',
    wlzIndicatie: c?.wlzIndicatie ?? null,
    ...(c?.intensieveKindzorg !== undefined ? { intensieveKindzorg: c.intensieveKindzorg } : {}),
    huisarts: c?.huisarts ?? '',
  };
}

/**
 * The zorgverzekeraar: the shipped UZOVI list plus the codes colleagues named, and a way to name
 * a code that is in neither (issue 16, point 4). The name is a synced record of its own
 * (storage/repositories/zorgverzekeraars.ts), so it is given once for the whole organisation.
 */
function ZorgverzekeraarVeld({ form }: { form: ClientForm }) {
  const db = useDb();
  const userId = useUserId();
  const namen = useLiveQuery(() => zorgverzekeraarNamen(db), [db]) ?? [];
  const gekozen = useWatch({ control: form.control, name: 'zorgverzekeraar' }) as
    string | undefined;
  const [code, setCode] = useState('');
  const [naam, setNaam] = useState('');
  const [melding, setMelding] = useState<{ tekst: string; fout: boolean } | null>(null);
  const opties = [
    ...ZORGVERZEKERAARS.map((v) => ({ value: v.uzovi, label: `${v.naam} (UZOVI ${v.uzovi})` })),
    ...namen.map((v) => ({ value: v.uzovi, label: `${v.naam} (UZOVI ${v.uzovi})` })),
  ];
  if (gekozen && !opties.some((o) => o.value === gekozen)) {
    opties.push({ value: gekozen, label: t.zorgverzekeraarCodeOnbekend(gekozen) });
  }

  async function toevoegen() {
    const r = await noemZorgverzekeraar(db, { uzovi: code, naam }, { updatedBy: userId });
    if (!r.ok) {
      setMelding({ tekst: r.issues.map((i) => i.message).join(' '), fout: true });
      return;
    }
    form.setValue('zorgverzekeraar', r.zorgverzekeraar.uzovi, { shouldDirty: true });
    setMelding({ tekst: t.zorgverzekeraarToegevoegd(r.zorgverzekeraar.naam), fout: false });
    setCode('');
    setNaam('');
  }

  return (
    <>
      <SelectField
        control={form.control}
        name="zorgverzekeraar"
        label={t.zorgverzekeraar}
        optional
        emptyLabel={t.zorgverzekeraarOnbekend}
        options={opties}
      />
      <details className="zorgverzekeraar-toevoegen">
        <summary>{t.zorgverzekeraarNietInLijst}</summary>
        <p className="hint">{t.zorgverzekeraarNietInLijstUitleg}</p>
        <div className="rij">
          <Invoerveld
            label={t.uzoviCode}
            inputMode="numeric"
            autoComplete="off"
            waarde={code}
            onWijzig={setCode}
          />
          <Invoerveld
            label={t.zorgverzekeraarNaam}
            autoComplete="off"
            waarde={naam}
            onWijzig={setNaam}
          />
        </div>
        <button type="button" className="knop" onClick={() => void toevoegen()}>
          {t.zorgverzekeraarToevoegen}
        </button>
        {melding && (
          <p role={melding.fout ? 'alert' : 'status'} className={melding.fout ? 'fout' : 'hint'}>
            {melding.tekst}
          </p>
        )}
      </details>
    </>
  );
}
