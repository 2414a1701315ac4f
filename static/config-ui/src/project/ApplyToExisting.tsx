import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useState } from 'react';
import type { MappingApplyView, RemapCountView, ResolverError } from '../../../../src/entry/resolvers/api';
import { callResolver } from '../api/resolver-call';
import { RunProgress } from '../components/RunProgress';
import { plural } from '../format';
import { SectionCard } from '../components/SectionCard';
import { ErrorMessage } from '../components/states';
import { SubmitStatus } from '../components/SubmitStatus';
import { useSubmit } from '../components/use-submit';

const POLL_MS = 2_000;

const STATE_TEXT: Record<MappingApplyView['state'], string> = {
  running: 'Moving issues',
  done: 'Done',
  failed: 'Stopped',
};

function ApplyProgress({ apply }: { apply: MappingApplyView }) {
  return (
    <RunProgress name="apply" run={apply} stateTexts={STATE_TEXT} counted="issues looked at">
      <Text color="color.text.subtle" testId="apply-summary">
        {plural(apply.moved, 'issue', 'issues')} moved
        {apply.blocked > 0 ? `; ${apply.blocked} could not be moved` : ''}.
      </Text>
      {apply.problems.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }} data-testid="apply-problems">
          {apply.problems.map((problem) => (
            <li key={problem.issueKey}>
              <Text size="small">
                {problem.issueKey}: {problem.reason}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      {apply.lastError ? <Text color="color.text.danger">{apply.lastError}</Text> : null}
    </RunProgress>
  );
}

/**
 * After a mapping is saved: how many existing issues sit elsewhere than it puts them, and moving them (through the
 * sync's own transition walker, in the background) with a progress bar. `saves` counts the saves of this page.
 */
export function ApplyToExisting({ projectKey, saves }: { projectKey: string; saves: number }) {
  const [count, setCount] = useState<RemapCountView | undefined>();
  const [countError, setCountError] = useState<ResolverError | undefined>();
  const [apply, setApply] = useState<MappingApplyView | null>(null);
  const start = useSubmit('applyMappingToIssues');
  const running = apply?.state === 'running';

  const loadProgress = useCallback(async () => {
    const answer = await callResolver('getMappingApplyProgress', { projectKey });
    if (answer.ok) setApply(answer.data.apply);
  }, [projectKey]);

  useEffect(() => {
    void loadProgress();
  }, [loadProgress]);

  const [counting, setCounting] = useState(false);
  const recount = useCallback(async () => {
    setCount(undefined);
    setCountError(undefined);
    setCounting(true);
    const answer = await callResolver('countIssuesToRemap', { projectKey });
    setCounting(false);
    if (answer.ok) setCount(answer.data);
    else setCountError(answer.error);
  }, [projectKey]);

  useEffect(() => {
    if (saves > 0) void recount();
  }, [saves, recount]);

  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void loadProgress(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, loadProgress]);

  if (saves === 0 && !apply) return null;
  const offer = count && count.toMove > 0 && !running;
  return (
    <SectionCard
      title="Existing issues"
      testId="apply-to-existing"
      description="A saved mapping applies to the next Wave change of each invoice. Issues already in Jira stay where they are until you apply it to them."
    >
      <Stack space="space.200">
        {countError ? <ErrorMessage error={countError} /> : null}
        {counting ? <Text>Counting the issues this mapping would move…</Text> : null}
        {count ? (
          <Text testId="remap-count">
            {count.toMove === 0
              ? `All ${plural(count.examined, 'invoice issue', 'invoice issues')} of ${projectKey} are already where this mapping puts them.`
              : `${count.complete ? '' : 'At least '}${plural(count.toMove, 'issue', 'issues')} of ${count.examined} ${count.toMove === 1 ? 'is' : 'are'} in another status than this mapping puts ${count.toMove === 1 ? 'it' : 'them'}.`}
          </Text>
        ) : null}
        {offer ? (
          <Box>
            <Button
              appearance="primary"
              isLoading={start.pending}
              testId="apply-mapping"
              onClick={async () => {
                const answer = await start.submit({ projectKey });
                if (!answer.ok) return;
                // From here the run's own figures tell what moved (search may not show the moves for a few seconds).
                setCount(undefined);
                setApply(answer.data.apply);
              }}
            >
              Apply to existing issues ({count?.toMove})
            </Button>
          </Box>
        ) : null}
        <SubmitStatus status={start.status} />
        {apply ? <ApplyProgress apply={apply} /> : null}
      </Stack>
    </SectionCard>
  );
}
