import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { router } from '@forge/bridge';
import { useState } from 'react';
import type { ActivityEntryView, DeliveryOutcome } from '../../../../../src/entry/resolvers/api';
import { callResolver } from '../../api/resolver-call';
import { useResolver } from '../../api/use-resolver';
import { SectionCard } from '../../components/SectionCard';
import { EmptyState, ErrorMessage } from '../../components/states';
import { useNotify } from '../../components/notify';
import { formatDateTime } from '../../format';
import { usePageContext } from '../../page-context';
import { OUTCOME_LABEL, OUTCOME_LOZENGE, OUTCOMES } from './outcomes';

interface FilterOption {
  label: string;
  value: DeliveryOutcome | '';
}

const FILTERS: FilterOption[] = [
  { label: 'All outcomes', value: '' },
  ...OUTCOMES.map((outcome) => ({ label: OUTCOME_LABEL[outcome], value: outcome })),
];
const HEAD = {
  cells: [
    { key: 'time', content: 'Time', width: 18 },
    { key: 'type', content: 'Event', width: 16 },
    { key: 'outcome', content: 'Outcome', width: 12 },
    { key: 'invoice', content: 'Invoice', width: 10 },
    { key: 'issue', content: 'Issue', width: 10 },
    { key: 'reason', content: 'Details' },
  ],
};
const filterStyles = xcss({ width: '14rem' });
const reasonStyles = xcss({ overflowWrap: 'anywhere' });

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

/** The latest deliveries, filterable by outcome; failed ones can be replayed. */
export function DeliveriesTable({ onChanged }: { onChanged: () => void }) {
  const { timezone } = usePageContext();
  const notify = useNotify();
  const [outcome, setOutcome] = useState<DeliveryOutcome | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const page = useResolver('listActivity', {
    limit: 20,
    ...(outcome ? { outcome } : {}),
    ...(cursor ? { cursor } : {}),
  });
  const [replaying, setReplaying] = useState<string | undefined>();

  const replay = async (entry: ActivityEntryView) => {
    if (!entry.eventId) return;
    setReplaying(entry.eventId);
    const answer = await callResolver('replayDelivery', { eventId: entry.eventId });
    setReplaying(undefined);
    if (answer.ok) {
      (answer.data.outcome === 'failed' || answer.data.outcome === 'rejected' ? notify.error : notify.success)(
        'Replay finished',
        answer.data.message,
      );
      setCursors([]);
      void page.reload();
      onChanged();
    } else notify.error('Replay not possible', answer.error.message);
  };

  const entries = page.state.data?.entries ?? [];
  const rows = entries.map((entry, index) => ({
    key: `${entry.receivedAt}-${entry.eventId ?? index}`,
    cells: [
      { key: 'time', content: formatDateTime(entry.receivedAt, timezone) },
      { key: 'type', content: <Text>{entry.eventType ?? '—'}</Text> },
      {
        key: 'outcome',
        content: <Lozenge appearance={OUTCOME_LOZENGE[entry.outcome]}>{OUTCOME_LABEL[entry.outcome]}</Lozenge>,
      },
      { key: 'invoice', content: entry.invoiceNumber ?? '—' },
      { key: 'issue', content: entry.issueKey ? <IssueLink issueKey={entry.issueKey} /> : '—' },
      {
        key: 'reason',
        content: (
          <Inline space="space.100" alignBlock="center" spread="space-between">
            <Box xcss={reasonStyles}>
              <Text size="small">{entry.reason ?? ''}</Text>
            </Box>
            {entry.replayable ? (
              <Button
                appearance="default"
                spacing="compact"
                isLoading={replaying === entry.eventId}
                onClick={() => void replay(entry)}
                testId="replay-delivery"
              >
                Replay
              </Button>
            ) : null}
          </Inline>
        ),
      },
    ],
  }));

  return (
    <SectionCard
      title="Latest deliveries"
      testId="deliveries"
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
        {page.state.status === 'error' ? (
          <ErrorMessage error={page.state.error} onRetry={() => void page.reload()} />
        ) : null}
        {page.state.status !== 'error' && page.state.status !== 'loading' && entries.length === 0 ? (
          <EmptyState
            title={outcome ? `No ${OUTCOME_LABEL[outcome].toLowerCase()} deliveries` : 'No deliveries yet'}
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
