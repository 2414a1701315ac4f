import type { HandlerResult } from '../handlers/handler-types';
import type { FaultDecision } from '../limits/faults';
import type { RateLimited } from '../limits/rate-limiter';

/** Jira's 429: `Retry-After` (seconds), `RateLimit-Reason`, `X-RateLimit-Limit|Remaining|Reset`. */
export function rateLimitResponse(limited: RateLimited, extraHeaders: Record<string, string> = {}): HandlerResult {
  return {
    status: 429,
    headers: {
      'retry-after': String(limited.retryAfterSeconds),
      'ratelimit-reason': limited.reason,
      'x-ratelimit-limit': String(limited.limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(limited.resetAt).toISOString(),
      ...extraHeaders,
    },
    body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
  };
}

export function faultResponse(fault: FaultDecision, now: number): HandlerResult {
  switch (fault.kind) {
    case 'outage':
      return {
        status: 503,
        headers: { 'retry-after': String(Math.max(1, fault.retryAfterSeconds)) },
        body: { errorMessages: ['Service Unavailable'], errors: {} },
      };
    case 'storm':
      return rateLimitResponse({
        reason: 'jira-burst-based',
        retryAfterSeconds: fault.retryAfterSeconds,
        limit: 0,
        resetAt: Math.max(now, fault.resetAt),
      });
    case 'error':
      return {
        status: fault.status,
        body: {
          errorMessages: [
            fault.status === 500
              ? 'Internal server error'
              : 'The service is temporarily unavailable. Please try again.',
          ],
          errors: {},
        },
      };
  }
}

/** A write Jira applied whose answer a gateway lost: the caller cannot tell whether it happened. */
export function lostAnswerResponse(): HandlerResult {
  return { status: 504, body: { errorMessages: ['Gateway Timeout'], errors: {} } };
}
