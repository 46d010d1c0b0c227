/**
 * The one form wrapper (bulletproof-react's `Form`): react-hook-form with zodResolver on a domain
 * schema. The schema is the only source of validation; screens and fields hold none. On failed
 * validation react-hook-form keeps every value, so nothing typed is lost.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { nl } from '../i18n/nl.ts';
import './components.css';

export type FormSchema = z.ZodType<FieldValues, FieldValues>;
export type FormApi<S extends FormSchema> = UseFormReturn<z.input<S>, unknown, z.output<S>>;

export interface FormProps<S extends FormSchema> {
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /**
   * Gets the parsed values. Resolve only when the data is durable (guarantee 1); throwing shows a
   * general error, and `form.setError` can put a message on a field.
   */
  onSubmit: (values: z.output<S>, form: FormApi<S>) => void | Promise<void>;
  children: (form: FormApi<S>) => ReactNode;
  submitLabel?: string;
  /** Extra buttons next to the submit button, such as "Annuleren". */
  secondary?: ReactNode;
  'aria-labelledby'?: string;
}

export function Form<S extends FormSchema>(props: FormProps<S>) {
  const { schema, defaultValues, onSubmit, children, secondary } = props;
  const form: FormApi<S> = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues,
  });
  const summaryId = useId();
  const { errors, isSubmitting, submitCount } = form.formState;
  const heeftFouten = submitCount > 0 && Object.keys(errors).some((k) => k !== 'root');

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values, form);
    } catch (error) {
      console.error(error);
      form.setError('root', { message: nl.algemeen.opslaanMislukt });
    }
  });

  return (
    <form
      className="formulier"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby={props['aria-labelledby']}
      aria-describedby={heeftFouten ? summaryId : undefined}
    >
      {heeftFouten && (
        <p id={summaryId} className="formulier-melding" role="alert">
          {nl.algemeen.formulierFouten}
        </p>
      )}
      {errors.root?.message && (
        <p className="formulier-melding" role="alert">
          {errors.root.message}
        </p>
      )}
      {children(form)}
      <div className="knoppen formulier-knoppen">
        <button type="submit" className="knop knop-primair" disabled={isSubmitting}>
          {isSubmitting ? nl.algemeen.bezigMetOpslaan : (props.submitLabel ?? nl.algemeen.opslaan)}
        </button>
        {secondary}
      </div>
    </form>
  );
}
