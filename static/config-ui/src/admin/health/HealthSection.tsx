import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { HealthCheckView, HealthLevel, HealthView } from '../../../../../src/entry/resolvers/api';
import type { Loadable } from '../../api/use-resolver';
import { SectionCard } from '../../components/SectionCard';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { formatDateTime } from '../../format';
import { usePageContext } from '../../page-context';

export const HEALTH_LEVEL: Record<HealthLevel, { text: string; appearance: 'success' | 'moved' | 'removed' }> = {
  green: { text: 'OK', appearance: 'success' },
  amber: { text: 'Attention', appearance: 'moved' },
  red: { text: 'Action needed', appearance: 'removed' },
};

const rowStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});
const levelColumn = xcss({ width: '8rem', flexShrink: 0 });

function CheckRow({ check }: { check: HealthCheckView }) {
  const level = HEALTH_LEVEL[check.level];
  return (
    <Box xcss={rowStyles} testId={`health-${check.key}`} data-level={check.level}>
      <Inline space="space.200" alignBlock="start">
        <Box xcss={levelColumn}>
          <Lozenge appearance={level.appearance}>{level.text}</Lozenge>
        </Box>
        <Stack space="space.050">
          <Text weight="semibold">{check.label}</Text>
          <Text>{check.summary}</Text>
          {check.details?.map((line) => (
            <Text key={line} size="small" color="color.text.subtlest">
              {line}
            </Text>
          ))}
          {check.action ? <Text color="color.text.subtle">What to do: {check.action}</Text> : null}
        </Stack>
      </Inline>
    </Box>
  );
}

/** Health: each part of the sync as green, amber or red, with what to do (loaded once for the whole page). */
export function HealthSection({ state, onReload }: { state: Loadable<HealthView>; onReload: () => void }) {
  const { timezone } = usePageContext();
  return (
    <SectionCard
      title="Health"
      testId="health"
      description={state.data ? `Checked ${formatDateTime(state.data.checkedAt, timezone)}.` : 'Checking…'}
      actions={
        <Button
          onClick={onReload}
          isLoading={state.status === 'loading' || (state.status === 'ready' && state.refreshing)}
        >
          Check again
        </Button>
      }
    >
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={onReload} /> : null}
      {state.status === 'loading' ? <LoadingBlock label="Checking the sync's health" minHeight="24rem" /> : null}
      {state.data ? (
        <Stack>
          {state.data.checks.map((check) => (
            <CheckRow key={check.key} check={check} />
          ))}
        </Stack>
      ) : null}
    </SectionCard>
  );
}
