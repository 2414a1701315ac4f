import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { router } from '@forge/bridge';
import { useState } from 'react';
import type { ActivityGroupView, DeliveryOutcome } from '../../../../../src/entry/resolvers/api';
import { callResolver } from '../../api/resolver-call';
import { useResolver } from '../../api/use-resolver';
import { SectionCard } from '../../components/SectionCard';
import { EmptyState, ErrorMessage } from '../../components/states';
import { SubmitStatus } from '../../components/SubmitStatus';
import type { SubmitStatus as Status } from '../../components/use-submit';
import { formatDateTime, relativeTime } from '../../format';
import { usePageContext } from '../../page-context';
import { OUTCOME_LABEL, OUTCOME_LOZENGE, OUTCOMES } from './outcomes';

interface FilterOption {
  label: string;
  value: DeliveryOutcome | '';
}

const FILTERS: FilterOption[] = [
  { label: 'All outcomes', value: '' },
  ...OUTCOMES.map((outcome) => ({ label: `Ended ${OUTCOME_LABEL[outcome].toLowerCase()}`, value: outcome })),
];
const HEAD = {
  cells: [
    { key: 'time', content: 'When', width: 15 },
    { key: 'type', content: 'Event', width: 15 },
    { key: 'outcome', content: 'Outcome', width: 13 },
    { key: 'invoice', content: 'Invoice', width: 9 },
    { key: 'issue', content: 'Issue', width: 9 },
    { key: 'reason', content: 'Details' },
  ],
};
const SOURCE_LABEL: Record<string, string> = {
  webhook: "Wave's webhook",
  poll: 'Five-minute poll',
  import: 'Import',
  replay: 'Replay',
  test: 'Test event',
  keeper: 'Hourly keeper',
  jira: 'Jira',
};
const filterStyles = xcss({ width: '14rem' });
const wrap = xcss({ overflowWrap: 'anywhere' });

function IssueLink({ issueKey }: { issueKey: string }) {
  const { siteUrl } = usePageContext();
  const url = `${siteUrl}/browse/${encodeURIComponent(issueKey)}`;
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        void router.open(url).catch(() => window.open(url, '_blank', 'noopener'));
      }}
    >
      {issueKey}
    </a>
  );
}

/** "5 min ago", with the date and time (in the user's Jira time zone) as its title. */
function When({ group, serverNow }: { group: ActivityGroupView; serverNow: number }) {
  const { timezone } = usePageContext();
  const first = relativeTime(group.firstAt, serverNow);
  const last = relativeTime(group.lastAt, serverNow);
  return (
    <Stack space="space.025">
      <span title={formatDateTime(group.lastAt, timezone)}>
        <Text>{last}</Text>
      </span>
      <Text size="small" color="color.text.subtlest">
        {group.attempts > 1 && first !== last ? `first ${first}` : formatDateTime(group.lastAt, timezone)}
      </Text>
    </Stack>
  );
}

