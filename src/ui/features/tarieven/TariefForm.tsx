/**
 * "Nieuw tarief vanaf datum" for one tariff key (inzet, domein, financier). Validation is the
 * contract's tariefInvoerSchema; only the amount is typed as text (so "65," keeps its comma while
 * typing) and read as a number by the same rules, and the date must be after the current price.
 */
import { z } from 'zod';
import {
  tariefInvoerSchema,
  type Tarief,
  type TariefInvoer,
} from '../../../domain/kosten/model.ts';
import type { FetchFn } from '../../../sync/client/http.ts';
import { DateField, Form, TextField } from '../../components/index.ts';
import { datumNl } from '../../lib/opmaak.ts';
import { bedragAlsTekst, euroBedrag, perEenheid, tekstNaarBedrag } from './opmaak.ts';
import { nieuwTarief } from './server.ts';

export function tariefFormSchema(vorige: Tarief) {
  return tariefInvoerSchema
    .extend({ bedrag: z.preprocess(tekstNaarBedrag, tariefInvoerSchema.shape.bedrag) })
    .refine((v) => v.geldigVan > vorige.geldigVan, {
      path: ['geldigVan'],
      message: `Kies een datum na ${datumNl(vorige.geldigVan)}, de startdatum van het huidige tarief.`,
    });
}

/** What both tariff forms share: who they talk to and what happens after. */
export interface TariefFormProps {
  readonly fetch: FetchFn;
  readonly standaardDatum: string;
  readonly titelId: string;
  readonly onOpgeslagen: (melding: string) => void;
  readonly onAnnuleren: () => void;
}

/**
 * What both tariff forms give `Form` besides schema and start values: the title, the buttons and
 * the submit. The submit sends the price, puts the server's "a later price exists" on the date
 * and any other refusal above the form, and says what was saved (`opgeslagen`).
 */
export function tariefFormulier(
  props: TariefFormProps,
  opgeslagen: (waarden: TariefInvoer) => string,
) {
  return {
    'aria-labelledby': props.titelId,
    submitLabel: 'Tarief opslaan',
    secondary: (
      <button type="button" className="knop" onClick={props.onAnnuleren}>
        Annuleren
      </button>
    ),
    onSubmit: async (
      waarden: TariefInvoer,
      form: { setError: (veld: 'geldigVan' | 'root', fout: { message: string }) => void },
    ) => {
      const a = await nieuwTarief(props.fetch, waarden);
      if (!a.ok)
        return form.setError(a.status === 409 ? 'geldigVan' : 'root', { message: a.melding });
      props.onOpgeslagen(opgeslagen(waarden));
    },
  };
}

export function TariefForm(props: TariefFormProps & { readonly vorige: Tarief }) {
  const { vorige } = props;
  return (
    <Form
      schema={tariefFormSchema(vorige)}
      defaultValues={{
        inzetCode: vorige.inzetCode,
        domein: vorige.domein,
        financierCode: vorige.financierCode,
        bedrag: bedragAlsTekst(vorige.bedrag),
        geldigVan: props.standaardDatum,
      }}
      {...tariefFormulier(
        props,
        (waarden) =>
          `Nieuw tarief opgeslagen: ${euroBedrag(waarden.bedrag)} ${perEenheid(vorige.volumeEenheid)} vanaf ${datumNl(waarden.geldigVan)}.`,
      )}
    >
      {(form) => (
        <div className="tarief-velden">
          <TextField
            control={form.control}
            name="bedrag"
            label={`Nieuw bedrag in euro ${perEenheid(vorige.volumeEenheid)}`}
            hint={`Nu: ${euroBedrag(vorige.bedrag)}. Gebruik een komma voor centen, bijvoorbeeld 65,50.`}
            inputMode="decimal"
          />
          <DateField
            control={form.control}
            name="geldigVan"
            label="Geldig vanaf"
            hint="Het huidige tarief stopt de dag ervoor."
          />
        </div>
      )}
    </Form>
  );
}
