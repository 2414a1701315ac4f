import { randomUUID } from 'node:crypto';
import type { DeliveryRecord } from '../../adapters/storage/activity-log';
import type { InvoiceEvent } from '../../domain/wave-webhook/types';
import { PermissionError } from '../../shared/errors';
import type { ResyncView } from '../../shared/billing-views';
import { createSyncContext } from '../sync-context';
import { syncInvoiceEvent } from '../sync/sync-invoice';
import type { SyncResult } from '../sync/sync-result';
import { mayAdministerProject } from './project-admin';
import { readInvoiceIssue } from './invoice-record';
import type { Viewer } from './viewer';

function viewOf(result: SyncResult): ResyncView {
  const notes = result.notes.join(' ');
  switch (result.outcome) {
    case 'processed':
      return { outcome: 'updated', message: `Updated from Wave: Jira now shows what Wave says. ${notes}`.trim() };
    case 'gone':
      return {
        outcome: 'gone',
        message: 'Wave no longer has this invoice (was it deleted?). The issue stays as it is.',
      };
    case 'ignored':
      return { outcome: 'skipped', message: notes || 'Nothing to sync for this invoice.' };
    default:
      return { outcome: 'unchanged', message: 'Jira already shows what Wave says; nothing changed.' };
  }
}

/**
 * "Resync from Wave" (project admins): reads the invoice from Wave and applies it through the sync, as a webhook
 * naming the invoice would (locked, exactly once, in order). Logged in the admin page's activity as a replay.
 */
export async function resyncInvoice(viewer: Viewer, issueKey: string): Promise<ResyncView> {
  const target = await readInvoiceIssue(viewer, issueKey);
  const projectKey = target.issue.fields.project?.key;
  if (!(await mayAdministerProject(viewer, projectKey)))
    throw new PermissionError(
      `only administrators of project ${projectKey ?? 'of this issue'} can resync an invoice from Wave; ask one of them`,
    );
  const now = viewer.budget.now();
  const businessId = target.link?.businessId ?? target.invoice.businessId ?? undefined;
  const event: InvoiceEvent = {
    id: `resync:${target.invoice.waveId}:${now}:${randomUUID()}`,
    type: 'invoice.updated',
    occurredAt: new Date(now).toISOString(),
    ...(businessId ? { businessId } : {}),
    invoice: { id: target.invoice.waveId, thin: true },
  };
  const activityOf = (result: SyncResult): DeliveryRecord => ({
    receivedAt: now,
    outcome: result.outcome,
    source: 'replay',
    eventType: event.type,
    eventId: event.id,
    ...(businessId ? { businessId } : {}),
    invoiceNumber: result.invoiceNumber ?? target.invoice.invoiceNumber,
    issueKey: result.issueKey ?? issueKey,
    reason: `Resynced from Wave on ${issueKey}'s invoice panel. ${result.notes.join(' ')}`.trim(),
  });
  const ctx = await createSyncContext(viewer.budget);
  return viewOf(await syncInvoiceEvent({ ...ctx, activityOf }, event));
}
