import type { InvoiceRecord } from './records';

/** The invoice events Wave sends; it has no customer or payment events. */
export const PAYMENT_EVENT_TYPES = ['invoice.partially_paid', 'invoice.paid', 'invoice.overpaid'] as const;

const BY_NEW_STATUS: Record<string, string> = {
  SENT: 'invoice.sent',
  VIEWED: 'invoice.viewed',
  PARTIAL: 'invoice.partially_paid',
  PAID: 'invoice.paid',
  OVERPAID: 'invoice.overpaid',
  OVERDUE: 'invoice.overdue',
};

/**
 * What Wave sends for a change to an invoice, or undefined when it sends nothing: saving it (a new
 * non-draft invoice, or DRAFT → SAVED) is `invoice.approved`; a new status otherwise names the event.
 * Drafts and edits that keep the status send nothing.
 */
export function invoiceChangeEvent(before: InvoiceRecord | undefined, after: InvoiceRecord): string | undefined {
  if (after.status === 'DRAFT') return undefined;
  if (!before || (before.status === 'DRAFT' && after.status === 'SAVED')) return 'invoice.approved';
  if (before.status === after.status) return undefined;
  return BY_NEW_STATUS[after.status];
}

/** What Wave sends after a payment, by what the invoice's payments now add up to. */
export function paymentEvent(invoice: InvoiceRecord): string {
  if (invoice.amountPaidRaw > invoice.totalRaw) return 'invoice.overpaid';
  if (invoice.amountPaidRaw === invoice.totalRaw) return 'invoice.paid';
  return 'invoice.partially_paid';
}

export function isPaymentEvent(type: string): boolean {
  return (PAYMENT_EVENT_TYPES as readonly string[]).includes(type);
}

/** Why Wave sends nothing for this change (the answer of a call that asked for a delivery). */
export function noEventReason(before: InvoiceRecord | undefined, after: InvoiceRecord): string {
  if (after.status === 'DRAFT') return 'Wave sends no webhook for a draft invoice';
  if (before?.status === after.status)
    return `Wave sends no webhook for an edit that keeps the status (${after.status})`;
  return `Wave sends no webhook when an invoice becomes ${after.status}`;
}
