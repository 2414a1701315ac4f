import { createHash } from 'node:crypto';
import { nextTransitionHop, MAX_TRANSITION_HOPS } from '../src/domain/sync';
import type { WaveInvoice, WavePayment } from '../src/domain/wave-webhook';
import { jiraRest, type BenchWorkflow } from './jira-workflow';

interface SearchAnswer {
  issues?: Array<{ id: string; fields: { status?: { id: string } } }>;
}
interface TransitionsAnswer {
  transitions: Array<{ id: string; name: string; to: { id: string }; isAvailable?: boolean; hasScreen?: boolean }>;
}

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/**
 * What a Jira Automation rule or a Zap does with each Wave webhook, no memory between events: JQL search
 * for the invoice's issue (by a label carrying the Wave id), create it or edit it, get its transitions and
 * take the one (or the hops) to the status the event's Wave status maps to, and for a payment add a worklog.
 * It is given the app's own status mapping and workflow walk, so it does no more requests than it must.
 */
export function createNaiveSync(baseUrl: string, workflow: BenchWorkflow, projectKey: string, issueTypeName: string) {
  return async (body: string): Promise<void> => {
    const event = JSON.parse(body) as { data: { invoice?: WaveInvoice; payment?: WavePayment } };
    const { invoice, payment } = event.data;
    const invoiceId = invoice?.id ?? payment?.invoiceId ?? '';
    const label = `wave-${createHash('sha1').update(invoiceId).digest('hex').slice(0, 16)}`;
    const found = await jiraRest<SearchAnswer>(baseUrl, 'POST', '/rest/api/3/search/jql', {
      jql: `project = ${projectKey} AND labels = "${label}"`,
      fields: ['status'],
      maxResults: 1,
    });
    const summary = invoice ? `Invoice ${invoice.invoiceNumber}` : undefined;
    const description = paragraph(
      invoice
        ? `Status ${invoice.status}, paid ${invoice.amountPaid.value}`
        : `Payment of ${payment?.amount.value} received`,
    );
    let issue = found.issues?.[0]
      ? { id: found.issues[0].id, statusId: found.issues[0].fields.status?.id ?? workflow.initialStatusId }
      : undefined;
    if (!issue) {
      const created = await jiraRest<{ id: string }>(baseUrl, 'POST', '/rest/api/3/issue', {
        fields: {
          project: { key: projectKey },
          issuetype: { name: issueTypeName },
          summary: summary ?? 'Invoice',
          description,
          labels: [label],
        },
      });
      issue = { id: created.id, statusId: workflow.initialStatusId };
    } else {
      await jiraRest(baseUrl, 'PUT', `/rest/api/3/issue/${issue.id}`, {
        fields: { ...(summary ? { summary } : {}), description },
      });
    }

    const target = invoice ? workflow.targetFor(invoice.status, issue.statusId) : null;
    const visited = new Set([issue.statusId]);
    for (let hop = 0; hop < MAX_TRANSITION_HOPS; hop += 1) {
      const { transitions } = await jiraRest<TransitionsAnswer>(
        baseUrl,
        'GET',
        `/rest/api/3/issue/${issue.id}/transitions`,
      );
      if (!target || issue.statusId === target) break;
      const next = nextTransitionHop({ transitions, targetStatusId: target, statuses: workflow.statuses, visited });
      if (next.kind === 'blocked') break;
      await jiraRest(baseUrl, 'POST', `/rest/api/3/issue/${issue.id}/transitions`, {
        transition: { id: next.transitionId },
      });
      issue.statusId = next.kind === 'direct' ? target : next.toStatusId;
      visited.add(issue.statusId);
      if (issue.statusId === target) break;
    }

    if (payment) {
      await jiraRest(baseUrl, 'POST', `/rest/api/3/issue/${issue.id}/worklog`, {
        timeSpentSeconds: 60,
        started: new Date(payment.paymentDate).toISOString().replace('Z', '+0000'),
        comment: paragraph(`Payment of ${payment.amount.value}`),
      });
    }
  };
}
