import type { SearchedIssue } from '../../adapters/jira/jql-search';
import { billingInvoiceOf, type BillingInvoice } from '../../domain/billing';
import { WAVE_LINK_PROPERTY_KEY } from '../../domain/sync';

/** The invoices a search found, read from their `wave-link` property (unreadable ones left out). */
export function invoicesOf(issues: readonly SearchedIssue[]): BillingInvoice[] {
  return issues
    .map((issue) => billingInvoiceOf({ id: issue.id, key: issue.key }, issue.properties[WAVE_LINK_PROPERTY_KEY]))
    .filter((invoice): invoice is BillingInvoice => invoice !== null);
}
