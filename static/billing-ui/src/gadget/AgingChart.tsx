import { token } from '@atlaskit/tokens';
import type { AgingKeyView, CurrencyReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { formatMoney, formatMoneyShort, plural } from '../format';
import { ColumnChart } from './charts';

/** Later is redder. */
const COLOUR: Record<AgingKeyView, string> = {
  current: token('color.chart.green.bold'),
  days1to30: token('color.chart.yellow.bold'),
  days31to60: token('color.chart.orange.bold'),
  days61to90: token('color.chart.red.bold'),
  over90: token('color.chart.red.boldest'),
};

/** What is owed in one currency, by how far past its due date. */
export function AgingChart({ row }: { row: CurrencyReceivablesView }) {
  const summary = `Aging of ${formatMoney(row.outstandingMinor, row.currency)} owed: ${row.aging
    .map((bucket) => `${bucket.label.toLowerCase()} ${formatMoney(bucket.amountMinor, row.currency)}`)
    .join(', ')}.`;
  return (
    <ColumnChart
      testId="aging-chart"
      summary={summary}
      bars={row.aging.map((bucket) => ({
        label: bucket.label,
        value: bucket.amountMinor,
        display: formatMoneyShort(bucket.amountMinor, row.currency),
        colour: COLOUR[bucket.key],
        detail: plural(bucket.count, 'invoice'),
      }))}
    />
  );
}
