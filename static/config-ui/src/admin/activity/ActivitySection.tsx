import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../../api/use-resolver';
import { SectionCard } from '../../components/SectionCard';
import { ErrorMessage, LoadingBlock } from '../../components/states';
import { ActivityChart } from './ActivityChart';
import { DeliveriesTable } from './DeliveriesTable';

/** Activity: deliveries per day, and the latest deliveries with their outcome. */
export function ActivitySection() {
  const chart = useResolver('getActivityChart', { days: 14 });
  return (
    <Stack space="space.300">
      <SectionCard title="Events per day" description="The last 14 days (UTC), by outcome.">
        {chart.state.status === 'loading' ? <LoadingBlock label="Loading the chart" minHeight="12rem" /> : null}
        {chart.state.status === 'error' ? (
          <ErrorMessage error={chart.state.error} onRetry={() => void chart.reload()} />
        ) : null}
        {chart.state.data ? <ActivityChart chart={chart.state.data} /> : null}
      </SectionCard>
      <DeliveriesTable onChanged={() => void chart.reload()} />
    </Stack>
  );
}
