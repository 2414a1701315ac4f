/** The handlers manifest.yml names: wiring only, the work is in entry/ and usecases/. */
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from './entry/webtrigger/http';

export { waveWebhook } from './entry/webtrigger/wave-webhook';
export { waveOAuthCallback } from './entry/webtrigger/wave-oauth-callback';
export { jiraIssueEvents } from './entry/triggers/jira-issue-events';
export { resolver } from './entry/resolvers';

const RETRY_AFTER_SECONDS = '60';

async function notConfigured(_request: WebTriggerRequest): Promise<WebTriggerResponse> {
  return jsonResponse(503, { error: 'not configured' }, { 'Retry-After': RETRY_AFTER_SECONDS });
}

export const jiraWebhook = notConfigured;

export async function keeper(): Promise<void> {}

export async function workConsumer(_event: unknown, _context: unknown): Promise<void> {}
