/**
 * The JQL of the billing views, over the `wave-link` property's search aliases (manifest `jira:entityProperty`).
 * Invoices Wave deleted keep their issue, labelled `wave-deleted`: they are owed by no one and left out.
 */
import { WAVE_DELETED_LABEL } from '../../domain/sync/types';
import { jqlString } from './issue-search';

const INVOICES = `waveKind = "invoice" AND (labels IS EMPTY OR labels NOT IN (${jqlString(WAVE_DELETED_LABEL)}))`;

const projectList = (projectKeys: readonly string[]): string => projectKeys.map(jqlString).join(', ');

/** A customer's invoices (by the customer's Wave id), latest due date first. */
export function customerInvoicesJql(customerWaveId: string): string {
  return `${INVOICES} AND waveCustomerId = ${jqlString(customerWaveId)} ORDER BY waveDueDate DESC`;
}

/** The invoices among some issues (by issue id). */
export function invoicesAmongJql(issueIds: readonly string[]): string {
  const ids = issueIds.filter((id) => /^\d+$/.test(id));
  return `id IN (${ids.join(', ')}) AND ${INVOICES}`;
}

/** Invoices of the projects with something still to pay. */
export function openInvoicesJql(projectKeys: readonly string[]): string {
  return `project IN (${projectList(projectKeys)}) AND ${INVOICES} AND waveAmountDue > 0 ORDER BY key ASC`;
}

/** Invoices of the projects with a payment that may fall on or after `sinceDate` (`YYYY-MM-DD`): changed since. */
export function recentlyPaidJql(projectKeys: readonly string[], sinceDate: string): string {
  return `project IN (${projectList(projectKeys)}) AND ${INVOICES} AND waveAmountPaid > 0 AND updated >= ${jqlString(sinceDate)} ORDER BY key ASC`;
}
