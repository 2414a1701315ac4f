import { randomBytes } from 'node:crypto';
import { kvs } from './kvs';
import { secretKeys } from './keys';

/**
 * The secret the app puts in the URL of the Jira webhooks it registers (`?token=`), so its
 * `jira-webhook` web trigger can refuse calls that do not come from those webhooks.
 */
export async function getJiraWebhookToken(): Promise<string | undefined> {
  return kvs.getSecret<string>(secretKeys.jiraWebhookToken());
}

/** The token, created on first use. Call it under the keeper's webhook lock so only one is ever made. */
export async function ensureJiraWebhookToken(): Promise<string> {
  const existing = await getJiraWebhookToken();
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  await kvs.setSecret(secretKeys.jiraWebhookToken(), token);
  return token;
}
