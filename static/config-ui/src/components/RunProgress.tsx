import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import { ProgressBar } from './ProgressBar';

export type RunState = 'running' | 'done' | 'failed' | 'cancelled';

const APPEARANCE: Record<RunState, 'inprogress' | 'success' | 'removed' | 'default'> = {
  running: 'inprogress',
  done: 'success',
  failed: 'removed',
  cancelled: 'default',
};

/**
 * A background run (an import, applying a mapping) as it stands: its state, `done / total` with what they count,
 * a progress bar, and the run's own summary below. Test ids `<name>-progress`, `<name>-state`, `<name>-count`.
 */
export function RunProgress<S extends RunState>({
  name,
  run: { state, done, total },
  stateTexts,
  counted,
  children,
}: {
  name: string;
  run: { state: S; done: number; total: number };
  /** The words for each state the run can be in. */
  stateTexts: Record<S, string>;
  /** What `done / total` counts, after the numbers: "invoices from 2026-01-01". */
  counted: string;
  children?: ReactNode;
}) {
  // Until its first page a run does not know how much there is to do: "0 / 0" would read as "nothing to do".
  const counting = state === 'running' && total === 0;
  const stateText = stateTexts[state];
  return (
    <Stack space="space.100" testId={`${name}-progress`}>
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={APPEARANCE[state]} testId={`${name}-state`}>
          {stateText}
        </Lozenge>
        <Text weight="semibold">
          <span data-testid={`${name}-count`}>{counting ? 'Counting' : `${done} / ${total}`}</span> {counted}
        </Text>
      </Inline>
      <ProgressBar label={`${stateText}: ${counted}`} done={done} total={total} finished={state === 'done'} />
      {children}
    </Stack>
  );
}
