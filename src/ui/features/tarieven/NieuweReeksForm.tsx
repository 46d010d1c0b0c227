/**
 * A price for a row that does not exist yet: another inzet type, or one financier's own price
 * that wins over the domain default (issue 6, point 2: "per inzet type and financier").
 */
import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { INZET_CATALOGUS } from '../../../domain/catalog/index.ts';
import {
  BETAALDE_DOMEINEN,
  tariefInvoerSchema,
  type Tarief,
} from '../../../domain/kosten/model.ts';
import { GEMEENTEN, ZORGKANTOORREGIOS, ZORGVERZEKERAARS } from '../../../domain/reference/index.ts';
import { DateField, Form, SelectField, TextField, type FormApi } from '../../components/index.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { euroBedrag, financierNaam, inzetLabel, tekstNaarBedrag } from './opmaak.ts';
import { tariefFormulier, type TariefFormProps } from './TariefForm.tsx';

type Domein = (typeof BETAALDE_DOMEINEN)[number];

const sleutel = (t: { inzetCode: string; domein: string; financierCode: string | null }) =>
  `${t.inzetCode}|${t.domein}|${t.financierCode ?? '*'}`;

/** The financiers a domain can have, as routing names them. */
function financierOpties(domein: Domein): { value: string; label: string }[] {
  switch (domein) {
    case 'Zvw':
      return ZORGVERZEKERAARS.map((v) => ({ value: v.uzovi, label: v.naam }));
    case 'Wlz':
      return ZORGKANTOORREGIOS.map((r) => ({
        value: r.iwlzCode,
        label: `Zorgkantoor ${r.naamIwlz}`,
      }));
    default:
      return GEMEENTEN.map((g) => ({ value: g.cbsCode, label: `Gemeente ${g.naam}` }));
  }
}

export function nieuweReeksSchema(bestaande: readonly Tarief[]) {
  const laatste = new Map<string, string>();
  for (const t of bestaande) {
    const k = sleutel(t);
    if ((laatste.get(k) ?? '') < t.geldigVan) laatste.set(k, t.geldigVan);
  }
  return tariefInvoerSchema
    .extend({
      bedrag: z.preprocess(tekstNaarBedrag, tariefInvoerSchema.shape.bedrag),
      financierCode: z.preprocess(
        (v) => (v === '' ? null : v),
        tariefInvoerSchema.shape.financierCode,
      ),
    })
    .superRefine((v, ctx) => {
      const vanaf = laatste.get(sleutel(v));
      if (vanaf && v.geldigVan <= vanaf)
        ctx.addIssue({
          code: 'custom',
          path: ['geldigVan'],
          message: `Deze rij heeft al een tarief vanaf ${datumNl(vanaf)}. Kies een latere datum.`,
        });
    });
}

function FinancierKeuze(props: { form: FormApi<ReturnType<typeof nieuweReeksSchema>> }) {
  const { control, setValue } = props.form;
  const domein = useWatch({ control, name: 'domein' });
  // Another domain has other financiers: a chosen one would not fit.
  useEffect(() => {
    setValue('financierCode', '');
  }, [domein, setValue]);
  return (
    <SelectField
      control={control}
      name="financierCode"
      label="Financier"
      hint="Kies er één voor een eigen prijs van die financier. Anders geldt het tarief voor alle financiers van dit domein."
      emptyLabel={`Alle financiers (standaard ${domein})`}
      options={financierOpties(domein)}
    />
  );
}

export function NieuweReeksForm(
  props: TariefFormProps & { readonly bestaande: readonly Tarief[] },
) {
  return (
    <Form
      schema={nieuweReeksSchema(props.bestaande)}
      defaultValues={{
        inzetCode: '',
        domein: 'Wmo',
        financierCode: '',
        bedrag: '',
        geldigVan: props.standaardDatum,
      }}
      {...tariefFormulier(
        props,
        (waarden) =>
          `Nieuw tarief opgeslagen: ${inzetLabel(waarden.inzetCode)}, ${financierNaam(waarden.domein, waarden.financierCode)}, ${euroBedrag(waarden.bedrag)} vanaf ${datumNl(waarden.geldigVan)}.`,
      )}
    >
      {(form) => (
        <div className="tarief-velden">
          <SelectField
            control={form.control}
            name="inzetCode"
            label="Soort inzet"
            emptyLabel="Kies een soort inzet"
            options={INZET_CATALOGUS.map((i) => ({ value: i.code, label: i.label }))}
          />
          <SelectField
            control={form.control}
            name="domein"
            label="Domein"
            options={BETAALDE_DOMEINEN.map((d) => ({ value: d, label: d }))}
          />
          <FinancierKeuze form={form} />
          <TextField
            control={form.control}
            name="bedrag"
            label="Bedrag in euro per eenheid"
            hint="Per uur, dagdeel, rit, … zoals de inzet wordt gepland. Gebruik een komma voor centen."
            inputMode="decimal"
          />
          <DateField control={form.control} name="geldigVan" label="Geldig vanaf" />
        </div>
      )}
    </Form>
  );
}
