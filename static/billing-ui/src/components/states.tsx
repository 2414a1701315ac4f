import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ResolverError } from '../../../../src/entry/resolvers/billing/api';

export { LoadingBlock } from './start-states';

/** What each refusal means for the person looking, and what they can do. */
const TITLES: Record<ResolverError['code'], string> = {
  FORBIDDEN: 'You do not have access',
  INVALID_INPUT: 'This cannot be shown here',
  NOT_CONFIGURED: 'The Wave connection needs attention',
  NOT_FOUND: 'Not found',
  CONFLICT: 'This issue points at another invoice',
  UNAVAILABLE: 'Jira or Wave is busy',
  UPSTREAM: 'Jira or Wave answered with a problem',
  INTERNAL: 'Something went wrong',
};

const RETRYABLE = new Set<ResolverError['code']>(['UNAVAILABLE', 'UPSTREAM', 'INTERNAL', 'NOT_CONFIGURED']);

/** A resolver's refusal, with "Try again" where trying again can help. */
export function ErrorMessage({ error, onRetry }: { error: ResolverError; onRetry?: () => void }) {
  const retry = onRetry && RETRYABLE.has(error.code);
  return (
    <SectionMessage
      appearance={error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' ? 'warning' : 'error'}
      title={TITLES[error.code]}
      testId="error-message"
      actions={
        retry
          ? [
              <SectionMessageAction key="retry" onClick={onRetry}>
                Try again
              </SectionMessageAction>,
            ]
          : []
      }
    >
      <Text as="p">{error.message}</Text>
    </SectionMessage>
  );
}

/** Nothing to show, and what would make something appear. */
export function EmptyNote({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <Box testId={testId ?? 'empty'} padding="space.100">
      <Stack space="space.050">
        <Text weight="semibold">{title}</Text>
        {children ? (
          <Text as="p" color="color.text.subtle" size="small">
            {children}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}
