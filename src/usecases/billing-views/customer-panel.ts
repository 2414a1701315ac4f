import { customerInvoicesJql } from '../../adapters/jira/billing-queries';
import { searchIssues } from '../../adapters/jira/jql-search';
import { byDueDateDescending, invoiceSummary, totalsByCurrency, type BillingCustomer } from '../../domain/billing';
import { WAVE_LINK_PROPERTY_KEY } from '../../domain/sync';
import type { CustomerPanelView } from '../../shared/billing-views';
import { invoicesOf } from './searched-invoices';
import type { Viewer } from './viewer';

/** Totals count this many invoices at most; the panel lists fewer. */
const MAX_INVOICES = 1_000;
const LISTED = 25;

/** A customer's account issue: its invoices the viewer may see, and what they owe per currency. */
export async function customerPanel(
  viewer: Viewer,
  customer: BillingCustomer,
  today: string,
): Promise<CustomerPanelView> {
  const found = await searchIssues(viewer.jira, {
    jql: customerInvoicesJql(customer.waveId),
    properties: [WAVE_LINK_PROPERTY_KEY],
    maxIssues: MAX_INVOICES,
  });
  const invoices = invoicesOf(found.issues);
  const rows = invoices.map((invoice) => invoiceSummary(invoice, today)).sort(byDueDateDescending);
  return {
    kind: 'customer',
    issueKey: customer.issue.key,
    name: customer.name,
    totals: totalsByCurrency(invoices, today),
    invoices: rows.slice(0, LISTED),
    truncated: found.truncated || rows.length > LISTED,
    today,
  };
}
