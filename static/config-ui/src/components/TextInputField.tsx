import Textfield, { type TextFieldProps } from '@atlaskit/textfield';
import type { ReactNode } from 'react';
import { Field } from './Field';

/** The part of a `useSubmit` form a field needs: its server-side error, cleared as soon as the person types. */
export interface FieldErrors {
  fieldErrors: Record<string, string>;
  clearFieldError: (field: string) => void;
}

/**
 * A labelled text field of a form: shows the form's error for `name` and clears it on the first keystroke. Other
 * props (`type`, `min`, `width`, `isDisabled`...) go to the Textfield.
 */
export function TextInputField({
  id,
  label,
  hint,
  isRequired,
  form,
  name,
  value,
  onValueChange,
  ...input
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  isRequired?: boolean;
  form: FieldErrors;
  /** The payload field the server's error names. */
  name: string;
  value: string;
  onValueChange: (value: string) => void;
} & Omit<TextFieldProps, 'id' | 'name' | 'form' | 'value' | 'onChange' | 'isInvalid' | 'isRequired'>) {
  return (
    <Field id={id} label={label} hint={hint} isRequired={isRequired} error={form.fieldErrors[name]}>
      {(props) => (
        <Textfield
          {...props}
          {...input}
          value={value}
          onChange={(event) => {
            onValueChange(event.currentTarget.value);
            form.clearFieldError(name);
          }}
        />
      )}
    </Field>
  );
}
