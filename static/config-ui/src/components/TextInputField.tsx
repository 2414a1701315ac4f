import Textfield, { type TextFieldProps } from '@atlaskit/textfield';
import { useEffect, useState, type ReactNode } from 'react';
import { Field } from './Field';
import type { SubmitStatus } from './use-submit';

/** The part of a `useSubmit` form a field needs: its server-side error, cleared as soon as the person types. */
export interface FieldErrors {
  fieldErrors: Record<string, string>;
  clearFieldError: (field: string) => void;
}

/** A text field's value in a `useSubmit` form, and the payload field (`name`) whose server-side error it shows. */
export interface TextInput {
  form: FieldErrors;
  name: string;
  value: string;
  setValue: (value: string) => void;
}

/** The state of one text field of `form`, for the payload field `name`. */
export function useTextInput(form: FieldErrors, name: string, initial = ''): TextInput {
  const [value, setValue] = useState(initial);
  return { form, name, value, setValue };
}

/** A secret's field state: what was typed is forgotten as soon as the form reports it stored (its success status). */
export function useSecretInput(form: FieldErrors & { status?: SubmitStatus }, name: string): TextInput {
  const input = useTextInput(form, name);
  const { setValue } = input;
  useEffect(() => {
    if (form.status?.kind === 'success') setValue('');
  }, [form.status, setValue]);
  return input;
}

/** The number typed; NaN when the field is empty, so the server's check names the field. */
export function numberOf(input: TextInput): number {
  return input.value.trim() === '' ? Number.NaN : Number(input.value);
}

type TextInputFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  isRequired?: boolean;
  input: TextInput;
} & Omit<TextFieldProps, 'id' | 'name' | 'form' | 'value' | 'onChange' | 'isInvalid' | 'isRequired'>;

/**
 * A labelled text field of a form: shows the form's error for its input's `name` and clears it on the first
 * keystroke. Other props (`type`, `min`, `width`, `isDisabled`...) go to the Textfield.
 */
export function TextInputField({ id, label, hint, isRequired, input, ...textfield }: TextInputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} isRequired={isRequired} error={input.form.fieldErrors[input.name]}>
      {(props) => (
        <Textfield
          {...props}
          {...textfield}
          value={input.value}
          onChange={(event) => {
            input.setValue(event.currentTarget.value);
            input.form.clearFieldError(input.name);
          }}
        />
      )}
    </Field>
  );
}

/** A credential typed in to be stored: hidden, and never filled in by the browser's password manager. */
export function SecretInputField(props: TextInputFieldProps) {
  return <TextInputField {...props} type="password" autoComplete="new-password" />;
}

/** A required whole number within bounds (minutes, hours), in a small field. */
export function NumberInputField(props: TextInputFieldProps & { min: number; max: number }) {
  return <TextInputField {...props} isRequired type="number" width="small" />;
}
