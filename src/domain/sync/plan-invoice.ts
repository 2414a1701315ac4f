/** Invoice state events (`invoice.created|updated|sent|viewed|paid|overdue|approved`) → plan. */

import type { WaveInvoice } from '../wave-webhook/types';
import {
  applyInvoiceState,
  finishWork,
  planCustomerLink,
  workForNewIssue,
  workFromLink,
  type InvoiceContext,
} from './invoice-work';
import { invoiceStateOrder } from './invoice-order';
import { unchangedInvoicePlan } from './plan';
import type { InvoiceLink, InvoicePlan } from './types';

export interface InvoiceStateInput extends InvoiceContext {
  /** Complete (a thin event is fetched from Wave first). */
  invoice: WaveInvoice;
  link: InvoiceLink | null;
}

export function planInvoiceState(input: InvoiceStateInput): InvoicePlan {
  const { invoice, link } = input;
  if (link?.deleted)
    return unchangedInvoicePlan(link, 'ignored', [
      `Invoice ${link.invoiceNumber} was deleted in Wave; later states are ignored.`,
    ]);
  const order = invoiceStateOrder(link, invoice);
  if (order === 'unreadable')
    return unchangedInvoicePlan(link, 'ignored', [
      `Invoice ${invoice.invoiceNumber}: unreadable modifiedAt "${invoice.modifiedAt}".`,
    ]);
  if (link && (order === 'stale' || order === 'same')) {
    // Nothing new from Wave, but an account issue that appeared since still gets its link.
    const work = workFromLink(link);
    planCustomerLink(work, input.customerLink);
    if (work.links.length > 0) return finishWork(work, 'processed');
    return unchangedInvoicePlan(link, order === 'same' ? 'unchanged' : 'stale', []);
  }

  const work = link ? workFromLink(link) : workForNewIssue(invoice, input);
  applyInvoiceState(work, invoice, input);
  return finishWork(work, 'processed');
}

/**
 * The link's issue is gone (404 on update): plan the invoice from scratch, as a new issue. The new issue's
 * ledger starts empty, so the whole amountPaid is logged on it again.
 */
export function planInvoiceRecreate(input: InvoiceStateInput & { link: InvoiceLink }): InvoicePlan {
  const plan = planInvoiceState({ ...input, link: null });
  return {
    ...plan,
    notes: [`Jira issue ${input.link.issue.key} no longer exists; it is created again.`, ...plan.notes],
  };
}
