/** What is owed per currency, and of that what is past due. */

import type { CurrencyTotalsView } from '../../shared/billing-views';
import type { BillingInvoice } from './billing-record';
import { isOverdue, isReceivable } from './open-invoices';

/** Nothing owed in this currency. */
export const emptyTotals = (currency: string): CurrencyTotalsView => ({
  currency,
  outstandingMinor: 0,
  overdueMinor: 0,
  openCount: 0,
  overdueCount: 0,
});

/** One row per currency with something owed, most owed first (amounts of different currencies are never added). */
export function totalsByCurrency(invoices: readonly BillingInvoice[], today: string): CurrencyTotalsView[] {
  const rows = new Map<string, CurrencyTotalsView>();
  for (const invoice of invoices) {
    if (!isReceivable(invoice)) continue;
    const row = rows.get(invoice.currency) ?? emptyTotals(invoice.currency);
    row.outstandingMinor += invoice.dueMinor;
    row.openCount += 1;
    if (isOverdue(invoice, today)) {
      row.overdueMinor += invoice.dueMinor;
      row.overdueCount += 1;
    }
    rows.set(invoice.currency, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.outstandingMinor - a.outstandingMinor || a.currency.localeCompare(b.currency),
  );
}
