import type { AppIssue } from '../../adapters/jira/app-issues';
import { getIssue } from '../../adapters/jira/issues';
import { getLink, putLink } from '../../adapters/storage/links';
import { withRecordLock } from '../../adapters/storage/record-lock';
import { describeBlockReason, resolveTargetStatus, type InvoiceLink, type ProjectTarget } from '../../domain/sync';
import type { SyncContext } from '../sync-context';
import { moveIssue } from '../sync/move-issue';

/** Where the saved mapping puts an invoice's issue now, if elsewhere than `currentStatusId`. */
export function remapTarget(link: InvoiceLink, project: ProjectTarget, currentStatusId: string | undefined) {
  const target = resolveTargetStatus({
    waveStatus: link.waveStatus,
    mapping: project.statusMapping,
    projectStatuses: project.statuses,
    initialStatusId: project.initialStatusId,
    currentStatusId: currentStatusId ?? null,
  });
  return target.kind === 'move' ? target.status : undefined;
}

/** The link of an app issue, when the app still tracks this issue for that invoice in this project. */
export async function trackedLink(issue: AppIssue, projectKey: string): Promise<InvoiceLink | undefined> {
  if (!issue.waveId) return undefined;
  const link = await getLink<InvoiceLink>('invoice', issue.waveId);
  return link?.issue.id === issue.id && link.projectKey === projectKey ? link : undefined;
}

export type RemapOutcome = { kind: 'moved' } | { kind: 'stays' } | { kind: 'blocked'; reason: string };

/**
 * Moves one invoice's issue to where the saved mapping puts it, as the sync would: holding the invoice's lock (a
 * delivery for it waits), from the status Jira shows now, through the sync's transition walker, and records the
 * new status in the invoice's link. Left alone when the app no longer tracks it or it is already there.
 */
export async function remapIssue(ctx: SyncContext, issue: AppIssue, project: ProjectTarget): Promise<RemapOutcome> {
  const waveId = issue.waveId;
  if (!waveId) return { kind: 'stays' };
  return withRecordLock('invoice', waveId, ctx.budget, async () => {
    const link = await trackedLink(issue, project.projectKey);
    if (!link) return { kind: 'stays' };
    const current = (await getIssue(ctx.jira, issue.id, { fields: ['status'] }))?.fields.status?.id;
    if (current === undefined) return { kind: 'stays' };
    const target = remapTarget(link, project, current);
    if (!target) return { kind: 'stays' };
    const moved = await moveIssue(ctx, link.issue, project, current, target.id);
    if (!moved.moved)
      return { kind: 'blocked', reason: `cannot reach ${target.name}: ${describeBlockReason(moved.reason)}` };
    await putLink<InvoiceLink>('invoice', waveId, { ...link, jiraStatusId: target.id });
    return { kind: 'moved' };
  });
}
