import { route } from '@forge/api';
import type { JiraClient } from './jira-client';

/**
 * Jira REST dynamic webhooks (expire after 30 days unless refreshed). Jira documents them for
 * Connect and OAuth 2.0 apps only and may answer a Forge app with 403 (JiraPermissionError).
 */
export type JiraWebhookEvent =
  | 'jira:issue_created'
  | 'jira:issue_updated'
  | 'jira:issue_deleted'
  | 'comment_created'
  | 'comment_updated'
  | 'comment_deleted'
  | 'issue_property_set'
  | 'issue_property_deleted';

export interface JiraWebhookDefinition {
  events: JiraWebhookEvent[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
  issuePropertyKeysFilter?: string[];
}

export interface RegisteredJiraWebhook extends JiraWebhookDefinition {
  id: number;
  url: string;
  expirationDate?: number;
}

export type RegistrationResult = { id: number } | { errors: string[] };

interface RegistrationResponse {
  webhookRegistrationResult?: Array<{ createdWebhookId?: number; errors?: string[] }>;
}

interface WebhookPage {
  isLast?: boolean;
  values?: RegisteredJiraWebhook[];
}

export async function registerWebhooks(
  jira: JiraClient,
  url: string,
  webhooks: JiraWebhookDefinition[],
): Promise<RegistrationResult[]> {
  const response = await jira.request<RegistrationResponse>('POST', route`/rest/api/3/webhook`, {
    body: { url, webhooks },
  });
  return (response.webhookRegistrationResult ?? []).map((result) =>
    result.createdWebhookId !== undefined
      ? { id: result.createdWebhookId }
      : { errors: result.errors ?? ['unknown error'] },
  );
}

export async function listWebhooks(jira: JiraClient): Promise<RegisteredJiraWebhook[]> {
  const all: RegisteredJiraWebhook[] = [];
  const pageSize = 100;
  for (let startAt = 0; ; startAt += pageSize) {
    const page = await jira.request<WebhookPage>(
      'GET',
      route`/rest/api/3/webhook?startAt=${startAt}&maxResults=${pageSize}`,
    );
    const values = page.values ?? [];
    all.push(...values);
    if (page.isLast !== false || values.length === 0) return all;
  }
}

/** Extends the webhooks' life; returns the new expiration (epoch ms). */
export async function refreshWebhooks(jira: JiraClient, webhookIds: number[]): Promise<number | undefined> {
  if (webhookIds.length === 0) return undefined;
  const response = await jira.request<{ expirationDate?: number }>('PUT', route`/rest/api/3/webhook/refresh`, {
    body: { webhookIds },
  });
  return response.expirationDate;
}

export async function deleteWebhooks(jira: JiraClient, webhookIds: number[]): Promise<void> {
  if (webhookIds.length === 0) return;
  await jira.request<void>('DELETE', route`/rest/api/3/webhook`, { body: { webhookIds } });
}
