import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../../src/entry/resolvers/api';
import { formatDateTime, relativeTime } from '../../format';
import { usePageContext } from '../../page-context';

/** The access token's health: when it expires and when it was last renewed (by the server's clock); never the token. */
export function TokenHealth({ token, serverNow }: { token: NonNullable<ConnectionView['token']>; serverNow: number }) {
  const { timezone } = usePageContext();
  if (token.kind === 'pasted') {
    return (
      <Inline space="space.100" alignBlock="center" testId="token-health">
        <Lozenge appearance="moved">Development token</Lozenge>
        <Text color="color.text.subtle">
          A pasted full-access token: it does not expire on a schedule and cannot be renewed.
        </Text>
      </Inline>
    );
  }
  const now = serverNow;
  const expired = token.expiresAt !== undefined && token.expiresAt <= now;
  return (
    <Stack space="space.050" testId="token-health">
      <Inline space="space.100" alignBlock="center">
        <Text weight="semibold">Access token</Text>
        <Lozenge appearance={expired ? 'moved' : 'success'}>{expired ? 'Renewed on next use' : 'Valid'}</Lozenge>
      </Inline>
      {token.expiresAt !== undefined ? (
        <Text>
          {expired ? 'Expired' : 'Expires'} {relativeTime(token.expiresAt, now)} (
          {formatDateTime(token.expiresAt, timezone)}). The app renews it automatically.
        </Text>
      ) : null}
      <Text color="color.text.subtle">
        Last renewed:{' '}
        {token.lastRefreshAt !== undefined
          ? `${relativeTime(token.lastRefreshAt, now)} (${formatDateTime(token.lastRefreshAt, timezone)})`
          : 'not recorded yet'}
        .
      </Text>
      {token.scope ? (
        <Text size="small" color="color.text.subtlest">
          Access granted by Wave: {token.scope}
        </Text>
      ) : null}
    </Stack>
  );
}
