import { openInvoicesJql, recentlyPaidJql } from '../../adapters/jira/billing-queries';
import { listComments } from '../../adapters/jira/comment-reads';
import { inlineEntries } from '../../adapters/jira/inline-entries';
import { searchIssues, type SearchedIssue } from '../../adapters/jira/jql-search';
import { listWorklogs } from '../../adapters/jira/worklog-reads';
import { dateOf, monthOf, summarizeReceivables, type Payment } from '../../domain/billing';
import { WAVE_LINK_PROPERTY_KEY } from '../../domain/sync';
import type { ReceivablesView } from '../../shared/billing-views';
import { billingProjectKeys, visibleProjects } from './billing-projects';
import { invoicesOf } from './searched-invoices';
import { parseGadgetConfig } from './gadget-config';
import { paymentsFromEntries } from './payment-entries';
import type { Viewer } from './viewer';

/** Open invoices read at most (the figures say when there are more). */
const MAX_OPEN_INVOICES = 5_000;
const MAX_PAID_INVOICES = 2_000;

/** An invoice's payments from the search's inline worklogs and comments, reading the rest only where Jira cut them. */
async function paymentsOfIssue(viewer: Viewer, issue: SearchedIssue): Promise<Payment[]> {
  const inline = inlineEntries(issue.fields);
  if (inline.complete) return paymentsFromEntries(inline.worklogs, inline.comments);
  const [worklogs, comments] = await Promise.all([
    listWorklogs(viewer.jira, issue.key),
    listComments(viewer.jira, issue.key),
  ]);
  return paymentsFromEntries(worklogs, comments);
}

async function recentPayments(viewer: Viewer, projectKeys: string[], since: string): Promise<Payment[]> {
  const found = await searchIssues(viewer.jira, {
    jql: recentlyPaidJql(projectKeys, since),
    fields: ['worklog', 'comment'],
    maxIssues: MAX_PAID_INVOICES,
  });
  const perIssue = await Promise.all(found.issues.map((issue) => paymentsOfIssue(viewer, issue)));
  return perIssue.flat();
}

/**
 * The receivables gadget: what the configured projects' invoices owe per currency, its aging, the top customers,
 * the overdue invoices and what was paid this month and last, all read from Jira as the viewer (JQL over the
 * app's indexed property; search lags writes by a few seconds).
 */
export async function loadReceivables(viewer: Viewer, configuration: unknown): Promise<ReceivablesView> {
  const config = parseGadgetConfig(configuration);
  const wanted = config?.projectKeys ?? (await billingProjectKeys());
  const { projects, hidden } = await visibleProjects(viewer, wanted);
  const today = dateOf(viewer.budget.now());
  const keys = projects.map((project) => project.key);
  const [open, payments] =
    keys.length === 0
      ? [{ issues: [], truncated: false }, []]
      : await Promise.all([
          searchIssues(viewer.jira, {
            jql: openInvoicesJql(keys),
            properties: [WAVE_LINK_PROPERTY_KEY],
            maxIssues: MAX_OPEN_INVOICES,
          }),
          recentPayments(viewer, keys, `${monthOf(today, -1)}-01`),
        ]);
  return {
    ...summarizeReceivables({ invoices: invoicesOf(open.issues), payments, today }),
    projects: projects.map((project) => ({ key: project.key, name: project.name })),
    hiddenProjects: hidden,
    defaulted: config === undefined,
    truncated: open.truncated,
  };
}
