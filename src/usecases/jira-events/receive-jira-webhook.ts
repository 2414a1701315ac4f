import { createHash, timingSafeEqual } from 'node:crypto';
import { getJiraWebhookToken } from '../../adapters/storage/jira-webhook-token';
import { jsonResponse, type WebTriggerRequest, type WebTriggerResponse } from '../../entry/webtrigger/http';
import { JIRA_WEBHOOK_TOKEN_PARAMETER } from '../keeper/jira-webhook-target';
import { forgetIssue } from './forget-deleted-issue';

const MAX_BODY_BYTES = 1024 * 1024;

/** Equal-length digests compared in constant time, so neither the token nor its length leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

interface JiraWebhookBody {
  webhookEvent?: unknown;
  issue?: { id?: unknown };
}

/**
 * The `jira-webhook` web trigger: Jira's dynamic webhooks for issue updated/deleted. Only calls that
 * carry the token the app put in the registered URL get in; a deleted issue drops its link (as the
 * Forge trigger does, so whichever arrives first does it and the other finds nothing to do).
 */
export async function receiveJiraWebhook(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  if (request.method.toUpperCase() !== 'POST')
    return jsonResponse(405, { error: 'only POST is accepted' }, { Allow: 'POST' });
  const given = request.queryParameters?.[JIRA_WEBHOOK_TOKEN_PARAMETER]?.[0];
  const expected = await getJiraWebhookToken();
  if (!given || !expected || !sameToken(given, expected)) return jsonResponse(401, { error: 'unauthenticated' });
  const raw = request.body ?? '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) return jsonResponse(413, { error: 'payload too large' });
  let body: JiraWebhookBody;
  try {
    body = JSON.parse(raw) as JiraWebhookBody;
  } catch {
    return jsonResponse(400, { error: 'the body is not JSON' });
  }
  const issueId = typeof body?.issue?.id === 'string' ? body.issue.id : undefined;
  if (body?.webhookEvent === 'jira:issue_deleted' && issueId) await forgetIssue(issueId);
  return jsonResponse(200, { status: 'ok' });
}
