import { createHash, timingSafeEqual } from 'node:crypto';
import { getJiraWebhookToken } from '../../adapters/storage/jira-webhook-token';
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

/** A call of Jira's dynamic webhook, in transport-neutral terms. */
export interface JiraWebhookCall {
  method: string;
  rawBody: string;
  /** The `token` query parameter of the URL the app registered. */
  token: string | undefined;
}

export type JiraWebhookOutcome =
  { kind: 'accepted' } | { kind: 'refused'; status: 400 | 401 | 405 | 413; message: string };

/**
 * Jira's dynamic webhooks for issue updated/deleted. Only calls that carry the token the app put in the
 * registered URL get in; a deleted issue drops its link once Jira confirms it is gone (as the Forge trigger does,
 * so whichever arrives first does it and the other finds nothing to do).
 */
export async function receiveJiraWebhook(call: JiraWebhookCall): Promise<JiraWebhookOutcome> {
  if (call.method.toUpperCase() !== 'POST') return { kind: 'refused', status: 405, message: 'only POST is accepted' };
  const expected = await getJiraWebhookToken();
  if (!call.token || !expected || !sameToken(call.token, expected)) {
    return { kind: 'refused', status: 401, message: 'unauthenticated' };
  }
  if (Buffer.byteLength(call.rawBody, 'utf8') > MAX_BODY_BYTES) {
    return { kind: 'refused', status: 413, message: 'payload too large' };
  }
  let body: JiraWebhookBody;
  try {
    body = JSON.parse(call.rawBody) as JiraWebhookBody;
  } catch {
    return { kind: 'refused', status: 400, message: 'the body is not JSON' };
  }
  const issueId = typeof body?.issue?.id === 'string' && /^\d{1,20}$/.test(body.issue.id) ? body.issue.id : undefined;
  if (body?.webhookEvent === 'jira:issue_deleted' && issueId) await forgetIssue(issueId, 'webhook');
  return { kind: 'accepted' };
}
