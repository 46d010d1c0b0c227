/**
 * "Nieuw tarief vanaf datum" for one tariff key (inzet, domein, financier). Validation is the
 * contract's tariefInvoerSchema; only the amount is typed as text (so "65," keeps its comma while
 * typing) and read as a number by the same rules, and the date must be after the current price.
 */
import { z } from 'zod';
import { tariefInvoerSchema, type Tarief } from '../../../domain/kosten/model.ts';
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

export function TariefForm(props: {
  readonly fetch: FetchFn;
  readonly vorige: Tarief;
  readonly standaardDatum: string;
  readonly titelId: string;
  readonly onOpgeslagen: (melding: string) => void;
  readonly onAnnuleren: () => void;
}) {
  const { vorige } = props;
  const schema = tariefFormSchema(vorige);
  return (
    <Form
      schema={schema}
      aria-labelledby={props.titelId}
      defaultValues={{
        inzetCode: vorige.inzetCode,
        domein: vorige.domein,
        financierCode: vorige.financierCode,
        bedrag: bedragAlsTekst(vorige.bedrag),
        geldigVan: props.standaardDatum,
      }}
      submitLabel="Tarief opslaan"
      secondary={
        <button type="button" className="knop" onClick={props.onAnnuleren}>
          Annuleren
        </button>
      }
      onSubmit={async (waarden, form) => {
        const a = await nieuwTarief(props.fetch, waarden);
        if (!a.ok) {
          if (a.status === 409) form.setError('geldigVan', { message: a.melding });
          else form.setError('root', { message: a.melding });
          return;
        }
        props.onOpgeslagen(
          `Nieuw tarief opgeslagen: ${euroBedrag(waarden.bedrag)} ${perEenheid(vorige.volumeEenheid)} vanaf ${datumNl(waarden.geldigVan)}.`,
        );
      }}
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
