export { Form, type FormApi, type FormProps, type FormSchema } from './Form.tsx';
export {
  CheckboxField,
  DateField,
  GemeenteField,
  RadioGroup,
  SelectField,
  TekstVak,
  TextAreaField,
  TextField,
  gemeenteLabel,
  vindGemeente,
  type SelectOption,
} from './fields.tsx';
