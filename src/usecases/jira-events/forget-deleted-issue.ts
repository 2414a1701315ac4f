import { recordDelivery } from '../../adapters/storage/activity-log';
import { deleteLink, getLink, takeIssueBacklink } from '../../adapters/storage/links';

/**
 * Someone deleted a synced issue in Jira: drop the link, so the next Wave event for that record
 * creates a fresh issue instead of failing on the missing one.
 */
export async function forgetIssue(issueId: string): Promise<void> {
  const backlink = await takeIssueBacklink(issueId);
  if (!backlink) return;
  const link = await getLink<{ issue: { id: string; key: string } }>(backlink.kind, backlink.waveId);
  if (link?.issue.id !== issueId) return;
  await deleteLink(backlink.kind, backlink.waveId);
  await recordDelivery({
    receivedAt: Date.now(),
    outcome: 'ignored',
    eventType: 'jira:issue_deleted',
    issueKey: link.issue.key,
    reason: `Jira issue ${link.issue.key} was deleted; the next Wave event for it creates a new issue.`,
  });
}
