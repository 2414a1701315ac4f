import Button from '@atlaskit/button/new';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { FormEvent, ReactNode } from 'react';
import { SubmitStatus } from './SubmitStatus';
import type { SubmitStatus as Status } from './use-submit';

const WIDTHS = { narrow: xcss({ maxWidth: '32rem' }), wide: xcss({ maxWidth: '36rem' }) };

export interface SubmitButton {
  label: string;
  pending: boolean;
  appearance?: 'primary' | 'default';
  isDisabled?: boolean;
  testId?: string;
  /** The action's outcome, shown under the button. */
  status?: Status;
}

/**
 * A card's form: its fields, then the one button that submits it and what it came to (Enter submits too; the
 * browser's own validation is off).
 */
export function CardForm({
  onSubmit,
  submit,
  width = 'narrow',
  children,
}: {
  onSubmit: () => unknown;
  submit: SubmitButton;
  width?: keyof typeof WIDTHS;
  children: ReactNode;
}) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <Box as="form" xcss={WIDTHS[width]} onSubmit={handle} noValidate>
      <Stack space="space.100">
        {children}
        <Box>
          <Button
            type="submit"
            appearance={submit.appearance ?? 'primary'}
            isLoading={submit.pending}
            isDisabled={submit.isDisabled ?? false}
            testId={submit.testId}
          >
            {submit.label}
          </Button>
        </Box>
        <SubmitStatus status={submit.status} />
      </Stack>
    </Box>
  );
}
