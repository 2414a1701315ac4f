import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../../api/use-resolver';
import { SectionCard } from '../../components/SectionCard';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { ActivityChart } from './ActivityChart';
import { DeliveriesTable } from './DeliveriesTable';
import { RefusedRequests } from './RefusedRequests';

/** Activity: deliveries per day, requests refused unverified, and the latest events with their outcome. */
export function ActivitySection() {
  const chart = useResolver('getActivityChart', { days: 14 });
  const refusals = useResolver('getRefusals');
  const reload = () => {
    void chart.reload();
    void refusals.reload();
  };
  return (
    <Stack space="space.300">
      <SectionCard title="Events per day" description="The last 14 days (UTC), by outcome.">
        {chart.state.status === 'loading' ? <LoadingBlock label="Loading the chart" minHeight="12rem" /> : null}
        {chart.state.status === 'error' ? (
          <ErrorMessage error={chart.state.error} onRetry={() => void chart.reload()} />
        ) : null}
        {chart.state.data ? <ActivityChart chart={chart.state.data} /> : null}
      </SectionCard>
      <SectionCard
        title="Refused requests"
        description="Requests to the webhook URL without a valid signature: refused before anything was read, and only counted."
      >
        {refusals.state.status === 'loading' ? <LoadingBlock label="Loading the refusals" minHeight="3rem" /> : null}
        {refusals.state.status === 'error' ? (
          <ErrorMessage error={refusals.state.error} onRetry={() => void refusals.reload()} />
        ) : null}
        {refusals.state.data ? (
          <RefusedRequests refusals={refusals.state.data} serverNow={refusals.state.data.serverNow} />
        ) : null}
      </SectionCard>
      <DeliveriesTable onChanged={reload} />
    </Stack>
  );
}
