import type { InvoiceSummaryView } from '../../shared/billing-views';
import type { BillingInvoice } from './billing-record';
import { lateness } from './open-invoices';

/** An invoice as a list row shows it. */
export function invoiceSummary(invoice: BillingInvoice, today: string): InvoiceSummaryView {
  return {
    issueKey: invoice.issue.key,
    invoiceNumber: invoice.invoiceNumber,
    customerName: invoice.customerName,
    status: invoice.status,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    dueMinor: invoice.dueMinor,
    dueDate: invoice.dueDate,
    daysPastDue: lateness(invoice, today),
  };
}

/** Latest due date first (no due date last), then by issue key. */
export function byDueDateDescending(a: InvoiceSummaryView, b: InvoiceSummaryView): number {
  return (b.dueDate ?? '').localeCompare(a.dueDate ?? '') || a.issueKey.localeCompare(b.issueKey);
}
