import Button from '@atlaskit/button/new';
import Spinner from '@atlaskit/spinner';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ResolverError } from '../../../../src/entry/resolvers/api';
import { ActionMessage } from './ActionMessage';

const loadingStyles = xcss({ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '8rem' });

/** Holds the place of a section while it loads, at about its final size. */
export function LoadingBlock({ label, minHeight }: { label: string; minHeight?: string }) {
  return (
    <Box xcss={loadingStyles} style={minHeight ? { minHeight } : undefined} role="status" aria-live="polite">
      <Spinner size="large" label={label} />
    </Box>
  );
}

const TITLES: Record<ResolverError['code'], string> = {
  FORBIDDEN: 'You do not have access',
  INVALID_INPUT: 'Please check the input',
  NOT_CONFIGURED: 'Something needs to be set up first',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed this',
  UNAVAILABLE: 'Temporarily unavailable',
  UPSTREAM: 'Jira or Wave answered with a problem',
  INTERNAL: 'Something went wrong',
};

export const errorTitle = (error: ResolverError): string => TITLES[error.code];

/** A resolver's refusal as a section message, with a retry where retrying can help. */
export function ErrorMessage({
  error,
  onRetry,
  testId,
}: {
  error: ResolverError;
  onRetry?: () => void;
  testId?: string;
}) {
  const canRetry = onRetry && error.code !== 'FORBIDDEN' && error.code !== 'INVALID_INPUT';
  return (
    <ActionMessage
      appearance={error.code === 'FORBIDDEN' ? 'warning' : 'error'}
      title={errorTitle(error)}
      testId={testId ?? 'error-message'}
      action={canRetry ? { label: 'Try again', onClick: onRetry } : undefined}
    >
      <Text as="p">{error.message}</Text>
    </ActionMessage>
  );
}

const emptyStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'dashed',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.300',
  textAlign: 'center',
});

/** Nothing to show yet, and what would make something appear. */
export function EmptyState({
  title,
  children,
  action,
  testId,
}: {
  title: string;
  children?: ReactNode;
  action?: { label: string; onClick: () => void };
  testId?: string;
}) {
  return (
    <Box xcss={emptyStyles} testId={testId}>
      <Stack space="space.100" alignInline="center">
        <Text weight="semibold">{title}</Text>
        {children ? <Text color="color.text.subtle">{children}</Text> : null}
        {action ? (
          <Button onClick={action.onClick} appearance="default">
            {action.label}
          </Button>
        ) : null}
      </Stack>
    </Box>
  );
}
