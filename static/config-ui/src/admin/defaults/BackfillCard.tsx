import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import type { BackfillView } from '../../../../../src/entry/resolvers/api';
import { useResolver } from '../../api/use-resolver';
import { CardForm } from '../../components/CardForm';
import { Field } from '../../components/Field';
import { SectionCard } from '../../components/SectionCard';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime } from '../../format';
import { usePageContext } from '../../page-context';

const POLL_MS = 2_000;
const DAY_MS = 24 * 60 * 60_000;
/** What the date field suggests: the last 90 days. */
const DEFAULT_DAYS_BACK = 90;

const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

const STATE_LOZENGE: Record<BackfillView['state'], { text: string; appearance: 'inprogress' | 'success' | 'removed' }> =
  {
    running: { text: 'Running', appearance: 'inprogress' },
    done: { text: 'Done', appearance: 'success' },
    failed: { text: 'Stopped', appearance: 'removed' },
  };

const track = xcss({
  height: '0.5rem',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral',
  overflow: 'hidden',
});
const bar = xcss({ height: '100%', backgroundColor: 'color.background.brand.bold' });

function Progress({ backfill }: { backfill: BackfillView }) {
  const { timezone } = usePageContext();
  const lozenge = STATE_LOZENGE[backfill.state];
  const percent =
    backfill.total > 0
      ? Math.min(100, Math.round((backfill.done / backfill.total) * 100))
      : backfill.state === 'done'
        ? 100
        : 0;
  return (
    <Stack space="space.100" testId="backfill-progress">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={lozenge.appearance} testId="backfill-state">
          {lozenge.text}
        </Lozenge>
        <Text weight="semibold">
          <span data-testid="backfill-count">{`${backfill.done} / ${backfill.total}`}</span> invoices from{' '}
          {backfill.fromDate}
        </Text>
      </Inline>
      <Box
        xcss={track}
        role="progressbar"
        aria-label="Backfill progress"
        aria-valuemin={0}
        aria-valuemax={backfill.total}
        aria-valuenow={backfill.done}
      >
        <Box xcss={bar} style={{ width: `${percent}%` }} />
      </Box>
      <Text color="color.text.subtle">
        {backfill.created} new {backfill.created === 1 ? 'issue' : 'issues'}; {backfill.skipped} skipped
        {backfill.skipped > 0 ? ' (listed under Activity)' : ''}. Started {formatDateTime(backfill.startedAt, timezone)}
        {backfill.finishedAt !== undefined ? `, finished ${formatDateTime(backfill.finishedAt, timezone)}` : ''}.
      </Text>
    </Stack>
  );
}

/** Imports the Wave invoices from a day on (those already in Jira are left alone), with its progress while it runs. */
export function BackfillCard() {
  const { state, reload, replace } = useResolver('getBackfillProgress');
  const start = useSubmit('startBackfill', {
    title: 'Backfill started',
    description: 'Older invoices are imported in the background; progress shows here.',
  });
  const [fromDate, setFromDate] = useState(() => utcDay(Date.now() - DEFAULT_DAYS_BACK * DAY_MS));
  const backfill = state.data?.backfill ?? null;
  const running = backfill?.state === 'running';

  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const run = async (day: string) => {
    const answer = await start.submit({ fromDate: day });
    if (answer.ok) replace(answer.data);
  };

  return (
    <SectionCard
      title="Import older invoices"
      testId="backfill"
      description="Creates the Jira issues of Wave invoices created or changed on or after a day. Invoices already in Jira are left alone, so running it again creates nothing twice."
    >
      <Stack space="space.200">
        {state.status === 'loading' ? <LoadingBlock label="Loading the backfill's progress" minHeight="4rem" /> : null}
        {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void reload()} /> : null}
        {backfill ? <Progress backfill={backfill} /> : null}
        {backfill?.state === 'failed' ? (
          <SectionMessage appearance="error" title="The backfill stopped" testId="backfill-error">
            <Stack space="space.100">
              <Text as="p">{backfill.lastError ?? 'No reason was recorded.'}</Text>
              <Box>
                <Button
                  appearance="primary"
                  onClick={() => void run(backfill.fromDate)}
                  isLoading={start.pending}
                  testId="resume-backfill"
                >
                  Resume
                </Button>
              </Box>
            </Stack>
          </SectionMessage>
        ) : null}
        <CardForm
          onSubmit={() => run(fromDate)}
          submit={{
            label: 'Start backfill',
            pending: start.pending,
            appearance: backfill?.state === 'failed' ? 'default' : 'primary',
            isDisabled: running,
            testId: 'start-backfill',
          }}
        >
          <Field
            id="backfill-from"
            label="Import invoices from"
            isRequired
            error={start.fieldErrors.fromDate}
            hint="A day (UTC): invoices created or changed on or after it."
          >
            {(props) => (
              <Textfield
                {...props}
                type="date"
                width="medium"
                max={utcDay(Date.now())}
                value={fromDate}
                isDisabled={running}
                onChange={(event) => {
                  setFromDate(event.currentTarget.value);
                  start.clearFieldError('fromDate');
                }}
              />
            )}
          </Field>
        </CardForm>
      </Stack>
    </SectionCard>
  );
}
