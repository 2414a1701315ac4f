/** Which invoices are owed, and which of them are late. */

import type { BillingInvoice } from './billing-record';
import { daysPastDue } from './calendar';

/** Wave statuses of invoices nobody has been asked to pay yet. */
const NOT_ISSUED = new Set(['DRAFT']);

/** Still owed: issued, with an amount due. */
export function isReceivable(invoice: BillingInvoice): boolean {
  return invoice.dueMinor > 0 && !NOT_ISSUED.has(invoice.status);
}

/** Days past due of a receivable invoice (positive: late), or null when it has no due date or is not owed. */
export function lateness(invoice: BillingInvoice, today: string): number | null {
  return isReceivable(invoice) ? daysPastDue(invoice.dueDate, today) : null;
}

export function isOverdue(invoice: BillingInvoice, today: string): boolean {
  return (lateness(invoice, today) ?? 0) > 0;
}
