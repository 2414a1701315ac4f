import type { IssueEntryRead } from '../../adapters/jira/worklog-reads';
import { PAYMENT_WORKLOG_PROPERTY } from '../../adapters/jira/worklogs';
import { paymentsOf, type IssueEntry, type Payment } from '../../domain/billing';

function entriesOf(source: IssueEntry['source'], reads: readonly IssueEntryRead[]): IssueEntry[] {
  return reads.map((read) => ({
    source,
    byApp: read.authorAccountType === 'app',
    at: read.at,
    comment: read.body,
    paymentProperty: read.properties[PAYMENT_WORKLOG_PROPERTY],
  }));
}

/** The payments an invoice issue's worklogs and comments record, oldest first. */
export function paymentsFromEntries(
  worklogs: readonly IssueEntryRead[],
  comments: readonly IssueEntryRead[],
  invoiceNumber?: string,
): Payment[] {
  return paymentsOf([...entriesOf('worklog', worklogs), ...entriesOf('comment', comments)], invoiceNumber);
}