/** The latest events, one row per event however many times Wave delivered it; failed ones can be replayed. */
export function DeliveriesTable({ onChanged }: { onChanged: () => void }) {
  const [outcome, setOutcome] = useState<DeliveryOutcome | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useResolver('listActivity', {
    limit: 20,
    ...(outcome ? { outcome } : {}),
    ...(cursor ? { cursor } : {}),
  });
  const [replaying, setReplaying] = useState<string | undefined>();
  const [replayStatus, setReplayStatus] = useState<Status | undefined>();

  const replay = async (group: ActivityGroupView) => {
    if (!group.eventId) return;
    setReplaying(group.eventId);
    setReplayStatus(undefined);
    const answer = await callResolver('replayDelivery', { eventId: group.eventId });
    setReplaying(undefined);
    if (!answer.ok) {
      setReplayStatus({ kind: 'error', error: answer.error });
      return;
    }
    const failed = ['failed', 'unavailable', 'refused'].includes(answer.data.outcome);
    setReplayStatus(
      failed
        ? { kind: 'error', error: { code: 'UPSTREAM', message: answer.data.message } }
        : { kind: 'success', title: 'Replayed', description: answer.data.message },
    );
    setCursors([]);
    void page.reload();
    onChanged();
  };

  const serverNow = page.state.data?.serverNow ?? 0;
  const groups = page.state.data?.groups ?? [];
  const rows = groups.map((group) => ({
    key: group.key,
    cells: [
      { key: 'time', content: <When group={group} serverNow={serverNow} /> },
      {
        key: 'type',
        content: (
          <Stack space="space.025">
            <Text>{group.eventType ?? '—'}</Text>
            {group.source ? (
              <Text size="small" color="color.text.subtlest">
                {SOURCE_LABEL[group.source] ?? group.source}
              </Text>
            ) : null}
          </Stack>
        ),
      },
      {
        key: 'outcome',
        content: (
          <Stack space="space.025">
            <Lozenge appearance={OUTCOME_LOZENGE[group.outcome]}>{OUTCOME_LABEL[group.outcome]}</Lozenge>
            {group.attempts > 1 ? (
              <Text size="small" color="color.text.subtle" testId="group-attempts">
                {group.attempts} attempts
              </Text>
            ) : null}
          </Stack>
        ),
      },
      { key: 'invoice', content: group.invoiceNumber ?? '—' },
      { key: 'issue', content: group.issueKey ? <IssueLink issueKey={group.issueKey} /> : '—' },
      {
        key: 'reason',
        content: (
          <Stack space="space.100">
            {group.reason ? (
              <Box xcss={wrap}>
                <Text size="small">{group.reason}</Text>
              </Box>
            ) : null}
            {group.whatToDo ? (
              <Box xcss={wrap}>
                <Text size="small" color="color.text.subtle" testId="what-to-do">
                  <Text size="small" weight="semibold">
                    What to do:
                  </Text>{' '}
                  {group.whatToDo}
                </Text>
              </Box>
            ) : null}
            {group.replayable ? (
              <Box>
                <Button
                  appearance="default"
                  spacing="compact"
                  isLoading={replaying === group.eventId}
                  onClick={() => void replay(group)}
                  testId="replay-delivery"
                >
                  Replay
                </Button>
              </Box>
            ) : null}
          </Stack>
        ),
      },
    ],
  }));

  return (
    <SectionCard
      title="Latest events"
      testId="deliveries"
      description="One row per event: Wave retries a delivery until the app accepts it, and every attempt is counted in its row."
      actions={
        <Inline space="space.100" alignBlock="center">
          <Box xcss={filterStyles}>
            <Select
              inputId="activity-outcome-filter"
              aria-label="Filter by outcome"
              options={FILTERS}
              value={FILTERS.find((option) => option.value === outcome) ?? FILTERS[0]}
              onChange={(option) => {
                setOutcome(option?.value ?? '');
                setCursors([]);
              }}
            />
          </Box>
          <Button
            onClick={() => {
              setCursors([]);
              void page.reload();
              onChanged();
            }}
            isLoading={page.state.status === 'ready' && page.state.refreshing}
          >
            Refresh
          </Button>
        </Inline>
      }
    >
      <Stack space="space.200">
        <SubmitStatus status={replayStatus} />
        {page.state.status === 'error' ? (
          <ErrorMessage error={page.state.error} onRetry={() => void page.reload()} />
        ) : null}
        {page.state.status !== 'error' && page.state.status !== 'loading' && groups.length === 0 ? (
          <EmptyState
            title={outcome ? `No event ended ${OUTCOME_LABEL[outcome].toLowerCase()}` : 'No deliveries yet'}
            testId="no-deliveries"
          >
            {outcome
              ? 'Choose another outcome to see more.'
              : 'Deliveries appear here as Wave sends them. Try "Send test event" under Webhooks.'}
          </EmptyState>
        ) : (
          <DynamicTable
            head={HEAD}
            rows={rows}
            isLoading={page.state.status === 'loading'}
            emptyView={<Text>Loading…</Text>}
            testId="deliveries-table"
          />
        )}
        <Inline space="space.100">
          {cursors.length > 0 ? (
            <Button onClick={() => setCursors((previous) => previous.slice(0, -1))}>Newer</Button>
          ) : null}
          {page.state.data?.nextCursor ? (
            <Button
              onClick={() => {
                const next = page.state.data?.nextCursor;
                if (next) setCursors((previous) => [...previous, next]);
              }}
            >
              Older
            </Button>
          ) : null}
        </Inline>
      </Stack>
    </SectionCard>
  );
}
