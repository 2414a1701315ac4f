import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  isInvalid: boolean;
}

interface FieldProps {
  id: string;
  label: string;
  /** Help shown under the control. */
  hint?: ReactNode;
  /** The server's or the form's message; replaces nothing, is announced. */
  error?: string;
  isRequired?: boolean;
  children: (props: FieldControlProps) => ReactNode;
}

const labelStyles = xcss({ font: 'font.body.small', fontWeight: 'font.weight.semibold', color: 'color.text.subtle' });
/** Reserves one line for the message so showing it does not move the form. */
const messageSlot = xcss({ minHeight: '1.25rem' });

/** A labelled control with its hint and inline validation message, wired for screen readers. */
export function Field({ id, label, hint, error, isRequired, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <Stack space="space.050">
      <Box as="label" htmlFor={id} xcss={labelStyles}>
        {label}
        {isRequired ? (
          <span aria-hidden="true" style={{ color: token('color.text.danger') }}>
            {' *'}
          </span>
        ) : null}
      </Box>
      {children({
        id,
        isInvalid: Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint ? (
        <Text id={hintId} size="small" color="color.text.subtlest">
          {hint}
        </Text>
      ) : null}
      <Box xcss={messageSlot}>
        {error ? (
          <Text id={errorId} size="small" color="color.text.danger" role="alert">
            {error}
          </Text>
        ) : null}
      </Box>
    </Stack>
  );
}
