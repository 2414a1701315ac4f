import { invoicesAmongJql } from '../../adapters/jira/billing-queries';
import { searchIssues } from '../../adapters/jira/jql-search';
import { byDueDateDescending, invoiceSummary, linkedIssuesOf } from '../../domain/billing';
import { WAVE_LINK_PROPERTY_KEY } from '../../domain/sync';
import type { WorkPanelView } from '../../shared/billing-views';
import type { BillingIssue } from './billing-issue';
import { invoicesOf } from './searched-invoices';
import type { Viewer } from './viewer';

/** JQL `id IN (…)` stays well under Jira's query size with this many ids. */
const IDS_PER_QUERY = 100;

/** Any other issue: the invoices it is linked to ("Billed on"), as the viewer may see them. */
export async function workPanel(viewer: Viewer, billing: BillingIssue, today: string): Promise<WorkPanelView> {
  const ids = linkedIssuesOf(billing.issue.fields.issuelinks).map((linked) => linked.id);
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) chunks.push(ids.slice(start, start + IDS_PER_QUERY));
  const found = await Promise.all(
    chunks.map((chunk) =>
      searchIssues(viewer.jira, {
        jql: invoicesAmongJql(chunk),
        properties: [WAVE_LINK_PROPERTY_KEY],
        maxIssues: IDS_PER_QUERY,
      }),
    ),
  );
  const invoices = invoicesOf(found.flatMap((page) => page.issues));
  return {
    kind: 'work',
    issueKey: billing.issue.key,
    billedOn: invoices.map((invoice) => invoiceSummary(invoice, today)).sort(byDueDateDescending),
    today,
  };
}
