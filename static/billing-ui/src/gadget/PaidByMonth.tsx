import { token } from '@atlaskit/tokens';
import type { CurrencyReceivablesView } from '../../../../src/entry/resolvers/billing/api';
import { formatMoney, formatMonth } from '../format';
import { BarChart } from './charts';

/** Paid this month against last month, in one currency. */
export function PaidByMonth({
  row,
  thisMonth,
  lastMonth,
}: {
  row: CurrencyReceivablesView;
  thisMonth: string;
  lastMonth: string;
}) {
  const months = [
    { label: formatMonth(thisMonth), value: row.paidThisMonthMinor, colour: token('color.chart.green.bold') },
    { label: formatMonth(lastMonth), value: row.paidLastMonthMinor, colour: token('color.chart.gray.bold') },
  ];
  const bars = months.map((month) => ({ ...month, display: formatMoney(month.value, row.currency) }));
  return (
    <BarChart
      testId="paid-chart"
      summary={`Paid in ${row.currency}: ${bars.map((bar) => `${bar.label} ${bar.display}`).join(', ')}.`}
      bars={bars}
    />
  );
}
