import { compileJql } from '../jql/compile';
import type { JqlNode } from '../jql/ast';
import { parseJql } from '../jql/parser';
import type { Principal, Site } from '../site';
import type { StoredHistory, StoredIssue, StoredWebhook } from '../state/records';

/** Jira expires dynamic webhooks 30 days after registration or the last refresh. */
export const WEBHOOK_LIFETIME_MS = 30 * 24 * 3600 * 1000;

export interface WebhookDetails {
  events: string[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
  issuePropertyKeysFilter?: string[];
}

/** The JQL subset Jira accepts in a webhook's jqlFilter. */
const FILTER_FIELDS = ['issuekey', 'key', 'project', 'issuetype', 'type', 'status', 'assignee', 'reporter'];
const FILTER_OPERATORS = ['=', '!=', 'IN', 'NOT IN'];

/**
 * The app's dynamic webhooks. Expiry runs on the runtime clock; expired webhooks are purged
 * whenever the list is read, so they are never listed, refreshed or delivered again.
 */
export class WebhookRegistry {
  constructor(private readonly site: Site) {}

  live(): StoredWebhook[] {
    const now = this.site.now();
    for (const webhook of this.site.state.allWebhooks())
      if (webhook.expiresAt <= now) this.site.state.deleteWebhook(webhook.id);
    return this.site.state.allWebhooks().sort((a, b) => a.id - b.id);
  }

  register(
    url: string,
    details: WebhookDetails[],
    principal: Principal,
  ): ({ createdWebhookId: number } | { errors: string[] })[] {
    return details.map((detail) => {
      const errors = this.problems(url, detail, principal);
      if (errors.length > 0) return { errors };
      const now = this.site.now();
      const webhook: StoredWebhook = {
        id: this.site.state.nextId('webhook'),
        url,
        events: detail.events,
        jqlFilter: detail.jqlFilter,
        ...(detail.fieldIdsFilter ? { fieldIdsFilter: detail.fieldIdsFilter } : {}),
        ...(detail.issuePropertyKeysFilter ? { issuePropertyKeysFilter: detail.issuePropertyKeysFilter } : {}),
        createdAt: now,
        expiresAt: now + WEBHOOK_LIFETIME_MS,
      };
      this.site.state.putWebhook(webhook);
      return { createdWebhookId: webhook.id };
    });
  }

  /** Extends the given live webhooks by 30 days; unknown ids are ignored, as in Jira. */
  refresh(ids: number[]): number {
    const expiresAt = this.site.now() + WEBHOOK_LIFETIME_MS;
    for (const webhook of this.live())
      if (ids.includes(webhook.id)) this.site.state.putWebhook({ ...webhook, expiresAt });
    return expiresAt;
  }

  delete(ids?: number[]): number {
    let removed = 0;
    for (const webhook of this.site.state.allWebhooks()) {
      if (!ids || ids.includes(webhook.id)) removed += this.site.state.deleteWebhook(webhook.id) ? 1 : 0;
    }
    return removed;
  }

  /** Webhook ids to notify per URL for an issue event (one POST per URL carries all its matched ids). */
  matching(
    webhookEvent: string,
    issue: StoredIssue,
    history: StoredHistory | undefined,
    principal: Principal,
  ): Map<string, number[]> {
    const byUrl = new Map<string, number[]>();
    for (const webhook of this.live()) {
      if (!webhook.events.includes(webhookEvent)) continue;
      if (webhookEvent === 'jira:issue_updated' && webhook.fieldIdsFilter && webhook.fieldIdsFilter.length > 0) {
        const changed = new Set((history?.items ?? []).map((item) => item.fieldId));
        if (!webhook.fieldIdsFilter.some((fieldId) => changed.has(fieldId))) continue;
      }
      if (!this.filterMatches(webhook.jqlFilter, issue, principal)) continue;
      byUrl.set(webhook.url, [...(byUrl.get(webhook.url) ?? []), webhook.id]);
    }
    return byUrl;
  }

  private filterMatches(jqlFilter: string, issue: StoredIssue, principal: Principal): boolean {
    try {
      return compileJql(jqlFilter, this.site.jqlEnvironment(principal)).matches(issue);
    } catch {
      return false;
    }
  }

  private problems(url: string, detail: WebhookDetails, principal: Principal): string[] {
    const errors: string[] = [];
    if (!/^https?:\/\//i.test(url)) errors.push('The URL must be an absolute HTTP or HTTPS URL.');
    if (detail.events.length === 0) errors.push('At least one event must be specified.');
    try {
      compileJql(detail.jqlFilter, this.site.jqlEnvironment(principal));
      const parsed = parseJql(detail.jqlFilter);
      if (!parsed.where) errors.push('The JQL filter must not be empty.');
      if (parsed.orderBy.length > 0) errors.push('The JQL filter must not contain ORDER BY.');
      if (parsed.where) errors.push(...unsupportedClauses(parsed.where));
    } catch (error) {
      errors.push(`Invalid JQL: ${(error as Error).message}`);
    }
    return errors;
  }
}

function unsupportedClauses(node: JqlNode): string[] {
  if (node.kind === 'not') return unsupportedClauses(node.operand);
  if (node.kind !== 'clause') return node.operands.flatMap(unsupportedClauses);
  const field = node.field.toLowerCase();
  const fieldOk = FILTER_FIELDS.includes(field) || field.startsWith('issue.property[') || field.startsWith('cf[');
  const errors: string[] = [];
  if (!fieldOk) errors.push(`The field '${node.field}' is not supported in webhook JQL filters.`);
  if (!FILTER_OPERATORS.includes(node.operator))
    errors.push(`The operator '${node.operator}' is not supported in webhook JQL filters.`);
  return errors;
}
