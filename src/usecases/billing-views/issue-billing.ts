import { dateOf } from '../../domain/billing';
import type { IssueBillingView } from '../../shared/billing-views';
import { readBillingIssue } from './billing-issue';
import { customerPanel } from './customer-panel';
import { invoicePanel } from './invoice-panel';
import type { Viewer } from './viewer';
import { workPanel } from './work-panel';

/** What the invoice panel shows on an issue: an invoice, a customer's account, or work billed on invoices. */
export async function loadIssueBilling(viewer: Viewer, issueKey: string): Promise<IssueBillingView> {
  const today = dateOf(viewer.budget.now());
  const billing = await readBillingIssue(viewer, issueKey);
  const { record } = billing;
  if (record?.kind === 'invoice') return invoicePanel(viewer, billing, record.invoice, today);
  if (record?.kind === 'customer') return customerPanel(viewer, record.customer, today);
  return workPanel(viewer, billing, today);
}
