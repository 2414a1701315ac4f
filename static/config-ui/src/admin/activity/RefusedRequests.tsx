import { Stack, Text } from '@atlaskit/primitives';
import type { RefusalSummaryView } from '../../../../../src/entry/resolvers/api';
import { formatDateTime, relativeTime } from '../../format';
import { usePageContext } from '../../page-context';

/** Reasons in words, for the reasons the intake names (others are shown as they are). */
const REASONS: Record<string, string> = {
  missing_header: 'no signature',
  malformed_header: 'an unreadable signature',
  signature_mismatch: 'a signature that does not match the secret',
  timestamp_too_old: 'a signature more than five minutes old',
  timestamp_in_future: 'a signature dated in the future',
  timestamp_header_invalid: 'an unreadable signature time',
  no_secret_configured: 'no signing secret set here',
  method_not_allowed: 'a method other than POST',
  payload_too_large: 'a body too large',
};

const reasonText = (reason: string): string => (Object.hasOwn(REASONS, reason) ? (REASONS[reason] as string) : reason);

/** Requests refused before their signature was proven: counted, never listed one by one. */
export function RefusedRequests({ refusals, serverNow }: { refusals: RefusalSummaryView; serverNow: number }) {
  const { timezone } = usePageContext();
  if (refusals.total === 0)
    return (
      <Text color="color.text.subtle" testId="refusals">
        No request was refused in the last 24 hours.
      </Text>
    );
  const reasons = Object.entries(refusals.byReason).sort((a, b) => b[1] - a[1]);
  return (
    <Stack space="space.100" testId="refusals">
      <Text>
        <Text weight="semibold">{refusals.total}</Text> {refusals.total === 1 ? 'request was' : 'requests were'} refused
        in the last 24 hours
        {refusals.lastAt !== undefined
          ? `, the last ${relativeTime(refusals.lastAt, serverNow)} (${formatDateTime(refusals.lastAt, timezone)})`
          : ''}
        . They changed nothing.
      </Text>
      <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
        {reasons.map(([reason, count]) => (
          <li key={reason}>
            <Text>
              {count} with {reasonText(reason)}
            </Text>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
