import { listComments } from '../../adapters/jira/comment-reads';
import { listWorklogs } from '../../adapters/jira/worklog-reads';
import { getLink } from '../../adapters/storage/links';
import { invoiceSummary, linkedIssuesOf, type BillingInvoice, type Payment } from '../../domain/billing';
import { formatMoney, WAVE_DELETED_LABEL, type InvoiceLink } from '../../domain/sync';
import { waveLink } from '../../domain/sync/invoice-content';
import type { InvoicePanelView } from '../../shared/billing-views';
import type { BillingIssue } from './billing-issue';
import { paymentsFromEntries } from './payment-entries';
import { mayAdministerProject } from './project-admin';
import type { Viewer } from './viewer';

/** Why the payments listed may not add up to what Wave says was paid. */
function paymentsNote(invoice: BillingInvoice, payments: Payment[]): string | undefined {
  const listed = payments
    .filter((payment) => payment.currency === invoice.currency)
    .reduce((sum, payment) => sum + payment.amountMinor, 0);
  if (listed === invoice.paidMinor) return undefined;
  const paid = formatMoney(invoice.paidMinor, invoice.currency);
  const sum = formatMoney(listed, invoice.currency);
  return listed < invoice.paidMinor
    ? `Wave reports ${paid} paid; the payments listed add up to ${sum}. Payments recorded in Wave before the app synced this invoice, or while payment worklogs were turned off, are not listed.`
    : `The payments listed add up to ${sum}, more than the ${paid} Wave reports paid now: Wave may have refunded or reassigned a payment.`;
}

/** An invoice issue's panel: figures from the issue's property, payments and links from Jira, as the viewer sees them. */
export async function invoicePanel(
  viewer: Viewer,
  billing: BillingIssue,
  invoice: BillingInvoice,
  today: string,
): Promise<InvoicePanelView> {
  const { issue } = billing;
  const [worklogs, comments, stored, canResync] = await Promise.all([
    listWorklogs(viewer.jira, issue.key),
    listComments(viewer.jira, issue.key),
    getLink<InvoiceLink>('invoice', invoice.waveId),
    mayAdministerProject(viewer, issue.fields.project?.key),
  ]);
  // The property names the Wave invoice, but anyone who may edit the issue may change it: the app's record counts
  // only when it is this issue's.
  const link = stored?.issue.id === issue.id ? stored : undefined;
  const payments = paymentsFromEntries(worklogs, comments, invoice.invoiceNumber);
  const linked = linkedIssuesOf(issue.fields.issuelinks);
  const customerIssue = linked.find((other) => other.id === link?.customerIssueId) ?? null;
  const note = paymentsNote(invoice, payments);
  return {
    kind: 'invoice',
    ...invoiceSummary(invoice, today),
    deleted: link?.deleted === true || (issue.fields.labels ?? []).includes(WAVE_DELETED_LABEL),
    customerIssue: customerIssue?.view ?? null,
    viewUrl: typeof billing.waveUrl === 'string' ? waveLink(billing.waveUrl) : null,
    payments,
    ...(note ? { paymentsNote: note } : {}),
    work: linked.filter((other) => other !== customerIssue).map((other) => other.view),
    waveModifiedAt: link?.modifiedAt ?? null,
    canResync,
    today,
  };
}
