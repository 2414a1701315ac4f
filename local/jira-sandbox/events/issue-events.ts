import { fieldValue, issueFieldIds } from '../model/issue-view';
import { userDetails } from '../model/user-view';
import type { Principal, Site } from '../site';
import type { StoredHistory, StoredIssue } from '../state/records';
import type { ForgeJiraIssueEvent } from '../types';
import { APP_ACCOUNT_ID } from '../users';
import type { PendingWork } from './pending-work';
import { deliverWebhook } from './webhook-delivery';
import type { WebhookRegistry } from './webhook-registry';

export interface IssueChange {
  kind: 'created' | 'updated' | 'deleted';
  /** The issue after the change (before it, for a deletion). */
  issue: StoredIssue;
  actorId: string;
  /** Jira's `issue_event_type_name`: issue_created, issue_updated, issue_generic, issue_work_logged, issue_commented, … */
  eventTypeName: string;
  history?: StoredHistory;
  /** Forge sends `avi:jira:updated:issue` for field changes, not for comments. */
  toForge: boolean;
}

export interface IssueEventSinks {
  onIssueEvent?: (event: ForgeJiraIssueEvent) => Promise<void> | void;
  retryDelaysMs: number[];
  log: (message: string) => void;
}

const WEBHOOK_EVENTS = {
  created: 'jira:issue_created',
  updated: 'jira:issue_updated',
  deleted: 'jira:issue_deleted',
} as const;

/**
 * Turns committed issue changes into what Jira sends out: the Forge product event for
 * `trigger` modules and dynamic webhook deliveries. Payloads are rendered at once (they
 * describe the issue as it was at the change); sending happens in the background.
 */
export class IssueEvents {
  constructor(
    private readonly site: Site,
    private readonly webhooks: WebhookRegistry,
    private readonly work: PendingWork,
    private readonly sinks: IssueEventSinks,
  ) {}

  emit(change: IssueChange): void {
    const timestamp = this.site.now();
    const { onIssueEvent } = this.sinks;
    if (onIssueEvent && change.toForge) {
      const event = this.forgeEvent(change);
      this.work.run(async () => {
        try {
          await onIssueEvent(event);
        } catch (error) {
          this.sinks.log(`onIssueEvent(${event.eventType}) failed: ${(error as Error).message}`);
        }
      });
    }
    const appPrincipal = this.appPrincipal();
    if (!appPrincipal) return;
    const webhookEvent = WEBHOOK_EVENTS[change.kind];
    const matched = this.webhooks.matching(webhookEvent, change.issue, change.history, appPrincipal);
    if (matched.size === 0) return;
    const base = {
      timestamp,
      webhookEvent,
      issue_event_type_name: change.eventTypeName,
      user: userDetails(this.site, change.actorId),
      issue: {
        id: change.issue.id,
        self: this.site.url(`/rest/api/3/issue/${change.issue.id}`),
        key: change.issue.key,
        fields: Object.fromEntries(
          issueFieldIds(this.site).map((fieldId) => [fieldId, fieldValue(this.site, change.issue, fieldId)]),
        ),
      },
      ...(change.history ? { changelog: { id: change.history.id, items: change.history.items } } : {}),
    };
    for (const [url, ids] of matched)
      deliverWebhook(this.work, url, { ...base, matchedWebhookIds: ids }, this.sinks.retryDelaysMs, this.sinks.log);
  }

  private forgeEvent(change: IssueChange): ForgeJiraIssueEvent {
    const { issue } = change;
    const field = (fieldId: string) => fieldValue(this.site, issue, fieldId);
    return {
      eventType: `avi:jira:${change.kind}:issue`,
      issue: {
        id: issue.id,
        key: issue.key,
        fields: {
          summary: issue.summary,
          issuetype: field('issuetype'),
          creator: { accountId: issue.creatorId },
          created: field('created'),
          project: field('project'),
          reporter: { accountId: issue.reporterId },
          assignee: issue.assigneeId ? { accountId: issue.assigneeId } : null,
          updated: field('updated'),
          status: field('status'),
        },
      },
      atlassianId: change.actorId,
      associatedUsers: [{ accountId: change.actorId }],
      ...(change.kind === 'updated' && change.history
        ? { changelog: { id: change.history.id, items: change.history.items } }
        : {}),
    };
  }

  private appPrincipal(): Principal | undefined {
    const app = this.site.user(APP_ACCOUNT_ID);
    return app ? { kind: 'app', user: app, via: 'forge' } : undefined;
  }
}
