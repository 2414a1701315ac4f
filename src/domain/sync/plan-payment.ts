/** `payment.received` → plan (worklog for the new money, never twice for money an invoice state already reported). */

import type { WaveInvoice, WavePayment } from '../wave-webhook/types';
import {
  applyInvoiceState,
  applyPaymentEvent,
  finishWork,
  workForNewIssue,
  workFromLink,
  type InvoiceContext,
} from './invoice-work';
import { invoiceStateOrder } from './invoice-order';
import { unchangedInvoicePlan } from './plan';
import type { InvoiceLink, InvoicePlan } from './types';

interface PaymentFacts {
  payment: WavePayment;
  /** The envelope's occurredAt: the worklog's start when the payment date is unreadable. */
  occurredAt: string;
}

/**
 * With no link yet the invoice is required (fetch it from Wave): the issue is created from it. With a link,
 * an invoice (if given and newer than the last applied state) is applied too, after the payment.
 */
export type PaymentInput = InvoiceContext &
  PaymentFacts &
  ({ link: InvoiceLink; invoice?: WaveInvoice | null } | { link: null; invoice: WaveInvoice });

export function planPaymentReceived(input: PaymentInput): InvoicePlan {
  const { link, invoice, payment } = input;
  if (link?.deleted)
    return unchangedInvoicePlan(link, 'ignored', [
      `Payment ${payment.id}: invoice ${link.invoiceNumber} was deleted in Wave.`,
    ]);
  const applyInvoice = invoice != null && invoiceStateOrder(link, invoice) === 'newer';
  if (link === null && !applyInvoice) {
    return unchangedInvoicePlan(null, 'ignored', [
      `Payment ${payment.id}: invoice ${invoice.invoiceNumber} has an unreadable modifiedAt.`,
    ]);
  }

  const work = link ? workFromLink(link) : workForNewIssue(invoice as WaveInvoice, input);
  // The payment goes first so that its worklog carries the payment's date and method.
  const paid = applyPaymentEvent(work, payment, input.occurredAt, input.worklogs);
  if (applyInvoice && invoice) applyInvoiceState(work, invoice, input);
  if (paid === 'processed' || applyInvoice) return finishWork(work, 'processed');
  // The money was already logged from an invoice update: nothing for Jira, but the ledger must remember the payment.
  if (paid === 'already-counted') return finishWork(work, 'duplicate');
  return unchangedInvoicePlan(link, paid, work.notes);
}
