/** The receivables gadget's figures from the open invoices and recent payments of the chosen projects. */

import type {
  AgingRowView,
  CustomerOutstandingView,
  OverdueInvoiceView,
  ReceivablesSummaryView,
} from '../../shared/billing-views';
import { AGING_BUCKETS, agingBucketOf } from './aging';
import type { BillingInvoice } from './billing-record';
import { monthOf } from './calendar';
import { emptyTotals, totalsByCurrency } from './currency-totals';
import { isReceivable, lateness } from './open-invoices';
import type { Payment } from './payments';

export interface ReceivablesInput {
  invoices: readonly BillingInvoice[];
  /** Payments of this month and last month (older ones are ignored). */
  payments: readonly Payment[];
  today: string;
  topCustomersPerCurrency?: number;
  overdueListSize?: number;
}

function agingRows(invoices: readonly BillingInvoice[], today: string): AgingRowView[] {
  const rows: AgingRowView[] = AGING_BUCKETS.map((bucket) => ({
    key: bucket.key,
    label: bucket.label,
    amountMinor: 0,
    count: 0,
  }));
  for (const invoice of invoices) {
    const row = rows.find((candidate) => candidate.key === agingBucketOf(lateness(invoice, today)));
    if (!row) continue;
    row.amountMinor += invoice.dueMinor;
    row.count += 1;
  }
  return rows;
}

function topCustomers(
  invoices: readonly BillingInvoice[],
  today: string,
  perCurrency: number,
): CustomerOutstandingView[] {
  const byCustomer = new Map<string, CustomerOutstandingView>();
  for (const invoice of invoices) {
    const name = invoice.customerName ?? 'No customer';
    const key = `${invoice.currency} ${invoice.customerId ?? `name:${name}`}`;
    const row = byCustomer.get(key) ?? {
      customerId: invoice.customerId,
      name,
      currency: invoice.currency,
      outstandingMinor: 0,
      overdueMinor: 0,
      invoiceCount: 0,
    };
    row.outstandingMinor += invoice.dueMinor;
    if ((lateness(invoice, today) ?? 0) > 0) row.overdueMinor += invoice.dueMinor;
    row.invoiceCount += 1;
    byCustomer.set(key, row);
  }
  const ranked = [...byCustomer.values()].sort(
    (a, b) => b.outstandingMinor - a.outstandingMinor || a.name.localeCompare(b.name),
  );
  const perCurrencyCount = new Map<string, number>();
  return ranked.filter((row) => {
    const count = perCurrencyCount.get(row.currency) ?? 0;
    perCurrencyCount.set(row.currency, count + 1);
    return count < perCurrency;
  });
}

function overdueInvoices(invoices: readonly BillingInvoice[], today: string): OverdueInvoiceView[] {
  return invoices
    .flatMap((invoice) => {
      const days = lateness(invoice, today);
      if (days === null || days <= 0 || invoice.dueDate === null) return [];
      return [
        {
          issueKey: invoice.issue.key,
          invoiceNumber: invoice.invoiceNumber,
          customerName: invoice.customerName,
          currency: invoice.currency,
          dueMinor: invoice.dueMinor,
          dueDate: invoice.dueDate,
          daysPastDue: days,
        },
      ];
    })
    .sort((a, b) => b.daysPastDue - a.daysPastDue || a.issueKey.localeCompare(b.issueKey));
}

export function summarizeReceivables(input: ReceivablesInput): ReceivablesSummaryView {
  const { today } = input;
  const open = input.invoices.filter(isReceivable);
  const thisMonth = monthOf(today);
  const lastMonth = monthOf(today, -1);
  const totals = totalsByCurrency(open, today);
  const paid = new Map<string, { thisMonth: number; lastMonth: number }>();
  for (const payment of input.payments) {
    const month = payment.date.slice(0, 7);
    if (month !== thisMonth && month !== lastMonth) continue;
    const row = paid.get(payment.currency) ?? { thisMonth: 0, lastMonth: 0 };
    if (month === thisMonth) row.thisMonth += payment.amountMinor;
    else row.lastMonth += payment.amountMinor;
    paid.set(payment.currency, row);
  }
  const currencyOrder = [
    ...totals.map((row) => row.currency),
    ...[...paid.keys()].filter((currency) => !totals.some((row) => row.currency === currency)).sort(),
  ];
  const currencies = currencyOrder.map((currency) => {
    const owed = totals.find((row) => row.currency === currency) ?? emptyTotals(currency);
    return {
      ...owed,
      aging: agingRows(
        open.filter((invoice) => invoice.currency === currency),
        today,
      ),
      paidThisMonthMinor: paid.get(currency)?.thisMonth ?? 0,
      paidLastMonthMinor: paid.get(currency)?.lastMonth ?? 0,
    };
  });
  const top = topCustomers(open, today, input.topCustomersPerCurrency ?? 5).sort(
    (a, b) => currencyOrder.indexOf(a.currency) - currencyOrder.indexOf(b.currency),
  );
  const overdue = overdueInvoices(open, today);
  return {
    today,
    thisMonth,
    lastMonth,
    openCount: open.length,
    currencies,
    topCustomers: top,
    overdue: { count: overdue.length, invoices: overdue.slice(0, input.overdueListSize ?? 10) },
  };
}
