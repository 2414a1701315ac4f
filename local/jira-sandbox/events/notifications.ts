import type { Site } from '../site';
import type { StoredIssue } from '../state/records';

/** One email Jira would have sent. */
export interface SandboxNotification {
  id: number;
  /** Runtime-clock time, ISO. */
  at: string;
  /** Jira's event: `issue_work_logged`, `issue_worklog_updated`, `issue_worklog_deleted`. */
  event: string;
  issueKey: string;
  recipientAccountId: string;
  actorAccountId: string;
}

const MAX_KEPT = 10_000;

/**
 * The emails Jira's default notification scheme sends for worklog events: to the issue's watchers,
 * reporter and assignee, never to the person who made the change nor to app accounts (they have no
 * mailbox). Kept in memory, newest last, for tests to read.
 */
export class NotificationLog {
  private readonly sent: SandboxNotification[] = [];
  private nextId = 1;

  constructor(private readonly site: Site) {}

  notify(issue: StoredIssue, event: string, actorAccountId: string): number {
    const recipients = new Set([
      ...(issue.watchers ?? []),
      issue.reporterId,
      ...(issue.assigneeId ? [issue.assigneeId] : []),
    ]);
    recipients.delete(actorAccountId);
    const at = new Date(this.site.now()).toISOString();
    let count = 0;
    for (const accountId of recipients) {
      if (this.site.user(accountId)?.accountType !== 'atlassian') continue;
      this.sent.push({
        id: this.nextId++,
        at,
        event,
        issueKey: issue.key,
        recipientAccountId: accountId,
        actorAccountId,
      });
      count += 1;
    }
    if (this.sent.length > MAX_KEPT) this.sent.splice(0, this.sent.length - MAX_KEPT);
    return count;
  }

  list(): SandboxNotification[] {
    return this.sent.map((notification) => ({ ...notification }));
  }

  clear(): void {
    this.sent.length = 0;
  }
}
