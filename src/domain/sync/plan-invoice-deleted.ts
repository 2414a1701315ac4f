/** `invoice.deleted` → the issue stays, labelled and commented, moved only if a status is mapped for DELETED. */

import { adfSentence } from './adf';
import { finishWork, planStatus, workFromLink } from './invoice-work';
import { emptyPlan, unchangedInvoicePlan } from './plan';
import { DELETED_STATUS } from './status-mapping';
import { WAVE_DELETED_LABEL, type InvoiceLink, type InvoicePlan, type ProjectTarget } from './types';

export interface InvoiceDeletedInput {
  link: InvoiceLink | null;
  project: ProjectTarget;
}

export function planInvoiceDeleted(input: InvoiceDeletedInput): InvoicePlan {
  const { link } = input;
  if (link === null) return emptyPlan(null, 'ignored', ['Deleted invoice was never synced to Jira.']);
  if (link.deleted) return unchangedInvoicePlan(link, 'duplicate', []);

  const work = workFromLink(link);
  work.contentSteps.push(
    { kind: 'edit-issue', addLabels: [WAVE_DELETED_LABEL] },
    { kind: 'set-field-values', values: { 'wave-status': DELETED_STATUS } },
  );
  planStatus(work, DELETED_STATUS, input.project);
  work.comments.push({
    kind: 'add-comment',
    key: 'wave-deleted',
    body: adfSentence(`Invoice ${link.invoiceNumber} was deleted in Wave. This issue is kept for the record.`),
  });
  work.draft = { ...work.draft, deleted: true, waveStatus: DELETED_STATUS };
  return finishWork(work, 'processed');
}
