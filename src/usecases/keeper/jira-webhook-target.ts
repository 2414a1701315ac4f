import type { JiraWebhookEvent } from '../../adapters/jira/dynamic-webhooks';
import type { AppConfig } from '../../adapters/storage/config';
import { WEB_TRIGGER_KEYS, webTriggerUrl } from '../../adapters/forge/web-triggers';
import type { WantedWebhook } from '../../domain/keeper/webhook-plan';

export const JIRA_WEBHOOK_TOKEN_PARAMETER = 'token';
export const JIRA_WEBHOOK_EVENTS: readonly JiraWebhookEvent[] = ['jira:issue_updated', 'jira:issue_deleted'];

/** The projects the app syncs into: the default one and every business's own. */
export function syncedProjects(config: AppConfig): string[] {
  const keys = [config.defaultProjectKey, ...Object.values(config.businessProjects)].filter(
    (key): key is string => key !== undefined,
  );
  return [...new Set(keys)].sort();
}

/**
 * The one webhook the app wants: issue updated and deleted in the synced projects, posted to the
 * `jira-webhook` trigger with the app's token in the query string (Jira signs nothing a Forge app
 * could check, so the URL carries the proof; the trigger compares it in constant time).
 */
export async function wantedJiraWebhook(config: AppConfig, token: string): Promise<WantedWebhook | null> {
  const projects = syncedProjects(config);
  if (projects.length === 0) return null;
  const url = new URL(await webTriggerUrl(WEB_TRIGGER_KEYS.jiraWebhook));
  url.searchParams.set(JIRA_WEBHOOK_TOKEN_PARAMETER, token);
  return { url: url.toString(), events: JIRA_WEBHOOK_EVENTS, jqlFilter: `project in (${projects.join(', ')})` };
}
