import { getLink } from '../../adapters/storage/links';
import type { BillingInvoice } from '../../domain/billing';
import type { InvoiceLink } from '../../domain/sync';
import { BadRequestError, ConflictError } from '../../shared/errors';
import { readBillingIssue, type BillingIssue } from './billing-issue';
import type { Viewer } from './viewer';

export interface InvoiceIssue extends BillingIssue {
  invoice: BillingInvoice;
  /** The app's record of the invoice; undefined when it has none (it syncs the invoice as new). */
  link: InvoiceLink | undefined;
}

/**
 * An invoice issue the viewer may see, with the app's record of its invoice. The issue's property names the
 * invoice, but whoever may edit the issue may change it: a record that belongs to another issue is refused.
 */
export async function readInvoiceIssue(viewer: Viewer, issueKey: string): Promise<InvoiceIssue> {
  const billing = await readBillingIssue(viewer, issueKey);
  if (billing.record?.kind !== 'invoice')
    throw new BadRequestError(`${issueKey} is not a Wave invoice's issue: there is no invoice to read from Wave`);
  const { invoice } = billing.record;
  const link = await getLink<InvoiceLink>('invoice', invoice.waveId);
  if (link && link.issue.id !== billing.issue.id)
    throw new ConflictError(
      `the Wave invoice named on ${issueKey} belongs to ${link.issue.key}; open that issue instead`,
    );
  return { ...billing, invoice, link };
}
