import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useState } from 'react';
import type { BackfillView } from '../../../../../src/entry/resolvers/api';
import { useResolver } from '../../api/use-resolver';
import { CardForm } from '../../components/CardForm';
import { RunProgress } from '../../components/RunProgress';
import { SectionCard } from '../../components/SectionCard';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { SubmitStatus } from '../../components/SubmitStatus';
import { TextInputField } from '../../components/TextInputField';
import { useSubmit } from '../../components/use-submit';
import { formatDateTime, plural, utcDay } from '../../format';
import { usePageContext } from '../../page-context';

const POLL_MS = 2_000;
const DAY_MS = 24 * 60 * 60_000;
/** What the date field suggests: the last 90 days. */
const DEFAULT_DAYS_BACK = 90;

const STATE_TEXT: Record<BackfillView['state'], string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Stopped',
  cancelled: 'Cancelled',
};

function Progress({ backfill }: { backfill: BackfillView }) {
  const { timezone } = usePageContext();
  return (
    <RunProgress name="backfill" run={backfill} stateTexts={STATE_TEXT} counted={`invoices from ${backfill.fromDate}`}>
      <Text color="color.text.subtle" testId="backfill-summary">
        {plural(backfill.created, 'new issue', 'new issues')}; {backfill.alreadyInJira ?? 0} already in Jira;{' '}
        {backfill.skipped} skipped
        {backfill.skipped > 0 ? ' (listed under Activity)' : ''}. Started {formatDateTime(backfill.startedAt, timezone)}
        {backfill.finishedAt !== undefined
          ? `, ${backfill.state === 'cancelled' ? 'cancelled' : 'finished'} ${formatDateTime(backfill.finishedAt, timezone)}`
          : ''}
        .
      </Text>
    </RunProgress>
  );
}

/** Imports the Wave invoices from a day on (those already in Jira are left alone), with its progress while it runs. */
export function BackfillCard() {
  const { state, reload, replace } = useResolver('getBackfillProgress');
  const start = useSubmit('startBackfill', {
    title: 'Backfill started',
    description: 'Older invoices are imported in the background; progress shows here.',
  });
  const cancel = useSubmit('cancelBackfill', {
    title: 'Backfill cancelled',
    description: 'Issues created so far stay; start it again from the same day to resume.',
  });
  const serverNow = state.data?.serverNow;
  const [fromDate, setFromDate] = useState<string | undefined>();
  const backfill = state.data?.backfill ?? null;
  const running = backfill?.state === 'running';
  // An unfinished run's own day resumes it; otherwise the last 90 days by the server's clock (which may be ahead of
  // the browser's).
  const suggested =
    backfill && backfill.state !== 'done'
      ? backfill.fromDate
      : serverNow !== undefined
        ? utcDay(serverNow - DEFAULT_DAYS_BACK * DAY_MS)
        : '';
  const shownDate = fromDate ?? suggested;

  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  const run = (day: string) => start.submit({ fromDate: day }, replace);
  const stop = () => cancel.submit({}, replace);

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
        {running ? (
          <Box>
            <Button onClick={() => void stop()} isLoading={cancel.pending} testId="cancel-backfill">
              Cancel backfill
            </Button>
          </Box>
        ) : null}
        <SubmitStatus status={cancel.status} />
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
        {serverNow !== undefined ? (
          <CardForm
            onSubmit={() => run(shownDate)}
            submit={{
              label: backfill?.state === 'cancelled' ? 'Start again' : 'Start backfill',
              pending: start.pending,
              appearance: backfill?.state === 'failed' ? 'default' : 'primary',
              isDisabled: running,
              testId: 'start-backfill',
              status: start.status,
            }}
          >
            <TextInputField
              id="backfill-from"
              label="Import invoices from"
              isRequired
              hint="A day (UTC): invoices created or changed on or after it."
              input={{ form: start, name: 'fromDate', value: shownDate, setValue: setFromDate }}
              type="date"
              width="medium"
              max={utcDay(serverNow)}
              isDisabled={running}
            />
          </CardForm>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
