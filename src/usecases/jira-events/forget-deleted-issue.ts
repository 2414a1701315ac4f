import { getIssue } from '../../adapters/jira/issues';
import { JiraClient } from '../../adapters/jira/jira-client';
import { recordDelivery } from '../../adapters/storage/activity-log';
import { deleteLink, getLink, getIssueBacklink, takeIssueBacklink } from '../../adapters/storage/links';
import { createTimeBudget } from '../../shared/time-budget';

/** What a deletion event led to. */
export type ForgetOutcome = 'forgotten' | 'not-ours' | 'not-confirmed';

/** A product trigger or web trigger answers Jira within seconds; one GET fits easily. */
const CHECK_BUDGET_MS = 10_000;

/**
 * Someone deleted a synced issue in Jira: drop the link, so the next Wave event for that record creates a fresh
 * issue instead of failing on the missing one. The event is only a claim: Jira is asked, as the app, whether the
 * issue is really gone (404) before anything is dropped, so a forged "deleted" cannot make a second issue.
 */
export async function forgetIssue(issueId: string, source: 'jira' | 'webhook' = 'jira'): Promise<ForgetOutcome> {
  const backlink = await getIssueBacklink(issueId);
  if (!backlink) return 'not-ours';
  const link = await getLink<{ issue: { id: string; key: string } }>(backlink.kind, backlink.waveId);
  if (link?.issue.id !== issueId) {
    await takeIssueBacklink(issueId);
    return 'not-ours';
  }
  const jira = JiraClient.asApp(createTimeBudget({ limitMs: CHECK_BUDGET_MS }));
  if ((await getIssue(jira, issueId, { fields: ['status'] })) !== undefined) {
    await recordDelivery({
      receivedAt: Date.now(),
      source,
      outcome: 'ignored',
      eventType: 'jira:issue_deleted',
      issueKey: link.issue.key,
      reason: `Deletion not confirmed: Jira still shows ${link.issue.key}, so its link to Wave is kept.`,
    });
    return 'not-confirmed';
  }
  await takeIssueBacklink(issueId);
  await deleteLink(backlink.kind, backlink.waveId);
  await recordDelivery({
    receivedAt: Date.now(),
    source,
    outcome: 'processed',
    eventType: 'jira:issue_deleted',
    issueKey: link.issue.key,
    reason: `Jira issue ${link.issue.key} was deleted; the next Wave change for it creates a new issue.`,
  });
  return 'forgotten';
}
