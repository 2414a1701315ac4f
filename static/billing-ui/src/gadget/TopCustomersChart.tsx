import { token } from '@atlaskit/tokens';
import type { CustomerOutstandingView } from '../../../../src/entry/resolvers/billing/api';
import { formatMoney } from '../format';
import { BarChart } from './charts';

/** The customers owing most in one currency. */
export function TopCustomersChart({ customers, currency }: { customers: CustomerOutstandingView[]; currency: string }) {
  const summary = `Top customers by ${currency} outstanding: ${customers
    .map((customer) => `${customer.name} ${formatMoney(customer.outstandingMinor, currency)}`)
    .join(', ')}.`;
  return (
    <BarChart
      testId="top-customers-chart"
      summary={summary}
      bars={customers.map((customer) => ({
        label: customer.name,
        value: customer.outstandingMinor,
        display: formatMoney(customer.outstandingMinor, currency),
        colour: customer.overdueMinor > 0 ? token('color.chart.orange.bold') : token('color.chart.blue.bold'),
      }))}
    />
  );
}
