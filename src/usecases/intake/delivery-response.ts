import { isAppError, UnavailableError } from '../../shared/errors';
import { jsonResponse, type WebTriggerResponse } from '../../entry/webtrigger/http';
import type { SyncResult } from '../sync/sync-result';

/** 200 only once Jira reflects the event (or the event changes nothing). */
export function acknowledged(result: SyncResult): WebTriggerResponse {
  return jsonResponse(200, { status: result.outcome, ...(result.issueKey ? { issueKey: result.issueKey } : {}) });
}

export function refused(
  statusCode: number,
  message: string,
  reason?: string,
  extraHeaders: Record<string, string> = {},
): WebTriggerResponse {
  return jsonResponse(statusCode, { error: message, ...(reason ? { reason } : {}) }, extraHeaders);
}

const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * A failure while syncing: Wave must retry, so the answer is never a 2xx or a final 4xx.
 * Busy or missing dependencies say when to come back.
 */
export function failed(error: unknown): { response: WebTriggerResponse; reason: string } {
  if (isAppError(error)) {
    const retryAfter =
      error instanceof UnavailableError ? Math.max(1, Math.ceil(error.retryAfterSeconds)) : DEFAULT_RETRY_AFTER_SECONDS;
    const status = error.httpStatus === 409 ? 409 : 503;
    return {
      response: refused(status, error.message, error.name, { 'Retry-After': String(retryAfter) }),
      reason: error.message,
    };
  }
  return {
    response: refused(500, 'the app failed to process this delivery; it will be retried', 'internal_error'),
    reason: error instanceof Error ? `internal error: ${error.message}` : 'internal error',
  };
}
