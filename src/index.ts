/**
 * The handlers manifest.yml names. Placeholders until the app is wired: every entry point
 * answers "not configured" so the local runtime and `forge lint` have something real to load.
 */
import Resolver from '@forge/resolver';
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './entry/webtrigger/http';

export { waveWebhook } from './entry/webtrigger/wave-webhook';
export { jiraIssueEvents } from './entry/triggers/jira-issue-events';

const RETRY_AFTER_SECONDS = '60';

async function notConfigured(_request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return jsonResponse(503, { error: 'not configured' }, { 'Retry-After': RETRY_AFTER_SECONDS });
}

export const waveOAuthCallback = notConfigured;
export const jiraWebhook = notConfigured;

export async function keeper(): Promise<void> {}

export async function workConsumer(_event: unknown, _context: unknown): Promise<void> {}

const statusResolver = new Resolver();
statusResolver.define('getStatus', async () => ({ configured: false }));
export const resolver = statusResolver.getDefinitions();
