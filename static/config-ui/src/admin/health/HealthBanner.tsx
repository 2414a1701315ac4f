import { Stack, Text } from '@atlaskit/primitives';
import type { HealthCheckView } from '../../../../../src/entry/resolvers/api';
import { ActionMessage } from '../../components/ActionMessage';

/**
 * The page-level alarm: every red check with its cause, and what fixes it, above the tabs so nobody misses an
 * outage whichever tab is open.
 */
export function HealthBanner({
  checks,
  onOpenHealth,
}: {
  checks: HealthCheckView[];
  /** Absent while the Health tab is open. */
  onOpenHealth?: () => void;
}) {
  const red = checks.filter((check) => check.level === 'red');
  if (red.length === 0) return null;
  const title =
    red.length === 1 ? `Action needed: ${red[0]?.label}` : `Action needed: ${red.length} parts of the sync need you`;
  // Two checks often share one cause (a wrong secret): each fix is said once, in its fullest wording.
  const actions = [...new Set(red.flatMap((check) => (check.action ? [check.action] : [])))];
  const fixes = actions.filter((action) => !actions.some((other) => other !== action && other.includes(action)));
  return (
    <ActionMessage
      appearance="error"
      title={title}
      testId="health-banner"
      action={onOpenHealth ? { label: 'Open Health', onClick: onOpenHealth } : undefined}
    >
      <Stack space="space.100">
        {red.map((check) => (
          <Text as="p" key={check.key}>
            {red.length > 1 ? <Text weight="semibold">{check.label}: </Text> : null}
            {check.summary}
          </Text>
        ))}
        {fixes.map((fix) => (
          <Text as="p" key={fix} testId="health-banner-fix">
            <Text weight="semibold">What to do: </Text>
            {fix}
          </Text>
        ))}
      </Stack>
    </ActionMessage>
  );
}
